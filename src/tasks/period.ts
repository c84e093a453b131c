import type { IsoDay, Task } from '../knowledge/index.js';

/**
 * The period an update of `task` made on `today` belongs to: the year for a recurring task
 * ("Hằng năm, từ năm 2026" is tracked once per year), "" for every other task.
 */
export function periodOf(task: Task, today: IsoDay): string {
  return task.deadline.kind === 'recurring' ? today.slice(0, 4) : '';
}

/** The day `task` is due in `period`: 31/12 of the year for a recurring task, the plan's due day otherwise. */
export function dueIn(task: Task, period: string): IsoDay | null {
  if (task.deadline.kind !== 'recurring') return task.deadline.due;
  const fromYear = task.deadline.fromYear;
  if (period === '' || (fromYear !== null && Number(period) < fromYear)) return null;
  return `${period}-12-31`;
}
