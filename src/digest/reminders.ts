import { trackedItems, type IsoDay, type Plan, type Task } from '../knowledge/index.js';
import { addDays, daysBetween } from '../calendar/index.js';
import {
  derivePlanStates,
  dueIn,
  NO_MEMBERS,
  trackingYearOf,
  type TaskState,
  type UnitMembers,
  type UpdateRecord,
} from '../tasks/index.js';
import { upcomingReports } from './reporting.js';

export type ReminderKind = 'deadline_7d' | 'deadline_1d' | 'overdue_weekly' | 'reporting_7d';

/** A reminder that is due today (or fell due while the bot was down and still makes sense). */
export type PlannedReminder = {
  kind: ReminderKind;
  plan: string;
  /** Task number, or the reporting period ("6 tháng"). */
  subject: string;
  /** Canonical units whose registered officers receive it. */
  units: string[];
  /** The day it was meant for: with kind, plan and subject it names the reminder once and for all. */
  slot: IsoDay;
  /** The deadline or reporting day it is about. */
  due: IsoDay;
  /** Meant for an earlier day (sent on catch-up). */
  late: boolean;
  /** The task's state, for task reminders. */
  state: TaskState | null;
  /** For a task tracked per member: the one unit whose share this reminder is about (one reminder per open share). */
  share: string | null;
};

const WEEK = 7;
const isDone = (s: TaskState) => s.kind === 'done_on_time' || s.kind === 'done_late';

function taskReminder(state: TaskState, today: IsoDay): Pick<PlannedReminder, 'kind' | 'slot' | 'due'> | null {
  const due = state.due;
  if (due === null || isDone(state)) return null;
  if (today > due) {
    const weeks = Math.floor((daysBetween(due, today) - 1) / WEEK);
    return { kind: 'overdue_weekly', slot: addDays(due, 1 + weeks * WEEK), due };
  }
  if (today >= addDays(due, -1)) return { kind: 'deadline_1d', slot: addDays(due, -1), due };
  if (today >= addDays(due, -WEEK)) return { kind: 'deadline_7d', slot: addDays(due, -WEEK), due };
  return null;
}

/** Whether `task` could owe a reminder on `today`, whatever its progress: its due day is at most a week ahead, or past. */
function inReminderWindow(task: Task, today: IsoDay): boolean {
  const due = dueIn(task, trackingYearOf(task, today));
  return due !== null && today >= addDays(due, -WEEK);
}

/**
 * The states of the tasks of `plan` that could owe a reminder on the day of `asOf`, derived from the updates made by then;
 * the other tasks are not derived, and `records` is not read at all when no task is in its window (a sweep over
 * a province's plans stays cheap).
 */
export async function reminderStates(
  plan: Plan,
  records: () => UpdateRecord[] | Promise<UpdateRecord[]>,
  asOf: Date,
  today: IsoDay,
  members: UnitMembers = NO_MEMBERS,
): Promise<TaskState[]> {
  const tasks = trackedItems(plan).filter((t) => inReminderWindow(t, today));
  if (tasks.length === 0) return [];
  const known = (await records()).filter((r) => r.plan === plan.id && r.createdAt <= asOf);
  return derivePlanStates(tasks, known, asOf, members);
}

/**
 * The reminders a plan owes today: 7 days and 1 day before a task's due day, weekly while it is overdue and not
 * done (to the lead units), and 7 days before each reporting date (to the compiling units). A task tracked per member
 * gets one reminder per unit whose share is not done, that unit's own. Each reminder window lasts until the next one
 * starts, so a day missed while down is caught up once, not skipped.
 */
export function planReminders(plan: Plan, states: TaskState[], today: IsoDay): PlannedReminder[] {
  const tasks = states.flatMap((state): PlannedReminder[] => {
    const r = taskReminder(state, today);
    if (!r) return [];
    const base = { ...r, plan: plan.id, subject: state.task.no, late: r.slot < today, state };
    if (state.shares === null) return [{ ...base, units: state.task.lead.map((a) => a.name), share: null }];
    return state.shares.filter((sh) => !isDone(sh.state)).map((sh) => ({ ...base, units: [sh.unit], share: sh.unit }));
  });
  const reports = upcomingReports(plan, today)
    .filter((o) => o.date <= addDays(today, WEEK))
    .map((o) => ({
      kind: 'reporting_7d' as const,
      plan: plan.id,
      subject: o.reporting.period,
      units: o.reporting.compiler.map((a) => a.name),
      slot: addDays(o.date, -WEEK),
      due: o.date,
      late: addDays(o.date, -WEEK) < today,
      state: null,
      share: null,
    }));
  return [...tasks, ...reports];
}
