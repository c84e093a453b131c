import type { IsoDay } from '../knowledge/index.js';

/** A span of calendar days a question asks about, both ends included. */
export type DayRange = {
  kind: 'day' | 'week' | 'month' | 'quarter' | 'year' | 'days';
  from: IsoDay;
  to: IsoDay;
  /** Month (1..12), quarter (1..4) or 0, with the year: what a reply names the period by. */
  index: number;
  year: number;
};

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): IsoDay => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const utc = (day: IsoDay) => new Date(`${day}T00:00:00Z`);
const fromUtc = (d: Date): IsoDay => d.toISOString().slice(0, 10);
const parts = (day: IsoDay) => day.split('-').map(Number) as [number, number, number];

/** `day` moved by `n` calendar days (negative goes back). */
export function addDays(day: IsoDay, n: number): IsoDay {
  const d = utc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fromUtc(d);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: IsoDay, to: IsoDay): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000);
}

/** The week (Monday to Sunday) holding `day`, moved by `offset` weeks. */
export function weekOf(day: IsoDay, offset = 0): DayRange {
  const sinceMonday = (utc(day).getUTCDay() + 6) % 7;
  const from = addDays(day, offset * 7 - sinceMonday);
  return { kind: 'week', from, to: addDays(from, 6), index: 0, year: parts(from)[0] };
}

/** A calendar month; `month` may run past 1..12 (13 is January of the next year). */
export function monthRange(year: number, month: number): DayRange {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return { kind: 'month', from: iso(y, m, 1), to: iso(y, m, lastDay(y, m)), index: m, year: y };
}

/** A calendar quarter; `quarter` may run past 1..4 (5 is the first quarter of the next year). */
export function quarterRange(year: number, quarter: number): DayRange {
  const y = year + Math.floor((quarter - 1) / 4);
  const q = ((((quarter - 1) % 4) + 4) % 4) + 1;
  return { kind: 'quarter', from: iso(y, q * 3 - 2, 1), to: iso(y, q * 3, lastDay(y, q * 3)), index: q, year: y };
}

/** A calendar year. */
export function yearRange(year: number): DayRange {
  return { kind: 'year', from: iso(year, 1, 1), to: iso(year, 12, 31), index: 0, year };
}

/** The month holding `day`, moved by `offset` months. */
export function monthOf(day: IsoDay, offset = 0): DayRange {
  const [y, m] = parts(day);
  return monthRange(y, m + offset);
}

/** The quarter holding `day`, moved by `offset` quarters. */
export function quarterOf(day: IsoDay, offset = 0): DayRange {
  const [y, m] = parts(day);
  return quarterRange(y, Math.ceil(m / 3) + offset);
}

/** The year holding `day`, moved by `offset` years. */
export function yearOf(day: IsoDay, offset = 0): DayRange {
  return yearRange(parts(day)[0] + offset);
}

/** `day` alone, or the `n` days starting at `day` ("trong 7 ngày tới"). */
export function daysAhead(day: IsoDay, n: number): DayRange {
  const [y] = parts(day);
  return n <= 1
    ? { kind: 'day', from: day, to: day, index: 0, year: y }
    : { kind: 'days', from: day, to: addDays(day, n - 1), index: n, year: y };
}

/** The days from `from` to `to`, both included. */
export function spanOf(from: IsoDay, to: IsoDay): DayRange {
  return { kind: 'days', from, to, index: daysFrom(from, to) + 1, year: parts(from)[0] };
}

/** The ISO day of a calendar date, or null when there is no such day (31/6). */
export function dayOf(year: number, month: number, day: number): IsoDay | null {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month) ? iso(year, month, day) : null;
}

/** Whether `day` lies in the range. */
export function inRange(range: DayRange, day: IsoDay): boolean {
  return day >= range.from && day <= range.to;
}
