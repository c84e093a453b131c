import { monthEnd, monthStart, partsOf, quarterOfMonth, toIsoDay, type IsoDay } from '../calendar/index.js';

/** A reporting period: a year, a half, a quarter or the first nine months. */
export type Period = {
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
  kind: Period['kind'],
  year: number,
  index: number,
  firstMonth: number,
  lastMonth: number,
  code: string,
): Period {
  return { kind, year, index, start: monthStart(year, firstMonth), end: monthEnd(year, lastMonth), code };
}

/**
 * Reads a period code: `parsePeriod("2026-H1")` → Jan–Jun 2026; "2026", "2026-Q3", "2026-9M"; null when unreadable,
 * and for years before 1000 (JavaScript dates read years 0–99 as 1900–1999).
 */
export function parsePeriod(code: string): Period | null {
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
export function periodContaining(kind: 'year' | 'half' | 'quarter', instant: Date): Period {
  const [y, m] = partsOf(toIsoDay(instant));
  if (kind === 'year') return parsePeriod(`${y}`)!;
  if (kind === 'half') return parsePeriod(`${y}-H${m <= 6 ? 1 : 2}`)!;
  return parsePeriod(`${y}-Q${quarterOfMonth(m)}`)!;
}

/** Whether a day lies inside the period (both ends included). */
export function inPeriod(period: Period, day: IsoDay): boolean {
  return day >= period.start && day <= period.end;
}
