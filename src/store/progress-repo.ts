import type { NewUpdate, ProgressStore, UpdateRecord } from '../tasks/index.js';
import type { Db } from './sqlite.js';
import { keptPlanRows } from './kept-plan-rows.js';
import { movesOf, numberingOf, numbersCountingFor } from './task-numbering.js';
import { promised } from './promised.js';

/** An `updates` row as either store reads it (`created_at` ISO text in SQLite, a Date in PostgreSQL). */
export type UpdateRow = {
  id: number;
  plan: string;
  task: string;
  period: string;
  status: UpdateRecord['status'];
  percent: number | null;
  note: string;
  user_key: string;
  user_name: string;
  channel: string;
  message_id: string;
  created_at: string | Date;
  reverts: number | null;
  unit: string | null;
};

/** Maps an `updates` row (of either store) to the domain record. */
export const toRecord = (r: UpdateRow): UpdateRecord => ({
  id: r.id,
  plan: r.plan,
  task: r.task,
  trackingYear: r.period,
  status: r.status,
  percent: r.percent,
  note: r.note,
  userKey: r.user_key,
  userName: r.user_name,
  channel: r.channel,
  messageId: r.message_id,
  createdAt: new Date(r.created_at),
  reverts: r.reverts,
  unit: r.unit,
});

/**
 * The progress history in SQLite: one row per update, never changed (triggers refuse UPDATE/DELETE). Rows are read
 * under the task number they count for now (an amendment of the plan may have renumbered or retired their task). A
 * plan's rows are kept in memory once read ({@link keptPlanRows}): a plan read again reads only its new rows.
 */
export function createProgressRepo(db: Db) {
  const numbering = numberingOf(db);
  const moves = movesOf(db);
  /** Records of rows of any plans, each under its current task number. */
  const current = (rows: UpdateRow[]): UpdateRecord[] => {
    const byPlan = new Map<string, (row: UpdateRow) => string>();
    return rows.map((r) => {
      let numberOf = byPlan.get(r.plan);
      if (!numberOf) byPlan.set(r.plan, (numberOf = numbering(r.plan)));
      const record = toRecord(r);
      record.task = numberOf(r);
      return record;
    });
  };
  const insert = db.prepare(
    `INSERT INTO updates (plan, task, period, status, percent, note, user_key, user_name, channel, message_id, created_at, reverts, unit)
     VALUES (@plan, @task, @trackingYear, @status, @percent, @note, @userKey, @userName, @channel, @messageId, @createdAt, @reverts, @unit)`,
  );
  const byDelivery = db.prepare<[string, string], UpdateRow>(
    'SELECT * FROM updates WHERE channel = ? AND message_id = ?',
  );
  const byId = db.prepare<[number | bigint], UpdateRow>('SELECT * FROM updates WHERE id = ?');
  const forTask = db.prepare<[string, string], UpdateRow>(
    'SELECT * FROM updates WHERE plan = ? AND task = ? ORDER BY id',
  );
  const since = db.prepare<[string], UpdateRow>('SELECT * FROM updates WHERE created_at >= ? ORDER BY id');
  const byUser = db.prepare<[string, number], UpdateRow>(
    'SELECT * FROM updates WHERE user_key = ? ORDER BY id DESC LIMIT ?',
  );

  const findByDelivery = (channel: string, messageId: string) => {
    const row = byDelivery.get(channel, messageId);
    return row && current([row])[0];
  };

  // Only the rows written under a number that may count for the task now are read (index updates_task), not the plan's.
  const listForTask = (plan: string, task: string): UpdateRecord[] => {
    const numbers = numbersCountingFor(moves(plan), task);
    const rows = numbers.flatMap((n) => forTask.all(plan, n));
    if (numbers.length > 1) rows.sort((a, b) => a.id - b.id);
    return current(rows).filter((r) => r.task === task);
  };

  const append = db.transaction((u: NewUpdate): Awaited<ReturnType<ProgressStore['append']>> => {
    const existing = findByDelivery(u.channel, u.messageId);
    if (existing) return { ok: false, error: { code: 'duplicate_delivery', existing } };
    const info = insert.run({ ...u, unit: u.unit ?? null, createdAt: u.createdAt.toISOString() });
    return { ok: true, value: current([byId.get(info.lastInsertRowid)!])[0]! };
  });

  return promised<ProgressStore>({
    append: (u) => append.immediate(u),
    findByDelivery,
    listForTask,
    listForPlan: keptPlanRows(db, toRecord),
    listSince: (date) => current(since.all(date.toISOString())),
    listByUser: (userKey, limit) => current(byUser.all(userKey, limit)),
  });
}
