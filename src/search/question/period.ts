import {
  addDays,
  daysBetween,
  isoDay,
  monthEnd,
  partsOf,
  quarterEnd,
  quarterStart,
  weekdayOf,
  type IsoDay,
} from '../../calendar/index.js';

/**
 * A question's date range: the calendar days a question asks about ("tuần này", "quý III"), both ends included.
 * Not a report period (digest's `ReportPeriod`) nor a task's tracking year (tasks' `TrackingYear`).
 */
export type QuestionRange = {
  kind: 'day' | 'week' | 'month' | 'quarter' | 'year' | 'days';
  from: IsoDay;
  to: IsoDay;
  /** Month (1..12), quarter (1..4) or 0, with the year: what a reply names the period by. */
  index: number;
  year: number;
};

/** The week (Monday to Sunday) holding `day`, moved by `offset` weeks. */
export function weekOf(day: IsoDay, offset = 0): QuestionRange {
  const from = addDays(day, offset * 7 - (weekdayOf(day) - 1));
  return { kind: 'week', from, to: addDays(from, 6), index: 0, year: partsOf(from)[0] };
}

/** A calendar month; `month` may run past 1..12 (13 is January of the next year). */
export function monthRange(year: number, month: number): QuestionRange {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return { kind: 'month', from: isoDay(y, m, 1), to: monthEnd(y, m), index: m, year: y };
}

/** A calendar quarter; `quarter` may run past 1..4 (5 is the first quarter of the next year). */
export function quarterRange(year: number, quarter: number): QuestionRange {
  const y = year + Math.floor((quarter - 1) / 4);
  const q = ((((quarter - 1) % 4) + 4) % 4) + 1;
  return { kind: 'quarter', from: quarterStart(y, q), to: quarterEnd(y, q), index: q, year: y };
}

/** A calendar year. */
export function yearRange(year: number): QuestionRange {
  return { kind: 'year', from: isoDay(year, 1, 1), to: isoDay(year, 12, 31), index: 0, year };
}

/** The month holding `day`, moved by `offset` months. */
export function monthOf(day: IsoDay, offset = 0): QuestionRange {
  const [y, m] = partsOf(day);
  return monthRange(y, m + offset);
}

/** The quarter holding `day`, moved by `offset` quarters. */
export function quarterOf(day: IsoDay, offset = 0): QuestionRange {
  const [y, m] = partsOf(day);
  return quarterRange(y, Math.ceil(m / 3) + offset);
}

/** The year holding `day`, moved by `offset` years. */
export function yearOf(day: IsoDay, offset = 0): QuestionRange {
  return yearRange(partsOf(day)[0] + offset);
}

/** `day` alone, or the `n` days starting at `day` ("trong 7 ngày tới"). */
export function daysAhead(day: IsoDay, n: number): QuestionRange {
  const [y] = partsOf(day);
  return n <= 1
    ? { kind: 'day', from: day, to: day, index: 0, year: y }
    : { kind: 'days', from: day, to: addDays(day, n - 1), index: n, year: y };
}

/** The days from `from` to `to`, both included. */
export function spanOf(from: IsoDay, to: IsoDay): QuestionRange {
  return { kind: 'days', from, to, index: daysBetween(from, to) + 1, year: partsOf(from)[0] };
}

/** Whether `day` lies in the range. */
export function inRange(range: QuestionRange, day: IsoDay): boolean {
  return day >= range.from && day <= range.to;
}
