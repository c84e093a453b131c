import { BUCKETS, type UnitCounts } from '../../digest/index.js';
import type { Plan } from '../../knowledge/index.js';
import { BUCKET_LABELS, DASHBOARD_TEXT as T } from '../../messages/index.js';
import type { UserRecord } from '../../tasks/index.js';
import { markup, query } from '../html.js';
import { page, planPath, stackedBar } from './layout.js';

/** Each unit with its counts and a bar, those that need a push first. */
export function unitsPage(user: UserRecord, plan: Plan, units: UnitCounts[]): string {
  const head = markup`<tr><th>${T.unit}</th>${BUCKETS.map((b) => markup`<th class="num">${BUCKET_LABELS[b]}</th>`)}</tr>`;
  const rows = units.map((u) => {
    const link = `${planPath(plan, 'tasks')}${query({ unit: u.unit, sort: 'state' })}`;
    const cells = BUCKETS.map((b) => markup`<td class="num${u.counts[b] > 0 ? ` b-${b}` : ''}">${u.counts[b]}</td>`);
    return markup`<tr><td><a href="${link}">${u.unit}</a>${stackedBar(u.counts, BUCKET_LABELS)}</td>${cells}</tr>`;
  });
  const body = markup`<section><h2>${T.units}</h2><p class="hint">${T.unitsHint} ${T.unitsByLead}</p>
<div class="scroll"><table class="units">${head}${rows}</table></div></section>`;
  return page({ title: `${T.units} · ${T.title}`, user, plan, tab: 'units', body });
}
