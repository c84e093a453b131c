import type { Plan } from '../../knowledge/index.js';
import type { SearchOptions } from '../options.js';
import { buildLocalityIndex, type LocalityIndex } from '../question/index.js';
import { buildEngine, documentsOf, engineFromJSON, type Engine } from '../retrieval/index.js';
import type { PlanRef } from './types.js';

/** What answers read: built once from the plans, read by every question. */
export type IndexData = {
  plans: Map<string, Plan>;
  refs: Map<string, PlanRef>;
  /** Plan ids in the order the plans were given. */
  order: string[];
  engine: Engine;
  localities: LocalityIndex;
  /** Every canonical agency the plans name, with the plans naming it. */
  agencies: Map<string, Set<string>>;
  options: SearchOptions;
};

function agencyHolders(plans: readonly Plan[]): Map<string, Set<string>> {
  const holders = new Map<string, Set<string>>();
  for (const plan of plans) {
    const names = [...plan.agencies, ...plan.duties.flatMap((d) => d.agency.map((a) => a.name))];
    for (const name of names) holders.set(name, (holders.get(name) ?? new Set()).add(plan.id));
  }
  return holders;
}

/** What answers read, around an engine over the plans' passages (built now, or loaded). */
export function indexDataOf(plans: readonly Plan[], engine: Engine, options: SearchOptions): IndexData {
  return {
    plans: new Map(plans.map((p) => [p.id, p])),
    refs: new Map(plans.map((p) => [p.id, { id: p.id, meta: p.meta, taskCount: p.tasks.length, version: p.version }])),
    order: plans.map((p) => p.id),
    engine,
    localities: buildLocalityIndex(plans),
    agencies: agencyHolders(plans),
    options,
  };
}

/** Indexes the plans once: their passages, localities and agencies. */
export function buildIndexData(plans: readonly Plan[], options: SearchOptions): IndexData {
  return indexDataOf(plans, buildEngine(documentsOf(plans), options), options);
}

/** The index data over `plans` with the engine loaded from `engineToJSON`'s data; undefined when it does not fit. */
export async function loadIndexData(
  plans: readonly Plan[],
  data: unknown,
  options: SearchOptions,
): Promise<IndexData | undefined> {
  const engine = await engineFromJSON(data, options);
  return engine && engine.planCount === plans.length ? indexDataOf(plans, engine, options) : undefined;
}
