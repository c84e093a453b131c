import type { Figure, FiguresStore } from '../tasks/index.js';
import type { Db } from './sqlite.js';
import { promised } from './promised.js';

type FigureRow = Omit<Figure, 'reportedAt'> & { reported_at: string };

/** Figures reported with /solieu, appended; readers keep each unit's latest value (`satisfies FiguresStore`). */
export function createFiguresRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO figures (plan, unit, metric, year, field, value, user_key, reported_at)
     VALUES (@plan, @unit, @metric, @year, @field, @value, @userKey, @reportedAt)`,
  );
  const forPlan = db.prepare<[string], FigureRow>(
    'SELECT plan, unit, metric, year, field, value, reported_at FROM figures WHERE plan = ? ORDER BY id',
  );
  const addAll = db.transaction((figures: Figure[], userKey: string) => {
    for (const f of figures) insert.run({ ...f, userKey, reportedAt: f.reportedAt.toISOString() });
  });
  return promised<FiguresStore>({
    add: (figures, userKey) => addAll.immediate(figures, userKey),
    listForPlan: (plan) =>
      forPlan.all(plan).map(({ reported_at, ...f }) => ({ ...f, reportedAt: new Date(reported_at) })),
  });
}
