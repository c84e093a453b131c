import {
  BUCKET_LABELS,
  DASHBOARD_TEXT as T,
  formatDay,
  formatTime,
  reportPeriodLabel,
  STATE_LABELS,
  statusText,
  targetLine,
} from '../../messages/index.js';
import {
  BUCKETS,
  reportPeriodContaining,
  type PlanDigest,
  type PlanProgress,
  type ReportPeriod,
} from '../../digest/index.js';
import type { Plan } from '../../knowledge/index.js';
import type { TaskStateKind, UserRecord } from '../../tasks/index.js';
import type { WeekCounts } from '../model.js';
import { markup, query, type Html } from '../html.js';
import { page, planPath, stackedBar, taskPath } from './layout.js';

/** The states in the order the overview counts them. */
const KINDS: TaskStateKind[] = [
  'overdue',
  'blocked',
  'due_soon',
  'in_progress',
  'not_started',
  'no_report',
  'done_late',
  'done_on_time',
];
const MAX_CHANGES = 20;
const MAX_OVERDUE = 5;

function statusCounts(plan: Plan, progress: PlanProgress, digest: PlanDigest): Html {
  const count = (k: TaskStateKind) => progress.states.filter((s) => s.kind === k).length;
  const rows = KINDS.map(
    (k) =>
      markup`<li class="k-${k}"><a href="${planPath(plan, 'tasks')}${query({ status: k })}"><span>${STATE_LABELS[k]}</span><b>${count(k)}</b></a></li>`,
  );
  return markup`<section><h2>${T.statusCounts} · ${T.tasksTotal(digest.total)}</h2>${stackedBar(digest.counts, BUCKET_LABELS)}<ul class="counts">${rows}</ul></section>`;
}

/**
 * Tasks per bucket at each week's end, a stacked column a week, drawn in SVG with attributes only (the CSP allows
 * no inline style); each column's title reads its figures.
 */
function trend(weeks: WeekCounts[]): Html {
  const most = Math.max(1, ...weeks.map((w) => BUCKETS.reduce((n, b) => n + w.counts[b], 0)));
  const columns = weeks.map((w, i) => {
    let y = 40;
    const rects = BUCKETS.map((b) => {
      const h = (w.counts[b] / most) * 40;
      y -= h;
      return markup`<rect class="b-${b}" x="${i * 12 + 1}" y="${y.toFixed(2)}" width="10" height="${h.toFixed(2)}"/>`;
    });
    const figures = BUCKETS.map((b) => `${BUCKET_LABELS[b]} ${w.counts[b]}`).join(', ');
    const day = formatDay(w.end);
    return markup`<g><title>${T.weekTo(day)}: ${figures}</title>${rects}<text x="${i * 12 + 6}" y="46" text-anchor="middle" font-size="4">${day.slice(0, 5)}</text></g>`;
  });
  return markup`<section><h2>${T.trend(weeks.length)}</h2><svg class="trend" viewBox="0 0 96 48" role="img" aria-label="${T.trend(weeks.length)}">${columns}</svg></section>`;
}

function weekChanges(plan: Plan, digest: PlanDigest): Html {
  const items = [...digest.updates].reverse().slice(0, MAX_CHANGES);
  const list = items.map(
    (u) =>
      markup`<li><a href="${taskPath(plan, u.task)}">NV ${u.task}</a> · ${formatTime(u.createdAt)} · ${u.userName}: <b>${statusText(u.status, u.percent)}</b>${u.note ? markup` — ${u.note}` : ''}</li>`,
  );
  const content = items.length ? markup`<ul class="changes">${list}</ul>` : markup`<p>${T.noWeekChanges}</p>`;
  return markup`<section><h2>${T.weekChanges}</h2>${content}</section>`;
}

function overdue(plan: Plan, digest: PlanDigest): Html | '' {
  if (digest.overdue.length === 0) return '';
  const list = digest.overdue
    .slice(0, MAX_OVERDUE)
    .map(
      (i) =>
        markup`<li><a href="${taskPath(plan, i.no)}">NV ${i.no}</a> (${i.lead}): ${STATE_LABELS.overdue} ${i.days} ngày</li>`,
    );
  const all = `${planPath(plan, 'tasks')}${query({ status: 'overdue', sort: 'state' })}`;
  return markup`<section><h2>${T.overdueTop}</h2><ul>${list}</ul><p><a href="${all}">${T.tasks} ›</a></p></section>`;
}

function targets(digest: PlanDigest): Html {
  const list = digest.targets.map(
    (r) => markup`<li class="${r.met === null ? '' : r.met ? 'met' : 'unmet'}">${targetLine(r)}</li>`,
  );
  const next = digest.nextReport
    ? markup`<p>${T.nextReport}: ${digest.nextReport.reporting.period}, ${T.dueOn(formatDay(digest.nextReport.date))}</p>`
    : '';
  const content = list.length ? markup`<ul>${list}</ul>` : markup`<p>${T.noTargets}</p>`;
  return markup`<section><h2>${T.targets(digest.today.slice(0, 4))}</h2>${content}${next}</section>`;
}

const DAY_MS = 86_400_000;

/** The periods offered for the report: this half, quarter and year, then the previous ones. */
export function reportPeriods(now: Date): ReportPeriod[] {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return [
    reportPeriodContaining('half', now),
    reportPeriodContaining('quarter', now),
    reportPeriodContaining('year', now),
    reportPeriodContaining('quarter', ago(92)),
    reportPeriodContaining('half', ago(183)),
    reportPeriodContaining('year', ago(365)),
  ];
}

function reportForm(plan: Plan, now: Date): Html {
  const options = reportPeriods(now).map((p) => markup`<option value="${p.code}">${reportPeriodLabel(p)}</option>`);
  return markup`<section><h2>${T.report}</h2><form method="get" action="${planPath(plan)}/report" class="inline">
<label>${T.period} <select name="period">${options}</select></label>
<label>${T.format} <select name="format"><option value="xlsx">Excel (.xlsx)</option><option value="docx">Word (.docx)</option></select></label>
<button type="submit">${T.download}</button></form></section>`;
}

/** The plan at a glance: states, the longest overdue, this week's changes, targets, and the report to download. */
export function overviewPage(
  user: UserRecord,
  plan: Plan,
  progress: PlanProgress,
  digest: PlanDigest,
  weeks: WeekCounts[],
  now: Date,
): string {
  const mine = user.role === 'officer' && user.unit ? markup`<p class="scope">${T.yourTasks(user.unit)}</p>` : '';
  const report = user.role === 'officer' ? '' : reportForm(plan, now);
  const body = markup`<p class="today">${T.today(formatDay(digest.today))}</p>${mine}${statusCounts(plan, progress, digest)}${trend(weeks)}${overdue(plan, digest)}${weekChanges(plan, digest)}${targets(digest)}${report}`;
  return page({ title: `${T.overview} · ${T.title}`, user, plan, tab: 'overview', body });
}
