import type pg from 'pg';
import type { Figure, FiguresStore } from '../../tasks/index.js';
import { inTransaction } from './pool.js';

type FigureRow = Omit<Figure, 'reportedAt'> & { reported_at: Date };

/** Figures reported with /solieu in PostgreSQL, appended in one transaction; readers keep each unit's latest value. */
export function createPgFiguresRepo(pool: pg.Pool) {
  return {
    add: (figures, userKey) =>
      inTransaction(pool, async (c) => {
        for (const f of figures) {
          await c.query(
            `INSERT INTO figures (plan, unit, metric, year, field, value, user_key, reported_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [f.plan, f.unit, f.metric, f.year, f.field, f.value, userKey, f.reportedAt],
          );
        }
      }),
    listForPlan: async (plan) => {
      const { rows } = await pool.query<FigureRow>(
        'SELECT plan, unit, metric, year, field, value, reported_at FROM figures WHERE plan = $1 ORDER BY id',
        [plan],
      );
      return rows.map(({ reported_at, ...f }) => ({ ...f, reportedAt: reported_at }));
    },
  } satisfies FiguresStore;
}
