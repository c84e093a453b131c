import { isoDay, type IsoDay } from '../calendar/index.js';
import type { Plan, ReportingDate } from '../knowledge/index.js';

/** One dated occurrence of a plan's reporting duty, e.g. the 6-month report due 2026-06-05. */
export type ReportingOccurrence = { reporting: ReportingDate; date: IsoDay };

/** The occurrences of every reporting date of a plan on or after `from`, soonest first, within a year. */
export function upcomingReports(plan: Plan, from: IsoDay): ReportingOccurrence[] {
  const year = Number(from.slice(0, 4));
  return plan.reporting
    .flatMap((reporting) =>
      [year, year + 1].map((y) => ({ reporting, date: isoDay(y, reporting.month, reporting.day) })),
    )
    .filter((o) => o.date >= from && o.date < `${year + 1}${from.slice(4)}`)
    .sort((a, b) => a.date.localeCompare(b.date));
}
