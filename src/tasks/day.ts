import type { IsoDay } from '../knowledge/index.js';

/** The time zone calendar days are read in unless told otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The calendar day of `date` in `timeZone`, as `YYYY-MM-DD`. */
export function toIsoDay(date: Date, timeZone: string = DEFAULT_TIME_ZONE): IsoDay {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
