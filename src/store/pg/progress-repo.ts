import type pg from 'pg';
import type { NewUpdate, ProgressStore, UpdateRecord } from '../../tasks/index.js';
import { toRecord, type UpdateRow } from '../progress-repo.js';
import { movedTask, type TaskMove } from '../task-numbering.js';

/**
 * The progress history in PostgreSQL (`satisfies ProgressStore`): one row per update, never changed
 * (a trigger refuses UPDATE, DELETE and TRUNCATE); rows are read under the task number they count for now.
 */
export function createPgProgressRepo(pool: pg.Pool) {
  /** Records of rows of any plans, each under its current task number (one query for the moves of their plans). */
  const current = async (rows: UpdateRow[]): Promise<UpdateRecord[]> => {
    const plans = [...new Set(rows.map((r) => r.plan))];
    const { rows: moves } = await pool.query<TaskMove & { plan: string }>(
      'SELECT plan, revision, from_task, to_task, up_to_id FROM task_moves WHERE plan = ANY($1) ORDER BY revision',
      [plans],
    );
    return rows.map((r) =>
      toRecord({
        ...r,
        task: movedTask(
          moves.filter((m) => m.plan === r.plan),
          r,
        ),
      }),
    );
  };
  const select = async (sql: string, values: unknown[]) => current((await pool.query<UpdateRow>(sql, values)).rows);

  const findByDelivery = async (channel: string, messageId: string) =>
    (await select('SELECT * FROM updates WHERE channel = $1 AND message_id = $2', [channel, messageId]))[0];

  /** One statement: the unique (channel, message_id) index decides between two instances appending the same delivery. */
  const append = async (u: NewUpdate): ReturnType<ProgressStore['append']> => {
    const [appended] = await select(
      `INSERT INTO updates (plan, task, period, status, percent, note, user_key, user_name, channel, message_id, created_at, reverts, unit)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (channel, message_id) DO NOTHING RETURNING *`,
      [
        u.plan,
        u.task,
        u.trackingYear,
        u.status,
        u.percent,
        u.note,
        u.userKey,
        u.userName,
        u.channel,
        u.messageId,
        u.createdAt,
        u.reverts,
        u.unit ?? null,
      ],
    );
    if (appended) return { ok: true, value: appended };
    const existing = (await findByDelivery(u.channel, u.messageId))!;
    return { ok: false, error: { code: 'duplicate_delivery', existing } };
  };

  return {
    append,
    findByDelivery,
    listForTask: async (plan, task) =>
      (await select('SELECT * FROM updates WHERE plan = $1 ORDER BY id', [plan])).filter((r) => r.task === task),
    listForPlan: (plan) => select('SELECT * FROM updates WHERE plan = $1 ORDER BY id', [plan]),
    listSince: (since) => select('SELECT * FROM updates WHERE created_at >= $1 ORDER BY id', [since]),
    listByUser: (userKey, limit) =>
      select('SELECT * FROM updates WHERE user_key = $1 ORDER BY id DESC LIMIT $2', [userKey, limit]),
  } satisfies ProgressStore;
}
