import type { IsoDay } from './day.js';

/** The zone every calendar day, deadline and schedule is read in, whatever the machine's zone. */
export const CALENDAR_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Hanoi's offset from UTC, the same all year (no daylight saving). */
const UTC_OFFSET = '+07:00';

// Made once: building an Intl.DateTimeFormat costs far more than using one (issue 19).
// en-CA formats as YYYY-MM-DD.
const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: CALENDAR_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const CLOCK_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: CALENDAR_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The calendar day of an instant in Hanoi: `toIsoDay(new Date("2026-06-30T23:30:00Z"))` → "2026-07-01". */
export function toIsoDay(date: Date): IsoDay {
  return DAY_FORMAT.format(date);
}

/** The time of day of an instant in Hanoi, "HH:MM" on a 24-hour clock: 03:05Z → "10:05". */
export function toClockTime(date: Date): string {
  return CLOCK_FORMAT.format(date);
}

/** The instant a Hanoi wall-clock time falls on: `atHanoiTime("2026-06-01", "12:00")` → 05:00Z that day. */
export function atHanoiTime(day: IsoDay, time: string): Date {
  return new Date(`${day}T${time}${UTC_OFFSET}`);
}
