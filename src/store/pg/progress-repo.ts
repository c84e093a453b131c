import type pg from 'pg';
import type { NewUpdate, ProgressStore, UpdateRecord } from '../../tasks/index.js';
import { toRecord, type UpdateRow } from '../progress-repo.js';
import { movedTask, numbersCountingFor, type TaskMove } from '../task-numbering.js';

/**
 * The progress history in PostgreSQL (`satisfies ProgressStore`): one row per update, never changed
 * (a trigger refuses UPDATE, DELETE and TRUNCATE); rows are read under the task number they count for now.
 */
export function createPgProgressRepo(pool: pg.Pool) {
  type PlanMove = TaskMove & { plan: string };
  /** The task moves of these plans, in revision order. */
  const movesOf = async (plans: string[]) =>
    (
      await pool.query<PlanMove>(
        'SELECT plan, revision, from_task, to_task, up_to_id FROM task_moves WHERE plan = ANY($1) ORDER BY revision',
        [plans],
      )
    ).rows;
  /** Records of rows of any plans, each under its current task number (the moves of their plans read once, or given). */
  const current = async (rows: UpdateRow[], given?: PlanMove[]): Promise<UpdateRecord[]> => {
    const moves = given ?? (await movesOf([...new Set(rows.map((r) => r.plan))]));
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
    // Only the rows written under a number that may count for the task now (index updates_task), not the plan's.
    listForTask: async (plan, task) => {
      const moves = await movesOf([plan]);
      const { rows } = await pool.query<UpdateRow>(
        'SELECT * FROM updates WHERE plan = $1 AND task = ANY($2) ORDER BY id',
        [plan, numbersCountingFor(moves, task)],
      );
      return (await current(rows, moves)).filter((r) => r.task === task);
    },
    listForPlan: (plan) => select('SELECT * FROM updates WHERE plan = $1 ORDER BY id', [plan]),
    listSince: (since) => select('SELECT * FROM updates WHERE created_at >= $1 ORDER BY id', [since]),
    listByUser: (userKey, limit) =>
      select('SELECT * FROM updates WHERE user_key = $1 ORDER BY id DESC LIMIT $2', [userKey, limit]),
  } satisfies ProgressStore;
}
