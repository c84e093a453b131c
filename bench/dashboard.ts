/**
 * `npm run bench:dashboard`: the dashboard's server time and page weight for a plan of 1,000 tasks across 100 units
 * with 5,000 progress updates in a real SQLite file. Each page is answered by the real page handler (sign-in cookie,
 * store reads, derivation, HTML); the time excludes the network. Prints JSON; a benchmark, not a test.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDashboard } from '../src/dashboard/index.js';
import { parsePlan, type Plan, type Task } from '../src/knowledge/index.js';
import type { PageRequest } from '../src/server/index.js';
import { openStore } from '../src/store/index.js';
import { percentile, round } from './stats.js';

const TASKS = Number(process.env.BENCH_TASKS ?? 1000);
const UNITS = Number(process.env.BENCH_UNITS ?? 100);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const NOW = new Date('2026-09-15T03:00:00Z');
const DAY_MS = 86_400_000;

const unitName = (i: number) => (i % 2 === 0 ? `UBND xã số ${i + 1}` : `Phòng chuyên môn số ${i + 1}`);

/** The shipped plan of Nhị Chiểu with its table replaced by `TASKS` tasks led by `UNITS` units, deadlines spread over 2026. */
function bigPlan(): Plan {
  const source = parsePlan('bench', 'bench.md', readFileSync('knowledge/nhi-chieu.md', 'utf8')).plan;
  const tasks: Task[] = Array.from({ length: TASKS }, (_, i) => {
    const lead = unitName(i % UNITS);
    const due = new Date(Date.UTC(2026, 0, 10) + ((i * 7) % 350) * DAY_MS).toISOString().slice(0, 10);
    return {
      plan: 'bench',
      no: String(i + 1),
      content: `Nhiệm vụ số ${i + 1}: rà soát, cắt giảm thủ tục hành chính và văn bản, hội nghị không cần thiết của đơn vị`,
      leadRaw: lead,
      lead: [{ name: lead, raw: lead }],
      coordinatorsRaw: unitName((i + 1) % UNITS),
      coordinators: [{ name: unitName((i + 1) % UNITS), raw: unitName((i + 1) % UNITS) }],
      product: 'Báo cáo',
      deadline: { raw: `Trước ${due.split('-').reverse().join('/')}`, kind: 'date', start: null, due, fromYear: null },
      line: i + 1,
    };
  });
  return { ...source, id: 'bench', tasks };
}

const dir = mkdtempSync(join(tmpdir(), 'bench-dashboard-'));
const store = openStore(join(dir, 'troly.db'));
const plan = bigPlan();
const insertUser = store.db.prepare(
  "INSERT INTO users (key, name, role, plan, unit, active, created_at) VALUES (?, ?, ?, 'bench', ?, 1, '2026-01-01T00:00:00Z')",
);
insertUser.run('tg:1', 'Lãnh đạo', 'leader', null);
for (let u = 0; u < UNITS; u++) insertUser.run(`tg:${100 + u}`, `Chuyên viên ${u + 1}`, 'officer', unitName(u));
const statuses = ['in_progress', 'done', 'blocked', 'not_started'] as const;
// One commit for the seed: SQLite's repositories write at once (their Promise is already settled), so they run inside it.
store.db.transaction(() => {
  for (let i = 0; i < UPDATES; i++) {
    const task = (i * 37) % TASKS;
    const status = statuses[i % statuses.length]!;
    void store.progress.append({
      plan: 'bench',
      task: String(task + 1),
      trackingYear: '',
      status,
      percent: status === 'in_progress' ? (i * 13) % 100 : null,
      note: `Cập nhật lần ${i + 1}: đã làm việc với các đơn vị`,
      userKey: `tg:${100 + (task % UNITS)}`,
      userName: `Chuyên viên ${(task % UNITS) + 1}`,
      channel: 'telegram',
      messageId: `bench-${i}`,
      createdAt: new Date(NOW.getTime() - ((UPDATES - i) / UPDATES) * 200 * DAY_MS),
      reverts: null,
    });
  }
})();

const dashboard = createDashboard({
  data: { plans: () => [plan], progress: store.progress, figures: store.figures, members: store.members },
  auth: store.dashboard,
  users: store.users,
  baseUrl: 'http://127.0.0.1:8080',
  now: () => NOW,
});

async function cookieFor(userKey: string): Promise<string> {
  const { url } = await dashboard.issueLink(userKey, NOW);
  const answer = await dashboard.pages(request(new URL(url).pathname, '', 'POST'));
  return String(answer?.headers?.['set-cookie']).split(';')[0]!;
}

function request(path: string, cookie: string, method = 'GET'): PageRequest {
  const [p, q] = path.split('?');
  return {
    method,
    path: p!,
    query: new URLSearchParams(q ?? ''),
    headers: { cookie },
    body: method === 'POST' ? Buffer.alloc(0) : null,
  };
}

const ASSET_BYTES =
  readFileSync('src/dashboard/assets/app.css').length + readFileSync('src/dashboard/assets/app.js').length;

async function measure(path: string, cookie: string) {
  const times: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const answer = await dashboard.pages(request(path, cookie));
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    if (i >= 3) cpu.push((used.user + used.system) / 1000);
    if (answer?.status !== 200) throw new Error(`bench: ${path} answered ${answer?.status}`);
    bytes = Buffer.byteLength(answer.body);
    if (i >= 3) times.push(ms);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    path,
    cpuP50Ms: round(percentile(cpu, 50)),
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    htmlKB: round(bytes / 1024),
    pageKB: round((bytes + ASSET_BYTES) / 1024),
  };
}

const leader = await cookieFor('tg:1');
const officer = await cookieFor('tg:100');
const pages = [
  await measure('/dashboard/p/bench', leader),
  await measure('/dashboard/p/bench/units', leader),
  await measure('/dashboard/p/bench/tasks', leader),
  await measure('/dashboard/p/bench/tasks?status=overdue&sort=state', leader),
  await measure('/dashboard/p/bench/tasks/500', leader),
  await measure('/dashboard/p/bench/tasks', officer),
];
console.log(
  JSON.stringify(
    { tasks: TASKS, units: UNITS, updates: UPDATES, runs: RUNS, assetsKB: round(ASSET_BYTES / 1024), pages },
    null,
    2,
  ),
);
if (process.env.BENCH_KEEP) {
  console.error(dir);
  process.exit(0);
}
store.close();
rmSync(dir, { recursive: true, force: true });
