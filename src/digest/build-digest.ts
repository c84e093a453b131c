import type { IsoDay, PlanMeta, TrackedItem } from '../knowledge/index.js';
import { daysBetween, toIsoDay } from '../calendar/index.js';
import { type TaskState, type UpdateRecord } from '../tasks/index.js';
import { bucketOf, type Bucket } from './buckets.js';
import { countByUnit, type UnitCounts } from './units.js';
import { upcomingReports, type ReportingOccurrence } from './reporting.js';
import { evaluateTargets, type TargetResult } from './targets.js';
import type { PlanProgress } from './types.js';

/** A task line of the digest with the facts the message needs (`source`: an appendix task or a body duty). */
export type DigestItem = {
  no: string;
  source: TrackedItem['source'];
  content: string;
  lead: string;
  days: number;
  note: string;
  /** A task tracked per member: how many shares are done, of how many, and the units whose share is not. */
  shares: { done: number; total: number; open: string[] } | null;
};

/** The digest of one plan for one morning. */
export type PlanDigest = {
  planId: string;
  planNumber: string | null;
  /** Where the plan is for (phường / Nhị Chiểu): names the plan when its number is blank. */
  planLocality: PlanMeta['locality'];
  planTitle: string;
  today: IsoDay;
  counts: Record<Bucket, number>;
  total: number;
  /** Days late, most late first. */
  overdue: DigestItem[];
  /** Days left, soonest first. */
  dueSoon: DigestItem[];
  /** Updates since the previous digest, oldest first. */
  updates: UpdateRecord[];
  blocked: DigestItem[];
  /** Open tasks of the current period, not listed above, with no report for `SILENT_DAYS` (days since the last; -1 never). */
  silent: DigestItem[];
  nextReport: ReportingOccurrence | null;
  targets: TargetResult[];
  /** Nothing moved since the last digest and nothing is late. */
  quiet: boolean;
  /** Tasks per unit and bucket, the units that need a push first (`countByUnit`). */
  units: UnitCounts[];
};

export const SILENT_DAYS = 30;

const isDone = (s: TaskState) => s.kind === 'done_on_time' || s.kind === 'done_late';
const item = (s: TaskState, days: number): DigestItem => ({
  no: s.task.no,
  source: s.task.source,
  content: s.task.content,
  lead: s.task.lead.map((a) => a.name).join('; ') || s.task.leadRaw,
  days,
  note: s.lastStatusUpdate?.note ?? '',
  shares: sharesDone(s),
});

/** The shares done and the units whose share is not, for a task tracked per member. */
export function sharesDone(s: TaskState): DigestItem['shares'] {
  if (s.shares === null) return null;
  const open = s.shares.filter((sh) => !isDone(sh.state)).map((sh) => sh.unit);
  return { done: s.shares.length - open.length, total: s.shares.length, open };
}

function silentDays(s: TaskState, today: IsoDay): number | null {
  const { start, fromYear } = s.task.deadline;
  const current = (start === null || start <= today) && (fromYear === null || fromYear <= Number(today.slice(0, 4)));
  if (isDone(s) || s.kind === 'overdue' || s.kind === 'due_soon' || !current) return null;
  if (!s.lastUpdate) return -1;
  const days = daysBetween(toIsoDay(s.lastUpdate.createdAt), today);
  return days >= SILENT_DAYS ? days : null;
}

function countBuckets(states: TaskState[]): Record<Bucket, number> {
  const counts: Record<Bucket, number> = { done: 0, in_progress: 0, overdue: 0, no_report: 0 };
  for (const s of states) counts[bucketOf(s)] += 1;
  return counts;
}

/**
 * The morning digest of one plan: counts, overdue, due within 7 days, updates since `since` (the previous digest),
 * blocked tasks, silent tasks, the next reporting date and this year's targets.
 */
export function buildDigest(progress: PlanProgress, now: Date, since: Date | null): PlanDigest {
  const today = toIsoDay(now);
  const { plan, states } = progress;
  const overdue = states.filter((s) => s.kind === 'overdue').map((s) => item(s, s.daysLate ?? 0));
  const dueSoon = states.filter((s) => s.kind === 'due_soon').map((s) => item(s, s.daysLeft ?? 0));
  const updates = progress.updates.filter((u) => (since === null || u.createdAt > since) && u.createdAt <= now);
  const silent = states.flatMap((s) => {
    const days = silentDays(s, today);
    return days === null ? [] : [item(s, days)];
  });
  return {
    planId: plan.id,
    planNumber: plan.meta.number,
    planLocality: plan.meta.locality,
    planTitle: plan.meta.title,
    today,
    counts: countBuckets(states),
    total: states.length,
    overdue: overdue.sort((a, b) => b.days - a.days),
    dueSoon: dueSoon.sort((a, b) => a.days - b.days),
    updates,
    blocked: states.filter((s) => s.kind === 'blocked').map((s) => item(s, 0)),
    silent,
    nextReport: upcomingReports(plan, today)[0] ?? null,
    targets: evaluateTargets(plan.targets, progress.figures, Number(today.slice(0, 4))),
    quiet: updates.length === 0 && overdue.length === 0,
    units: countByUnit(states),
  };
}
