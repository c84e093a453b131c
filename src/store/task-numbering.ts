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

/**
 * The task numbers a row may have been written under to count for `task` now: `task` itself and every number some
 * chain of moves leads from to it (a superset: whether a row moved also depends on its id, see {@link movedTask}).
 */
export function numbersCountingFor(moves: readonly TaskMove[], task: string): string[] {
  const found = new Set([task]);
  for (let grew = true; grew;) {
    grew = false;
    for (const m of moves) {
      if (found.has(m.to_task) && !found.has(m.from_task)) {
        found.add(m.from_task);
        grew = true;
      }
    }
  }
  return [...found];
}

/** `movesOf(db)(plan)`: the moves of `plan` read from SQLite, in revision order. */
export function movesOf(db: Db): (plan: string) => TaskMove[] {
  const select = db.prepare<[string], TaskMove>(
    'SELECT revision, from_task, to_task, up_to_id FROM task_moves WHERE plan = ? ORDER BY revision',
  );
  return (plan) => select.all(plan);
}

/** `numberingOf(db)(plan)(row)`: {@link movedTask} with the moves of `plan` read from SQLite. */
export function numberingOf(db: Db) {
  const read = movesOf(db);
  return (plan: string) => {
    const moves = read(plan);
    return (row: { id: number; task: string }): string => movedTask(moves, row);
  };
}
