import type { IsoDay, Plan, PlanMeta } from '../knowledge/index.js';
import { atHanoiTime, toIsoDay } from '../calendar/index.js';
import {
  NO_MEMBERS,
  type Figure,
  type TaskState,
  type TaskStateKind,
  type UnitMembers,
  type UpdateRecord,
} from '../tasks/index.js';
import { sharesDone, type DigestItem } from './build-digest.js';
import { countByUnit, type UnitCounts } from './units.js';
import { inReportPeriod, type ReportPeriod } from './report-period.js';
import { evaluateTargets, type TargetResult } from './targets.js';
import { planProgress } from './progress.js';

/** One row of the report's task table. */
export type ReportRow = {
  no: string;
  content: string;
  lead: string;
  deadline: string;
  state: TaskStateKind;
  percent: number | null;
  /** The period's updates of this task, oldest first, with their Hanoi day. */
  updates: { day: IsoDay; update: UpdateRecord }[];
  lastUpdate: IsoDay | null;
  /** A task tracked per member: shares done, of how many, and the units whose share is not. */
  shares: DigestItem['shares'];
};

/** "Báo cáo kết quả thực hiện Kế hoạch số ..." for one period, ready for any renderer. */
export type ReportModel = {
  planId: string;
  planNumber: string | null;
  /** Where the plan is for (phường / Nhị Chiểu): names the plan when its number is blank. */
  planLocality: PlanMeta['locality'];
  planTitle: string;
  /** The body that issued the plan and reports on it, e.g. "Ủy ban nhân dân phường Nhị Chiểu". */
  issuer: string | null;
  period: ReportPeriod;
  generatedOn: IsoDay;
  /** The day the tasks' states are as of: the period's end once it is over, else the day the report was made. */
  statesOn: IsoDay;
  rows: ReportRow[];
  targets: TargetResult[];
  /** Tasks per unit and bucket at the period's end (the tasks the report lists), the units that need a push first. */
  units: UnitCounts[];
};

const isDone = (s: TaskState) => s.kind === 'done_on_time' || s.kind === 'done_late';

/** Whether the task's deadline concerns the period (windows overlap, or still open when the period starts). */
function concernsPeriod(state: TaskState, period: ReportPeriod): boolean {
  const { kind, start, due, fromYear } = state.task.deadline;
  if (kind === 'recurring' || kind === 'ongoing') return fromYear === null || fromYear <= period.year;
  if (due === null) return true;
  if ((start ?? due) > period.end) return false;
  if (due >= period.start) return true;
  const doneAt = isDone(state) ? state.lastStatusUpdate?.createdAt : undefined;
  const closedBefore = doneAt !== undefined && toIsoDay(doneAt) < period.start;
  return !closedBefore;
}

function row(state: TaskState, updates: UpdateRecord[]): ReportRow {
  const last = updates.at(-1)?.createdAt ?? state.lastUpdate?.createdAt;
  return {
    no: state.task.no,
    content: state.task.content,
    lead: state.task.lead.map((a) => a.name).join('; ') || state.task.leadRaw,
    deadline: state.task.deadline.raw,
    state: state.kind,
    percent: state.percent,
    updates: updates.map((update) => ({ day: toIsoDay(update.createdAt), update })),
    lastUpdate: last ? toIsoDay(last) : null,
    shares: sharesDone(state),
  };
}

/** The last instant of a period in Hanoi (UTC+7 all year). */
const endOf = (period: ReportPeriod) => atHanoiTime(period.end, '23:59:59.999');

/**
 * The report of a plan for a period: every task whose deadline concerns the period or that was updated in it,
 * with the period's updates and the states as they stood at the period's end (or now, if sooner).
 */
export function buildReport(
  plan: Plan,
  records: UpdateRecord[],
  figures: Figure[],
  period: ReportPeriod,
  now: Date,
  members: UnitMembers = NO_MEMBERS,
): ReportModel {
  const asOf = new Date(Math.min(now.getTime(), endOf(period).getTime()));
  const progress = planProgress(plan, records, figures, asOf, members);
  const updates = progress.updates.filter((u) => inReportPeriod(period, toIsoDay(u.createdAt)));
  const listed = progress.states.flatMap((state) => {
    const own = updates.filter((u) => u.task === state.task.no);
    return own.length > 0 || concernsPeriod(state, period) ? [{ state, row: row(state, own) }] : [];
  });
  const rows = listed.map((l) => l.row);
  return {
    planId: plan.id,
    planNumber: plan.meta.number,
    planLocality: plan.meta.locality,
    planTitle: plan.meta.title,
    issuer: plan.meta.issuer,
    period,
    generatedOn: toIsoDay(now),
    statesOn: toIsoDay(asOf),
    rows,
    targets: evaluateTargets(plan.targets, progress.figures, period.year),
    units: countByUnit(listed.map((l) => l.state)),
  };
}
