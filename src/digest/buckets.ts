import type { TaskState, TaskStateKind } from '../tasks/index.js';

/** How a task shows in the chart and the state counts. */
export type Bucket = 'done' | 'in_progress' | 'overdue' | 'no_report';
export const BUCKETS: readonly Bucket[] = ['done', 'in_progress', 'overdue', 'no_report'];

const BY_KIND: Record<TaskStateKind, Bucket> = {
  done_on_time: 'done',
  done_late: 'done',
  overdue: 'overdue',
  no_report: 'no_report',
  not_started: 'no_report',
  in_progress: 'in_progress',
  blocked: 'in_progress',
  due_soon: 'in_progress',
};

/** Which chart bucket a task's state belongs to (a task due soon with no report counts as no report). */
export function bucketOf(s: TaskState): Bucket {
  return s.kind === 'due_soon' && s.status === null ? 'no_report' : BY_KIND[s.kind];
}
