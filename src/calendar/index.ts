/**
 * The calendar: days as `YYYY-MM-DD` in Asia/Ho_Chi_Minh, today from an instant, adding and counting days,
 * month and quarter ends. Pure, no dependencies; every layer that reckons with days imports it.
 */

/** Days, their arithmetic and the ends of months and quarters: `addDays("2026-02-28", 1)` → "2026-03-01". */
export {
  type IsoDay,
  isoDay,
  validDay,
  partsOf,
  daysInMonth,
  addDays,
  daysBetween,
  weekdayOf,
  monthStart,
  monthEnd,
  quarterOfMonth,
  quarterStart,
  quarterEnd,
} from './day.js';

/** Instants read in Hanoi time: `toIsoDay(new Date("2026-06-30T23:30:00Z"))` → "2026-07-01"; `toClockTime`, `atHanoiTime`. */
export { CALENDAR_TIME_ZONE, toIsoDay, toClockTime, atHanoiTime } from './zone.js';
