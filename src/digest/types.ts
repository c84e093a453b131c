import type { Plan } from '../knowledge/index.js';
import type { Figure, TaskState, UpdateRecord } from '../tasks/index.js';

/** What a digest or report is built from, for one plan, as of one moment. */
export type PlanProgress = {
  plan: Plan;
  /** Every task's derived state, in plan order. */
  states: TaskState[];
  /** The plan's effective updates (reversals dropped), oldest first. */
  updates: UpdateRecord[];
  figures: Figure[];
};
