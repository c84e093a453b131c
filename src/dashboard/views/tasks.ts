import { cutAtWord } from '../../text/index.js';
import type { Plan } from '../../knowledge/index.js';
import { formatDay, DASHBOARD_TEXT as T, STATE_LABELS, stateText } from '../../messages/index.js';
import type { TaskState, TaskStateKind, UserRecord } from '../../tasks/index.js';
import { toIsoDay } from '../../calendar/index.js';
import { markup, query, type Html } from '../html.js';
import type { TaskFilter } from '../model.js';
import { page, planPath, taskPath } from './layout.js';

/** Rows per page: a phone scrolls 50 rows, and the page stays far under 150 KB. */
export const PAGE_SIZE = 50;
const KINDS = Object.keys(STATE_LABELS) as TaskStateKind[];
type Option = [value: string, label: string];

const select = (name: string, current: string, options: Option[]): Html =>
  markup`<select name="${name}">${options.map(
    ([value, label]) => markup`<option value="${value}"${value === current ? markup` selected` : ''}>${label}</option>`,
  )}</select>`;

function filters(plan: Plan, filter: TaskFilter, units: string[]): Html {
  const statuses: Option[] = [['', T.all], ...KINDS.map((k): Option => [k, STATE_LABELS[k]])];
  const unitOptions: Option[] = [['', T.all], ...units.map((u): Option => [u, u])];
  const dues = Object.entries(T.dueIn).map(([k, v]): Option => [k === 'all' ? '' : k, v]);
  return markup`<form method="get" action="${planPath(plan, 'tasks')}" class="filters">
<label>${T.status} ${select('status', filter.status, statuses)}</label>
<label>${T.unit} ${select('unit', filter.unit, unitOptions)}</label>
<label>${T.due} ${select('due', filter.due, dues)}</label>
<label>${T.sort} ${select('sort', filter.sort, Object.entries(T.sortBy))}</label>
<button type="submit">${T.filter}</button></form>`;
}

function row(plan: Plan, s: TaskState): Html {
  const lead = s.task.lead.map((a) => a.name).join('; ') || s.task.leadRaw;
  const last = s.lastUpdate
    ? markup`<small>${T.lastUpdate} ${formatDay(toIsoDay(s.lastUpdate.createdAt))}</small>`
    : '';
  const link = taskPath(plan, s.task.no);
  const due = s.due ? markup`<small>${formatDay(s.due)}</small>` : '';
  return markup`<tr class="k-${s.kind}"><td><a href="${link}">${s.task.no}</a></td><td><a href="${link}">${cutAtWord(s.task.content, 110)}</a><small>${lead}</small></td><td>${s.task.deadline.raw}${due}</td><td>${stateText(s)}${last}</td></tr>`;
}

function pager(plan: Plan, filter: TaskFilter, pageNo: number, total: number): Html {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (n: number, label: string) =>
    markup`<a href="${planPath(plan, 'tasks')}${query({ ...filter, page: n === 1 ? undefined : n })}">${label}</a>`;
  const from = total === 0 ? 0 : (pageNo - 1) * PAGE_SIZE + 1;
  const shown = T.shown(from, Math.min(total, pageNo * PAGE_SIZE), total);
  return markup`<p class="pager">${pageNo > 1 ? link(pageNo - 1, T.previous) : ''} <span>${shown}</span> ${pageNo < pages ? link(pageNo + 1, T.next) : ''}</p>`;
}

/** The filterable, sortable list of tasks, one page of it. */
export function tasksPage(
  user: UserRecord,
  plan: Plan,
  filter: TaskFilter,
  units: string[],
  shown: TaskState[],
  pageNo: number,
): string {
  const rows = shown.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE).map((s) => row(plan, s));
  const head = markup`<tr><th>${T.no}</th><th>${T.content}</th><th>${T.deadline}</th><th>${T.status}</th></tr>`;
  const table = rows.length
    ? markup`<div class="scroll"><table class="tasks">${head}${rows}</table></div>`
    : markup`<p>${T.noTasks}</p>`;
  const body = markup`${filters(plan, filter, units)}${pager(plan, filter, pageNo, shown.length)}${table}`;
  return page({ title: `${T.tasks} · ${T.title}`, user, plan, tab: 'tasks', body });
}
