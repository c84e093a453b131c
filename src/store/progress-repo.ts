import type { NewUpdate, ProgressStore, UpdateRecord } from '../tasks/index.js';
import type { Db } from './sqlite.js';

type UpdateRow = {
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
  created_at: string;
  reverts: number | null;
};

const toRecord = (r: UpdateRow): UpdateRecord => ({
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
});

/** The progress history in SQLite: one row per update, never changed (triggers refuse UPDATE/DELETE). */
export function createProgressRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO updates (plan, task, period, status, percent, note, user_key, user_name, channel, message_id, created_at, reverts)
     VALUES (@plan, @task, @trackingYear, @status, @percent, @note, @userKey, @userName, @channel, @messageId, @createdAt, @reverts)`,
  );
  const byDelivery = db.prepare<[string, string], UpdateRow>(
    'SELECT * FROM updates WHERE channel = ? AND message_id = ?',
  );
  const byId = db.prepare<[number | bigint], UpdateRow>('SELECT * FROM updates WHERE id = ?');
  const forTask = db.prepare<[string, string], UpdateRow>(
    'SELECT * FROM updates WHERE plan = ? AND task = ? ORDER BY id',
  );
  const forPlan = db.prepare<[string], UpdateRow>('SELECT * FROM updates WHERE plan = ? ORDER BY id');
  const since = db.prepare<[string], UpdateRow>('SELECT * FROM updates WHERE created_at >= ? ORDER BY id');
  const byUser = db.prepare<[string, number], UpdateRow>(
    'SELECT * FROM updates WHERE user_key = ? ORDER BY id DESC LIMIT ?',
  );

  const findByDelivery = (channel: string, messageId: string) => {
    const row = byDelivery.get(channel, messageId);
    return row && toRecord(row);
  };

  const append = db.transaction((u: NewUpdate): ReturnType<ProgressStore['append']> => {
    const existing = findByDelivery(u.channel, u.messageId);
    if (existing) return { ok: false, error: { code: 'duplicate_delivery', existing } };
    const info = insert.run({ ...u, createdAt: u.createdAt.toISOString() });
    return { ok: true, value: toRecord(byId.get(info.lastInsertRowid)!) };
  });

  return {
    append: (u) => append.immediate(u),
    findByDelivery,
    listForTask: (plan, task) => forTask.all(plan, task).map(toRecord),
    listForPlan: (plan) => forPlan.all(plan).map(toRecord),
    listSince: (date) => since.all(date.toISOString()).map(toRecord),
    listByUser: (userKey, limit) => byUser.all(userKey, limit).map(toRecord),
  } satisfies ProgressStore;
}
