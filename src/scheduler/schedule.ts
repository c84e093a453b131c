import { Cron } from 'croner';
import { CALENDAR_TIME_ZONE } from '../calendar/index.js';

const pattern = (cron: string) => new Cron(cron, { timezone: CALENDAR_TIME_ZONE, paused: true });

/** The next time `cron` fires after `now`, e.g. 07:30 Hanoi on the next weekday for "30 7 * * 1-5". */
export function nextRun(cron: string, now: Date): Date | null {
  return pattern(cron).nextRun(now);
}

/** The latest time `cron` fired at or before `now` (the slot a catch-up owes), or null. */
export function latestRun(cron: string, now: Date): Date | null {
  return pattern(cron).previousRuns(1, new Date(now.getTime() + 1000))[0] ?? null;
}

/** The time `cron` fired before `slot`: the previous digest, whose updates are already told. */
export function runBefore(cron: string, slot: Date): Date | null {
  return pattern(cron).previousRuns(1, slot)[0] ?? null;
}

/** Throws when `cron` is not a valid pattern (checked once at start). */
export function checkCron(cron: string): void {
  pattern(cron);
}
