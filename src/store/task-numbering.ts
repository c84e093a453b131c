import type { Db } from './sqlite.js';

type Move = { revision: number; from_task: string; to_task: string; up_to_id: number };

/**
 * The task a progress row counts for now: its number as written, moved by each later amendment of the plan that
 * renumbered or retired that task (only rows written before the amendment move). `numberingOf(db)(plan)(row)`.
 */
export function numberingOf(db: Db) {
  const movesOf = db.prepare<[string], Move>(
    'SELECT revision, from_task, to_task, up_to_id FROM task_moves WHERE plan = ? ORDER BY revision',
  );
  return (plan: string) => {
    const moves = movesOf.all(plan);
    return (row: { id: number; task: string }): string => {
      let task = row.task;
      let revision = 0;
      for (const m of moves) {
        if (m.revision === revision || row.id > m.up_to_id || m.from_task !== task) continue;
        task = m.to_task;
        revision = m.revision;
      }
      return task;
    };
  };
}
