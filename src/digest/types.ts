import type { Plan } from '../knowledge/index.js';
import type { TaskState, UpdateRecord } from '../tasks/index.js';

/** The metrics units report numbers for (`/solieu`). */
export type Metric = 'conferences' | 'documents' | 'procedures';

/** One reported figure: e.g. conferences of 2026, field `online`, value 26, reported by one unit. */
export type Figure = {
  plan: string;
  unit: string;
  metric: Metric;
  year: number;
  field: 'total' | 'online';
  value: number;
  reportedAt: Date;
};

/** What a digest or report is built from, for one plan, as of one moment. */
export type PlanProgress = {
  plan: Plan;
  /** Every task's derived state, in plan order. */
  states: TaskState[];
  /** The plan's effective updates (reversals dropped), oldest first. */
  updates: UpdateRecord[];
  figures: Figure[];
};
