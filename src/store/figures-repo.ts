import type { Db } from './sqlite.js';

/** Same shape as digest's `Figure` (the store does not import digest). */
type FigureRecord = {
  plan: string;
  unit: string;
  metric: 'conferences' | 'documents' | 'procedures';
  year: number;
  field: 'total' | 'online';
  value: number;
  reportedAt: Date;
};
type FigureRow = Omit<FigureRecord, 'reportedAt'> & { reported_at: string };

/** Figures reported with /solieu, appended; readers keep each unit's latest value. */
export function createFiguresRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO figures (plan, unit, metric, year, field, value, user_key, reported_at)
     VALUES (@plan, @unit, @metric, @year, @field, @value, @userKey, @reportedAt)`,
  );
  const forPlan = db.prepare<[string], FigureRow>(
    'SELECT plan, unit, metric, year, field, value, reported_at FROM figures WHERE plan = ? ORDER BY id',
  );
  const addAll = db.transaction((figures: FigureRecord[], userKey: string) => {
    for (const f of figures) insert.run({ ...f, userKey, reportedAt: f.reportedAt.toISOString() });
  });
  return {
    add: (figures: FigureRecord[], userKey: string) => addAll.immediate(figures, userKey),
    listForPlan: (plan: string): FigureRecord[] =>
      forPlan.all(plan).map(({ reported_at, ...f }) => ({ ...f, reportedAt: new Date(reported_at) })),
  };
}
