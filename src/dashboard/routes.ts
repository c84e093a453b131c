import { buildReport, parseReportPeriod } from '../digest/index.js';
import type { Plan } from '../knowledge/index.js';
import { DASHBOARD_TEXT as T } from '../messages/index.js';
import { renderReportDocx, renderReportXlsx } from '../reports/index.js';
import type { PageAnswer, PageRequest } from '../server/index.js';
import { STATE_LABELS } from '../messages/index.js';
import type { TaskStateKind, UserRecord } from '../tasks/index.js';
import { ASSETS } from './assets.js';
import type { Auth } from './auth.js';
import {
  filterTasks,
  membersOf,
  overviewOf,
  plansFor,
  taskDetail,
  unitsOf,
  readPlanRecords,
  viewProgress,
  weeklyCounts,
  type DashboardData,
  type TaskFilter,
} from './model.js';
import { BASE, messagePage, planPath } from './views/layout.js';
import { overviewPage } from './views/overview.js';
import { linkPage, plansPage, signInPage } from './views/sign-in.js';
import { taskPage } from './views/task.js';
import { PAGE_SIZE, tasksPage } from './views/tasks.js';
import { unitsPage } from './views/units.js';

/** Pages load only their own script and stylesheet; forms post only here; Telegram may frame the Mini App. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'self' https://web.telegram.org",
].join('; ');
const SECURITY = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};
const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const htmlAnswer = (status: number, body: string, extra: Record<string, string> = {}): PageAnswer => ({
  status,
  body,
  headers: { 'content-type': 'text/html; charset=utf-8', ...SECURITY, ...extra },
});
const redirect = (location: string, cookie?: string): PageAnswer => ({
  status: 303,
  body: '',
  headers: { location, ...SECURITY, ...(cookie ? { 'set-cookie': cookie } : {}) },
});
const text = (status: number, body: string): PageAnswer => ({
  status,
  body,
  headers: { 'content-type': 'text/plain; charset=utf-8', ...SECURITY },
});

export type RouterDeps = { data: DashboardData; auth: Auth; baseUrl: string; now: () => Date };

/** Routes of the dashboard under /dashboard: sign-in, the plan's pages, the assets. */
export function createRouter(deps: RouterDeps): (req: PageRequest) => Promise<PageAnswer | undefined> {
  const { auth } = deps;
  const origin = new URL(deps.baseUrl).origin;
  // A form posted from another site (a cross-site request) is refused; browsers always send Origin with a POST.
  const foreign = (req: PageRequest) => req.headers.origin !== undefined && req.headers.origin !== origin;

  return async (req) => {
    const { path, method } = req;
    if (path === '/' && method === 'GET') return redirect(`${BASE}/`);
    if (path !== BASE && !path.startsWith(`${BASE}/`)) return undefined;
    const rest = path.slice(BASE.length).replace(/^\/+/, '');
    const now = deps.now();
    if (rest.startsWith('assets/')) return asset(rest.slice('assets/'.length));
    if (method === 'POST' && foreign(req)) return text(403, T.forbidden);
    const link = /^login\/([A-Za-z0-9_-]{20,100})$/.exec(rest);
    if (link) {
      if (method === 'GET') return htmlAnswer(200, linkPage(path));
      const cookie = method === 'POST' ? await auth.signInWithLink(link[1]!, now) : null;
      return cookie ? redirect(`${BASE}/`, cookie) : htmlAnswer(403, messagePage(T.signInTitle, T.linkRefused));
    }
    if (rest === 'mini-app' && method === 'POST') {
      const initData = new URLSearchParams(req.body?.toString('utf8') ?? '').get('init_data') ?? '';
      const signed = await auth.signInWithInitData(initData, now);
      if ('cookie' in signed) return { status: 204, body: '', headers: { ...SECURITY, 'set-cookie': signed.cookie } };
      return text(403, signed.refused === 'invalid' ? T.miniAppRefused : T.notRegistered);
    }
    if (rest === 'logout' && method === 'POST') return redirect(`${BASE}/`, await auth.signOut(req.headers, now));
    if (method !== 'GET' && method !== 'HEAD') return text(405, T.notFound);
    const user = await auth.viewer(req.headers, now);
    if (!user) return htmlAnswer(401, signInPage());
    return signedIn(deps, user, rest, req.query, now);
  };
}

function asset(name: string): PageAnswer | undefined {
  const file = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!file) return undefined;
  const headers = {
    'content-type': file.type,
    'cache-control': 'public, max-age=3600',
    'x-content-type-options': 'nosniff',
  };
  return { status: 200, body: file.content, headers };
}

const KINDS = Object.keys(STATE_LABELS) as TaskStateKind[];
const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

function filterOf(query: URLSearchParams): TaskFilter {
  return {
    status: pick(query.get('status'), ['', ...KINDS], ''),
    unit: (query.get('unit') ?? '').slice(0, 200),
    due: pick(query.get('due'), ['', 'month', 'quarter', 'half', 'year'], ''),
    sort: pick(query.get('sort'), ['no', 'due', 'state', 'unit'], 'no'),
  };
}

async function signedIn(
  deps: RouterDeps,
  user: UserRecord,
  rest: string,
  query: URLSearchParams,
  now: Date,
): Promise<PageAnswer> {
  const plans = plansFor(user, deps.data.plans());
  if (rest === '') {
    if (plans.length === 1) return redirect(planPath(plans[0]!));
    return htmlAnswer(200, plansPage(user, plans));
  }
  const m = /^p\/([^/]+)(?:\/(units|tasks|report)(?:\/([^/]+))?)?$/.exec(rest);
  const plan = m ? plans.find((p) => p.id === decodeURIComponent(m[1]!)) : undefined;
  if (!m || !plan) return htmlAnswer(404, messagePage(T.notFound, T.notFound, user));
  const [, , tab, sub] = m;
  const progress = async () => viewProgress(await readPlanRecords(deps.data, plan), user, plan, now);
  if (tab === undefined) {
    const read = await readPlanRecords(deps.data, plan);
    const seen = viewProgress(read, user, plan, now);
    const weeks = weeklyCounts(read, user, plan, now);
    return htmlAnswer(200, overviewPage(user, plan, seen, overviewOf(seen, now), weeks, now));
  }
  if (tab === 'units' && sub === undefined) return htmlAnswer(200, unitsPage(user, plan, unitsOf(await progress())));
  if (tab === 'tasks' && sub === undefined) {
    const seen = await progress();
    const filter = filterOf(query);
    const shown = filterTasks(seen.states, filter, now);
    const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    const pageNo = Math.min(pages, Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1));
    const units = unitsOf(seen)
      .map((u) => u.unit)
      .sort((a, b) => a.localeCompare(b, 'vi'));
    return htmlAnswer(200, tasksPage(user, plan, filter, units, shown, pageNo));
  }
  if (tab === 'tasks' && sub !== undefined) {
    const detail = await taskDetail(deps.data, user, plan, decodeURIComponent(sub), now);
    if (!detail) return htmlAnswer(404, messagePage(T.notFound, T.notFound, user));
    return htmlAnswer(200, taskPage(user, plan, detail.state, detail.history));
  }
  if (tab === 'report' && sub === undefined) return report(deps, user, plan, query, now);
  return htmlAnswer(404, messagePage(T.notFound, T.notFound, user));
}

/** The periodic report as /baocao makes it, for leaders and admins: `?period=2026-H1&format=docx`. */
async function report(
  deps: RouterDeps,
  user: UserRecord,
  plan: Plan,
  query: URLSearchParams,
  now: Date,
): Promise<PageAnswer> {
  if (user.role === 'officer') return htmlAnswer(403, messagePage(T.forbidden, T.forbidden, user));
  const period = parseReportPeriod(query.get('period') ?? '');
  if (!period) return htmlAnswer(400, messagePage(T.report, T.badPeriod, user));
  const format = pick(query.get('format'), ['xlsx', 'docx'], 'xlsx');
  const { data } = deps;
  const { records, figures, members } = await readPlanRecords(data, plan);
  const model = buildReport(plan, records, figures, period, now, members);
  const content = format === 'docx' ? await renderReportDocx(model) : await renderReportXlsx(model);
  const fileName = `bao-cao-${plan.id}-${period.code}.${format}`;
  return {
    status: 200,
    body: content,
    headers: {
      'content-type': FILE_TYPES[format],
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  };
}
