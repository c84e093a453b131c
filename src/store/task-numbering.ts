import type { Db } from './sqlite.js';

/** One row of `task_moves`: rows up to `up_to_id` written for `from_task` count for `to_task` from `revision` on. */
export type TaskMove = { revision: number; from_task: string; to_task: string; up_to_id: number };

/**
 * The task a progress row counts for now, given the moves of its plan in revision order: its number as written,
 * moved by each later amendment of the plan that renumbered or retired that task (only rows written before the
 * amendment move). Shared by both stores.
 */
export function movedTask(moves: readonly TaskMove[], row: { id: number; task: string }): string {
  let task = row.task;
  let revision = 0;
  for (const m of moves) {
    if (m.revision === revision || row.id > m.up_to_id || m.from_task !== task) continue;
    task = m.to_task;
    revision = m.revision;
  }
  return task;
}

/** `numberingOf(db)(plan)(row)`: {@link movedTask} with the moves of `plan` read from SQLite. */
export function numberingOf(db: Db) {
  const movesOf = db.prepare<[string], TaskMove>(
    'SELECT revision, from_task, to_task, up_to_id FROM task_moves WHERE plan = ? ORDER BY revision',
  );
  return (plan: string) => {
    const moves = movesOf.all(plan);
    return (row: { id: number; task: string }): string => movedTask(moves, row);
  };
}
