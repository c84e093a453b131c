import { monthEnd, monthStart, partsOf, quarterOfMonth, toIsoDay, type IsoDay } from '../calendar/index.js';

/**
 * A report period: the span a periodic report covers, a year, a half, a quarter or the first nine months.
 * Not a question's date range (search's `QuestionRange`) nor a task's tracking year (tasks' `TrackingYear`).
 */
export type ReportPeriod = {
  kind: 'year' | 'half' | 'quarter' | 'nine_months';
  year: number;
  /** 1..2 for a half, 1..4 for a quarter, 1 otherwise. */
  index: number;
  start: IsoDay;
  end: IsoDay;
  /** The code it is written as: "2026", "2026-H1", "2026-Q3", "2026-9M". */
  code: string;
};

function make(
  kind: ReportPeriod['kind'],
  year: number,
  index: number,
  firstMonth: number,
  lastMonth: number,
  code: string,
): ReportPeriod {
  return { kind, year, index, start: monthStart(year, firstMonth), end: monthEnd(year, lastMonth), code };
}

/**
 * Reads a period code: `parseReportPeriod("2026-H1")` → Jan–Jun 2026; "2026", "2026-Q3", "2026-9M"; null when unreadable,
 * and for years before 1000 (JavaScript dates read years 0–99 as 1900–1999).
 */
export function parseReportPeriod(code: string): ReportPeriod | null {
  const m = /^([1-9]\d{3})(?:-(H[12]|Q[1-4]|9M))?$/i.exec(code.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const part = m[2]?.toUpperCase();
  if (!part) return make('year', year, 1, 1, 12, `${year}`);
  if (part === '9M') return make('nine_months', year, 1, 1, 9, `${year}-9M`);
  const index = Number(part.slice(1));
  if (part.startsWith('H')) return make('half', year, index, index * 6 - 5, index * 6, `${year}-H${index}`);
  return make('quarter', year, index, index * 3 - 2, index * 3, `${year}-Q${index}`);
}

/** The period of a kind that contains an instant, e.g. the half of 2026-08-01 is 2026-H2. */
export function reportPeriodContaining(kind: 'year' | 'half' | 'quarter', instant: Date): ReportPeriod {
  const [y, m] = partsOf(toIsoDay(instant));
  if (kind === 'year') return parseReportPeriod(`${y}`)!;
  if (kind === 'half') return parseReportPeriod(`${y}-H${m <= 6 ? 1 : 2}`)!;
  return parseReportPeriod(`${y}-Q${quarterOfMonth(m)}`)!;
}

/** Whether a day lies inside the period (both ends included). */
export function inReportPeriod(period: ReportPeriod, day: IsoDay): boolean {
  return day >= period.start && day <= period.end;
}
