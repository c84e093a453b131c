/** A calendar day written `YYYY-MM-DD`, read in the calendar's zone (Asia/Ho_Chi_Minh). */
export type IsoDay = string;

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const utcOf = (day: IsoDay) => Date.parse(`${day}T00:00:00Z`);

/** The day of a year, month (1..12) and day of month, with no check: `isoDay(2026, 6, 5)` → "2026-06-05". */
export function isoDay(year: number, month: number, day: number): IsoDay {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The day of a calendar date, or null when there is no such day (31/6, 29/2/2026). */
export function validDay(year: number, month: number, day: number): IsoDay | null {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? isoDay(year, month, day) : null;
}

/** Year, month (1..12) and day of month of `day`. */
export function partsOf(day: IsoDay): [year: number, month: number, day: number] {
  return day.split('-').map(Number) as [number, number, number];
}

/** How many days the month has: `daysInMonth(2028, 2)` → 29. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day `n` calendar days after `day` (negative goes back): `addDays("2026-06-05", -7)` → "2026-05-29". */
export function addDays(day: IsoDay, n: number): IsoDay {
  return new Date(utcOf(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

/** The weekday of `day`, Monday 1 to Sunday 7. */
export function weekdayOf(day: IsoDay): number {
  return ((new Date(utcOf(day)).getUTCDay() + 6) % 7) + 1;
}

/** The first day of a month. */
export const monthStart = (year: number, month: number): IsoDay => isoDay(year, month, 1);

/** The last day of a month: `monthEnd(2026, 2)` → "2026-02-28". */
export const monthEnd = (year: number, month: number): IsoDay => isoDay(year, month, daysInMonth(year, month));

/** The quarter (1..4) a month (1..12) lies in. */
export const quarterOfMonth = (month: number): number => Math.ceil(month / 3);

/** The first day of a quarter (1..4). */
export const quarterStart = (year: number, quarter: number): IsoDay => monthStart(year, quarter * 3 - 2);

/** The last day of a quarter (1..4): `quarterEnd(2026, 3)` → "2026-09-30". */
export const quarterEnd = (year: number, quarter: number): IsoDay => monthEnd(year, quarter * 3);
