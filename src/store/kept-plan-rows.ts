import type { UpdateRecord } from '../tasks/index.js';
import type { Db } from './sqlite.js';
import { movedTask, movesOf, type TaskMove } from './task-numbering.js';

/** Progress rows kept in memory, all plans together (a few hundred bytes each): the plans read last are kept. */
export const PLAN_ROWS_KEPT = 20_000;

type Row = { id: number; task: string };
type Kept = {
  /** Each row's record, frozen, under the task number it counts for under `movesKey`. */
  records: UpdateRecord[];
  /** The task number each row was written under. */
  written: string[];
  lastId: number;
  movesKey: string;
};

/**
 * `listForPlan` of the SQLite store with what it read kept: rows never change (triggers refuse it) and ids only grow
 * (one writer at a time commits them in order, in this process or another), so reading a plan again reads only the
 * rows added since. The records are renumbered when the plan's task moves changed (an amendment). The records are
 * frozen and shared between reads; each read gets an array of its own.
 */
export function keptPlanRows<R extends Row>(
  db: Db,
  toRecord: (row: R) => UpdateRecord,
  maxRows = PLAN_ROWS_KEPT,
): (plan: string) => UpdateRecord[] {
  const added = db.prepare<[string, number], R>('SELECT * FROM updates WHERE plan = ? AND id > ? ORDER BY id');
  const moves = movesOf(db);
  const kept = new Map<string, Kept>();
  let keptRows = 0;

  const renumber = (entry: Kept, list: TaskMove[]) => {
    entry.records = entry.records.map((r, i) => {
      const task = movedTask(list, { id: r.id, task: entry.written[i]! });
      return task === r.task ? r : Object.freeze({ ...r, task });
    });
  };

  return (plan) => {
    const list = moves(plan);
    const movesKey = list.map((m) => `${m.revision}:${m.from_task}:${m.to_task}:${m.up_to_id}`).join(',');
    const entry = kept.get(plan) ?? { records: [], written: [], lastId: 0, movesKey };
    kept.delete(plan);
    keptRows -= entry.records.length;
    if (entry.movesKey !== movesKey) {
      entry.movesKey = movesKey;
      renumber(entry, list);
    }
    for (const row of added.all(plan, entry.lastId)) {
      const record = toRecord(row);
      record.task = movedTask(list, row);
      entry.records.push(Object.freeze(record));
      entry.written.push(row.task);
      entry.lastId = row.id;
    }
    const records = entry.records.slice();
    // The plan read now goes last; the plans read longest ago leave first when the rows are over the budget.
    kept.set(plan, entry);
    keptRows += entry.records.length;
    for (const [other, e] of kept) {
      if (keptRows <= maxRows) break;
      kept.delete(other);
      keptRows -= e.records.length;
    }
    return records;
  };
}
