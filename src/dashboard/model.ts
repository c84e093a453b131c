import {
  addDays,
  atHanoiTime,
  type IsoDay,
  monthEnd,
  monthStart,
  partsOf,
  toIsoDay,
  weekdayOf,
} from '../calendar/index.js';
import {
  BUCKETS,
  bucketOf,
  buildDigest,
  countByUnit,
  planProgress,
  reportPeriodContaining,
  type Bucket,
  type PlanDigest,
  type PlanProgress,
  type UnitCounts,
} from '../digest/index.js';
import { findTrackedItem, type Plan, type Task } from '../knowledge/index.js';
import {
  accessTo,
  deriveTaskState,
  effectiveUpdates,
  membersByGroup,
  type FiguresStore,
  type MemberStore,
  type UnitMembers,
  type ProgressStore,
  type TaskState,
  type TaskStateKind,
  type UpdateRecord,
  type UserRecord,
} from '../tasks/index.js';

/** Where the dashboard reads plans and progress: the same stores the chat and the digest read. */
export type DashboardData = {
  /** The plans serving now (a reload swaps them). */
  plans(): Plan[];
  progress: ProgressStore;
  figures: FiguresStore;
  /** Member units of the plans' groups: a task led by a group with members is tracked per member. */
  members: MemberStore;
};

/** A plan's declared member units, as the digest and `/tiendo` read them. */
export const membersOf = async (data: DashboardData, plan: Plan): Promise<UnitMembers> =>
  membersByGroup(await data.members.listForPlan(plan.id), plan.id);

/** The plans a user may open: an admin every plan, anyone else their own. */
export function plansFor(user: UserRecord, plans: Plan[]): Plan[] {
  return user.role === 'admin' ? plans : plans.filter((p) => p.id === user.plan);
}

/**
 * Whether a user sees a task: an officer only those their unit leads, or its share of a group's (as `/viec` lists
 * them), others every task.
 */
const sees = (user: UserRecord, members: UnitMembers) => (task: Task) =>
  user.role !== 'officer' || accessTo(user, task, members) === 'full';

/** What the store holds for one plan, read once per page however many instants it is seen at. */
export type PlanRecords = {
  members: UnitMembers;
  records: UpdateRecord[];
  figures: Awaited<ReturnType<FiguresStore['listForPlan']>>;
};

export const readPlanRecords = async (data: DashboardData, plan: Plan): Promise<PlanRecords> => {
  const [members, records, figures] = await Promise.all([
    membersOf(data, plan),
    data.progress.listForPlan(plan.id),
    data.figures.listForPlan(plan.id),
  ]);
  return { members, records, figures };
};

/**
 * A plan's progress as it stood at `asOf`, as the digest derives it (`planProgress`), cut to what the user sees: an
 * officer's own unit's tasks and their updates only.
 */
export function viewProgress(read: PlanRecords, user: UserRecord, plan: Plan, asOf: Date): PlanProgress {
  const { members, records, figures } = read;
  const progress = planProgress(plan, records, figures, asOf, members);
  if (user.role !== 'officer') return progress;
  const states = progress.states.filter((s) => sees(user, members)(s.task));
  const own = new Set(states.map((s) => s.task.no));
  return { ...progress, states, updates: progress.updates.filter((u) => own.has(u.task)) };
}

/** Monday 00:00 of the current week, Hanoi time. */
export function weekStart(now: Date): Date {
  const today = toIsoDay(now);
  return atHanoiTime(addDays(today, 1 - weekdayOf(today)), '00:00:00');
}

/** One week of the trend: its last day (today for the current week) and the tasks per bucket as they stood then. */
export type WeekCounts = { end: IsoDay; counts: Record<Bucket, number> };

const TREND_WEEKS = 8;

/**
 * The last 8 weeks, oldest first: each week's states as of its end (Sunday 23:59:59.999 Hanoi, or now for the
 * current week), derived as a report derives a closed period's (`viewProgress` → `planProgress` at that instant).
 */
export function weeklyCounts(read: PlanRecords, user: UserRecord, plan: Plan, now: Date): WeekCounts[] {
  const monday = toIsoDay(weekStart(now));
  return Array.from({ length: TREND_WEEKS }, (_, i) => {
    const sunday = atHanoiTime(addDays(monday, 6 - 7 * (TREND_WEEKS - 1 - i)), '23:59:59.999');
    const asOf = sunday < now ? sunday : now;
    const counts = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>;
    for (const s of viewProgress(read, user, plan, asOf).states) counts[bucketOf(s)] += 1;
    return { end: toIsoDay(asOf), counts };
  });
}

/** The plan at a glance: the digest of the progress seen, with this week's updates. */
export const overviewOf = (progress: PlanProgress, now: Date): PlanDigest => buildDigest(progress, now, weekStart(now));

/** Each unit (each member of a group with members) with its counts, those that need a push first: digest's view. */
export const unitsOf = (progress: PlanProgress): UnitCounts[] => countByUnit(progress.states);

/** Filters and order of the task list, as the page's query gives them. */
export type TaskFilter = {
  status: TaskStateKind | '';
  unit: string;
  due: 'month' | 'quarter' | 'half' | 'year' | '';
  sort: 'no' | 'due' | 'state' | 'unit';
};

/** States in the order that needs attention first. */
const URGENCY: TaskStateKind[] = [
  'overdue',
  'blocked',
  'due_soon',
  'no_report',
  'not_started',
  'in_progress',
  'done_late',
  'done_on_time',
];
const leadOf = (s: TaskState) => s.task.lead.map((a) => a.name).join('; ') || s.task.leadRaw;

/** The first and last day of "due in" a period holding today. */
function dueWindow(due: TaskFilter['due'], now: Date): [string, string] | null {
  if (due === '') return null;
  if (due === 'month') {
    const [y, m] = partsOf(toIsoDay(now));
    return [monthStart(y, m), monthEnd(y, m)];
  }
  const period = reportPeriodContaining(due, now);
  return [period.start, period.end];
}

/** The units a state counts for in the per-unit view: its shares' units, else its lead units. */
const unitsOfState = (s: TaskState): string[] =>
  s.shares ? s.shares.map((sh) => sh.unit) : [...s.task.lead.map((a) => a.name), s.task.leadRaw];

const naturalNo = (a: string, b: string) => a.localeCompare(b, 'vi', { numeric: true });

/** The states a filter keeps, in its order. */
export function filterTasks(states: TaskState[], filter: TaskFilter, now: Date): TaskState[] {
  const window = dueWindow(filter.due, now);
  const kept = states.filter(
    (s) =>
      (filter.status === '' || s.kind === filter.status) &&
      (filter.unit === '' || unitsOfState(s).includes(filter.unit)) &&
      (window === null || (s.due !== null && s.due >= window[0] && s.due <= window[1])),
  );
  const order: Record<TaskFilter['sort'], (a: TaskState, b: TaskState) => number> = {
    no: (a, b) => naturalNo(a.task.no, b.task.no),
    due: (a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || naturalNo(a.task.no, b.task.no),
    state: (a, b) =>
      URGENCY.indexOf(a.kind) - URGENCY.indexOf(b.kind) ||
      (b.daysLate ?? 0) - (a.daysLate ?? 0) ||
      naturalNo(a.task.no, b.task.no),
    unit: (a, b) => leadOf(a).localeCompare(leadOf(b), 'vi') || naturalNo(a.task.no, b.task.no),
  };
  return kept.sort(order[filter.sort]);
}

/** One task or body duty (by its reference, as typed in the chat) as `/tiendo` derives it, with its whole effective history (every tracking year), newest first. */
export async function taskDetail(
  data: DashboardData,
  user: UserRecord,
  plan: Plan,
  no: string,
  now: Date,
): Promise<{ state: TaskState; history: UpdateRecord[] } | undefined> {
  const task = findTrackedItem(plan, no);
  const members = await membersOf(data, plan);
  if (!task || !sees(user, members)(task)) return undefined;
  const records = (await data.progress.listForTask(plan.id, task.no)).filter((r) => r.createdAt <= now);
  return { state: deriveTaskState(task, records, now, members), history: effectiveUpdates(records).reverse() };
}
