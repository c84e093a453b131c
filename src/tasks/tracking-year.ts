import type { IsoDay, Task } from '../knowledge/index.js';

/**
 * The tracking year of a progress update: "2026" for a recurring task ("Hằng năm, từ năm 2026" is tracked once per
 * year, its updates of one year not counting in the next), "" for every other task (tracked once).
 * Not a report period (digest's `ReportPeriod`) nor a question's date range (search's `QuestionRange`).
 */
export type TrackingYear = string;

/** The tracking year an update of `task` made on `today` belongs to. */
export function trackingYearOf(task: Task, today: IsoDay): TrackingYear {
  return task.deadline.kind === 'recurring' ? today.slice(0, 4) : '';
}

/** The day `task` is due in a tracking year: 31/12 of the year for a recurring task, the plan's due day otherwise. */
export function dueIn(task: Task, year: TrackingYear): IsoDay | null {
  if (task.deadline.kind !== 'recurring') return task.deadline.due;
  const fromYear = task.deadline.fromYear;
  if (year === '' || (fromYear !== null && Number(year) < fromYear)) return null;
  return `${year}-12-31`;
}
