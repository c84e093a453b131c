import type { Plan } from '../../knowledge/index.js';
import { DASHBOARD_TEXT as T, planLabel } from '../../messages/index.js';
import type { UserRecord } from '../../tasks/index.js';
import { BUCKETS, type Bucket } from '../../digest/index.js';
import { markup, type Html } from '../html.js';

/** Where the pages live; every link is under it. */
export const BASE = '/dashboard';
export type Tab = 'overview' | 'units' | 'tasks';

/** The link of a plan's page (`planPath(plan, 'tasks')` → "/dashboard/p/hue/tasks"). */
export const planPath = (plan: Plan, tab: Tab | '' = '') =>
  `${BASE}/p/${encodeURIComponent(plan.id)}${tab === '' || tab === 'overview' ? '' : `/${tab}`}`;
export const taskPath = (plan: Plan, no: string) => `${planPath(plan, 'tasks')}/${encodeURIComponent(no)}`;

type Shell = { title: string; user?: UserRecord; plan?: Plan; tab?: Tab; body: Html };

function tabs(plan: Plan, tab: Tab | undefined): Html {
  const links = (['overview', 'units', 'tasks'] as const).map(
    (t) => markup`<a href="${planPath(plan, t)}"${t === tab ? markup` aria-current="page"` : ''}>${T[t]}</a>`,
  );
  return markup`<h1>${planLabel(plan)}</h1><nav>${links}</nav>`;
}

function header(user: UserRecord | undefined, plan: Plan | undefined, tab: Tab | undefined): Html {
  const who = user
    ? markup`<form method="post" action="${BASE}/logout" class="who"><span>${user.name} · ${T.roleOf[user.role]}</span><button type="submit">${T.signOut}</button></form>`
    : '';
  return markup`<header><a class="home" href="${BASE}">${T.title}</a>${who}</header>${plan ? tabs(plan, tab) : ''}`;
}

/** A whole page: own stylesheet and script only (the CSP allows nothing else), readable at 360 px. */
export function page({ title, user, plan, tab, body }: Shell): string {
  return markup`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin"><title>${title}</title>
<link rel="stylesheet" href="${BASE}/assets/app.css"><script src="${BASE}/assets/app.js" defer></script></head>
<body>${header(user, plan, tab)}<main>${body}</main></body></html>`.text;
}

/** A short page with one message (signed out, refused, not found). */
export const messagePage = (title: string, text: string, user?: UserRecord): string =>
  page({ title, user, body: markup`<p class="message">${text}</p>` });

/** A stacked bar of bucket counts, drawn in SVG (its widths are attributes, which the CSP allows, not styles). */
export function stackedBar(counts: Record<Bucket, number>, labels: Record<Bucket, string>): Html {
  const total = BUCKETS.reduce((n, b) => n + counts[b], 0);
  let x = 0;
  const rects = BUCKETS.map((b) => {
    const w = total === 0 ? 0 : (counts[b] / total) * 100;
    const rect = markup`<rect class="b-${b}" x="${x.toFixed(2)}" width="${w.toFixed(2)}" height="10"><title>${labels[b]}: ${counts[b]}</title></rect>`;
    x += w;
    return rect;
  });
  return markup`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img">${rects}</svg>`;
}
