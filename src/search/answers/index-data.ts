import type { NamedList, Plan } from '../../knowledge/index.js';
import type { SearchOptions } from '../options.js';
import {
  buildListNameIndex,
  buildLocalityIndex,
  listNameKey,
  type ListNameIndex,
  type LocalityIndex,
} from '../question/index.js';
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
  /** The named lists the plans enumerate ("6 rõ"), by the key of their name ("6 ro"), in plan order. */
  lists: Map<string, NamedList[]>;
  /** The names of those lists, for questions to be read against. */
  listNames: ListNameIndex;
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

function listsByName(plans: readonly Plan[]): Map<string, NamedList[]> {
  const lists = new Map<string, NamedList[]>();
  for (const list of plans.flatMap((p) => p.namedLists)) {
    const key = listNameKey(list.name);
    lists.set(key, [...(lists.get(key) ?? []), list]);
  }
  return lists;
}

/** What answers read, around an engine over the plans' passages (built now, or loaded). */
export function indexDataOf(plans: readonly Plan[], engine: Engine, options: SearchOptions): IndexData {
  return {
    plans: new Map(plans.map((p) => [p.id, p])),
    refs: new Map(plans.map((p) => [p.id, { id: p.id, meta: p.meta, taskCount: p.tasks.length, version: p.version }])),
    order: plans.map((p) => p.id),
    engine,
    localities: buildLocalityIndex(plans),
    lists: listsByName(plans),
    listNames: buildListNameIndex(plans.flatMap((p) => p.namedLists.map((l) => l.name))),
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
