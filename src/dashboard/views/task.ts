import type { Plan } from '../../knowledge/index.js';
import { formatDay, formatTime, DASHBOARD_TEXT as T, stateText, statusText } from '../../messages/index.js';
import type { TaskState, UpdateRecord, UserRecord } from '../../tasks/index.js';
import { markup } from '../html.js';
import { page, planPath } from './layout.js';

const names = (list: { name: string }[], raw: string) => list.map((a) => a.name).join('; ') || raw || T.none;

/** One task: content, lead, coordinators, deadline, state, each member unit's share, and every update (who, when, what, notes), newest first. */
export function taskPage(user: UserRecord, plan: Plan, state: TaskState, history: UpdateRecord[]): string {
  const { task } = state;
  const items = history.map(
    (u) =>
      markup`<li><small>${formatTime(u.createdAt)} · ${u.userName}</small><b>${statusText(u.status, u.percent)}</b>${u.note ? markup` — ${u.note}` : ''}</li>`,
  );
  const list = items.length ? markup`<ol class="history">${items}</ol>` : markup`<p>${T.noHistory}</p>`;
  const shares = state.shares
    ? markup`<section><h2>${T.shares}</h2><ul class="shares">${state.shares.map(
        (sh) => markup`<li class="k-${sh.state.kind}"><b>${sh.unit}</b>: ${stateText(sh.state)}</li>`,
      )}</ul></section>`
    : '';
  const due = state.due ? ` (${formatDay(state.due)})` : '';
  const body = markup`<p><a href="${planPath(plan, 'tasks')}">${T.back}</a></p>
<section class="task k-${state.kind}"><h2>NV ${task.no}</h2><p class="content">${task.content}</p>
<dl><dt>${T.lead}</dt><dd>${names(task.lead, task.leadRaw)}</dd><dt>${T.coordinators}</dt><dd>${names(task.coordinators, task.coordinatorsRaw)}</dd><dt>${T.deadline}</dt><dd>${task.deadline.raw || T.none}${due}</dd><dt>${T.status}</dt><dd><b>${stateText(state)}</b></dd></dl></section>
${shares}<section><h2>${T.history}</h2>${list}</section>`;
  return page({ title: `NV ${task.no} · ${T.title}`, user, plan, tab: 'tasks', body });
}
