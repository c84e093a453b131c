import type pg from 'pg';
import type { RevisionStore } from '../../tasks/index.js';
import { revisionRows } from '../revision-repo.js';
import { inTransaction } from './pool.js';

/**
 * Versions of plans in PostgreSQL. Recording one locks `plan_revisions` (two instances recording an amendment take
 * turns) and holds off new progress rows until it commits, so `up_to_id` divides the rows exactly as in SQLite.
 */
export function createPgRevisionRepo(pool: pg.Pool) {
  return {
    record: (plan, change, now, from) =>
      inTransaction(pool, async (c) => {
        await c.query('LOCK TABLE plan_revisions IN SHARE ROW EXCLUSIVE MODE');
        await c.query('LOCK TABLE updates IN SHARE MODE');
        const latest = await c.query<{ revision: number | null }>(
          'SELECT MAX(revision) AS revision FROM plan_revisions WHERE plan = $1',
          [plan],
        );
        const current = latest.rows[0]?.revision ?? 1;
        if (from !== undefined && from !== current) return null;
        const revision = current + 1;
        const last = await c.query<{ id: number | null }>('SELECT MAX(id) AS id FROM updates');
        const upTo = last.rows[0]?.id ?? 0;
        await c.query('INSERT INTO plan_revisions (plan, revision, created_at) VALUES ($1, $2, $3)', [
          plan,
          revision,
          now,
        ]);
        const { moves, retired } = revisionRows(change, revision);
        for (const m of moves) {
          await c.query(
            'INSERT INTO task_moves (plan, revision, from_task, to_task, up_to_id) VALUES ($1, $2, $3, $4, $5)',
            [plan, revision, m.from, m.to, upTo],
          );
        }
        for (const t of retired) {
          await c.query(
            `INSERT INTO retired_tasks (plan, task, revision, content, history_key, retired_at)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [plan, t.no, revision, t.content, t.key, now],
          );
        }
        return revision;
      }),
    versions: async () => {
      const { rows } = await pool.query<{ plan: string; revision: number }>(
        'SELECT plan, MAX(revision) AS revision FROM plan_revisions GROUP BY plan',
      );
      return new Map(rows.map((r) => [r.plan, r.revision]));
    },
  } satisfies RevisionStore;
}
