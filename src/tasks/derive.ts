import { daysBetween, toIsoDay } from '../calendar/index.js';
import type { IsoDay, Task, TrackedItem } from '../knowledge/index.js';
import { dueIn, trackingYearOf, type TrackingYear } from './tracking-year.js';
import { NO_MEMBERS, sharesOf, type UnitMembers } from './members.js';
import type { UpdateRecord } from './ports.js';
import { DUE_SOON_DAYS, type ProgressStatus } from './status.js';

/** The state a task is in, derived from its deadline and its history (never stored). */
export type TaskStateKind =
  'done_on_time' | 'done_late' | 'overdue' | 'blocked' | 'due_soon' | 'in_progress' | 'not_started' | 'no_report';

/** The state of a tracked item (appendix task or body duty); `T` is narrower where only appendix tasks are derived. */
export type TaskState<T extends Task = TrackedItem> = {
  task: T;
  /** The tracking year: "" or the year of a recurring task. */
  trackingYear: TrackingYear;
  kind: TaskStateKind;
  /** Latest reported status in the tracking year (null when none). */
  status: ProgressStatus | null;
  percent: number | null;
  due: IsoDay | null;
  /** Days past due (overdue, done late), else null. */
  daysLate: number | null;
  /** Days until due when not done and not overdue, else null. */
  daysLeft: number | null;
  /** Latest update with a status in the tracking year. */
  lastStatusUpdate: UpdateRecord | null;
  /** Latest update of any kind (a note counts) in the tracking year. */
  lastUpdate: UpdateRecord | null;
  /** The tracking year's effective updates, oldest first. */
  history: UpdateRecord[];
  /**
   * A task led by a group with declared members: the state of each unit's share, in the order of `sharesOf`; the
   * task is done when every share is. Null for a task tracked as one.
   */
  shares: ShareState<T>[] | null;
};

/** The state of one unit's share of a task tracked per member (its own rows and the rows for the whole task). */
export type ShareState<T extends Task = TrackedItem> = { unit: string; state: TaskState<T> };

/** Drops reversal rows and the rows they reverse, keeping order. */
export function effectiveUpdates(records: UpdateRecord[]): UpdateRecord[] {
  const reverted = new Set(records.flatMap((r) => (r.reverts === null ? [] : [r.reverts])));
  return records.filter((r) => r.reverts === null && !reverted.has(r.id));
}

/** The effective updates of `task` in the tracking year holding `today`, and the latest of them with a status. */
function trackingYearHistory(task: Task, records: UpdateRecord[], today: IsoDay) {
  const trackingYear = trackingYearOf(task, today);
  const history = effectiveUpdates(records).filter(
    (r) => r.plan === task.plan && r.task === task.no && r.trackingYear === trackingYear,
  );
  return { trackingYear, history, lastStatusUpdate: history.findLast((r) => r.status !== null) ?? null };
}

/**
 * Derives the state of `task` on the day of `now` from its update rows (any order of plans/tasks is fine). A task led
 * by a group with declared `members` (of the task's plan) is derived per member: see `shares`.
 */
export function deriveTaskState<T extends Task>(
  task: T,
  records: UpdateRecord[],
  now: Date,
  members: UnitMembers = NO_MEMBERS,
): TaskState<T> {
  const units = sharesOf(task, members);
  if (units === null) return deriveOne(task, records, now);
  // A row for the whole task (a leader's, or one written before the members were declared) counts for every share.
  const shares = units.map((unit) => ({
    unit,
    state: deriveOne(
      task,
      records.filter((r) => r.unit === null || r.unit === unit),
      now,
    ),
  }));
  return combineShares(deriveOne(task, records, now), shares, now);
}

/** The task's state from its shares: done when all are, overdue when past due otherwise, the furthest status else. */
function combineShares<T extends Task>(whole: TaskState<T>, shares: ShareState<T>[], now: Date): TaskState<T> {
  const states = shares.map((s) => s.state);
  const done = states.filter((s) => s.status === 'done');
  const lastStatusUpdate = latest(states.map((s) => s.lastStatusUpdate));
  const base = { ...whole, shares, lastStatusUpdate };
  if (done.length === states.length) {
    const lastDone = latest(done.map((s) => s.lastStatusUpdate))!;
    const late = Math.max(0, ...done.map((s) => s.daysLate ?? 0));
    return {
      ...base,
      status: 'done',
      percent: 100,
      lastStatusUpdate: lastDone,
      kind: late > 0 ? 'done_late' : 'done_on_time',
      daysLate: late > 0 ? late : null,
      daysLeft: null,
    };
  }
  const has = (st: ProgressStatus) => states.some((s) => s.status === st);
  const status: ProgressStatus | null = has('blocked')
    ? 'blocked'
    : has('in_progress') || done.length > 0
      ? 'in_progress'
      : has('not_started')
        ? 'not_started'
        : null;
  const percent =
    status === 'in_progress' ? Math.round(states.reduce((sum, s) => sum + (s.percent ?? 0), 0) / states.length) : null;
  const left = whole.due === null ? null : daysBetween(toIsoDay(now), whole.due);
  if (left !== null && left < 0) return { ...base, status, percent, kind: 'overdue', daysLate: -left, daysLeft: null };
  return { ...base, status, percent, kind: openKind(status, left), daysLate: null, daysLeft: left };
}

const latest = (rows: (UpdateRecord | null)[]): UpdateRecord | null =>
  rows.reduce<UpdateRecord | null>((a, r) => (r !== null && (a === null || r.id > a.id) ? r : a), null);

function deriveOne<T extends Task>(task: T, records: UpdateRecord[], now: Date): TaskState<T> {
  const today = toIsoDay(now);
  const { trackingYear, history, lastStatusUpdate } = trackingYearHistory(task, records, today);
  const status = lastStatusUpdate?.status ?? null;
  const due = dueIn(task, trackingYear);
  const base = {
    task,
    trackingYear,
    status,
    due,
    lastStatusUpdate,
    lastUpdate: history.at(-1) ?? null,
    history,
    shares: null,
  };
  const percent = status === 'done' ? 100 : status === 'in_progress' ? (lastStatusUpdate?.percent ?? null) : null;
  if (status === 'done') {
    const late = due === null ? 0 : daysBetween(due, toIsoDay(lastStatusUpdate!.createdAt));
    return {
      ...base,
      percent,
      kind: late > 0 ? 'done_late' : 'done_on_time',
      daysLate: late > 0 ? late : null,
      daysLeft: null,
    };
  }
  const left = due === null ? null : daysBetween(today, due);
  if (left !== null && left < 0) return { ...base, percent, kind: 'overdue', daysLate: -left, daysLeft: null };
  return { ...base, percent, kind: openKind(status, left), daysLate: null, daysLeft: left };
}

function openKind(status: ProgressStatus | null, daysLeft: number | null): TaskStateKind {
  if (status === 'blocked') return 'blocked';
  if (daysLeft !== null && daysLeft <= DUE_SOON_DAYS) return 'due_soon';
  if (status === 'in_progress') return 'in_progress';
  return status === 'not_started' ? 'not_started' : 'no_report';
}

/**
 * States of every task of a plan, in plan order (`members`: the plan's declared member units): the same as
 * `deriveTaskState` for each task, with the rows sorted to their task once (reversals dropped first), so 1,000 tasks
 * with 5,000 rows are not 5 million comparisons.
 */
export function derivePlanStates<T extends Task>(
  tasks: readonly T[],
  records: UpdateRecord[],
  now: Date,
  members: UnitMembers = NO_MEMBERS,
): TaskState<T>[] {
  const key = (plan: string, no: string) => `${plan}\u0000${no}`;
  const byTask = new Map<string, UpdateRecord[]>();
  for (const r of effectiveUpdates(records)) {
    const rows = byTask.get(key(r.plan, r.task));
    if (rows) rows.push(r);
    else byTask.set(key(r.plan, r.task), [r]);
  }
  return tasks.map((t) => deriveTaskState(t, byTask.get(key(t.plan, t.no)) ?? [], now, members));
}
