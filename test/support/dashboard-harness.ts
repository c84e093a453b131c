import { afterEach, beforeEach } from 'vitest';
import { createDashboard, type Dashboard } from '../../src/dashboard/index.js';
import type { Plan } from '../../src/knowledge/index.js';
import { startHttpServer, type HttpServer } from '../../src/server/index.js';
import type { Store } from '../../src/store/index.js';
import { seedUser, type SeedUser } from './seed-user.js';
import { shippedPlans } from './shipped.js';
import { createTmpDb, type TmpDb } from './tmp-db.js';

export const BOT_TOKEN = '123456789:TEST-dashboard-token';

/** The dashboard over a real store in a temp folder, served on 127.0.0.1 by the real HTTP server; time is `clock.now`. */
export type DashboardHarness = {
  base: string;
  store: Store;
  dashboard: Dashboard;
  clock: { now: Date };
  seed(user: SeedUser): ReturnType<typeof seedUser>;
  /** GET or POST on the server without following redirects; `cookie` is sent as is. */
  request(
    path: string,
    options?: { method?: string; cookie?: string; body?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Signs `userKey` in with a fresh one-time link; the `name=value` of the session cookie. */
  signIn(userKey: string): Promise<string>;
};

/** Registers hooks giving each test a fresh harness (shipped plans unless `plans` says). */
export function useDashboard(options: { plans?: () => Plan[]; baseUrl?: string } = {}): () => DashboardHarness {
  let db: TmpDb;
  let server: HttpServer;
  let harness: DashboardHarness;
  beforeEach(async () => {
    db = createTmpDb();
    const store = db.open();
    const clock = { now: new Date('2026-06-03T03:00:00Z') };
    let dashboard: Dashboard | undefined;
    server = await startHttpServer({ port: 0, host: '127.0.0.1', pages: (req) => dashboard!.pages(req) });
    const base = `http://127.0.0.1:${server.port}`;
    dashboard = createDashboard({
      data: {
        plans: options.plans ?? (() => shippedPlans()),
        progress: store.progress,
        figures: store.figures,
        members: store.members,
      },
      auth: store.dashboard,
      users: store.users,
      baseUrl: options.baseUrl ?? base,
      botToken: BOT_TOKEN,
      now: () => clock.now,
    });
    const request: DashboardHarness['request'] = (path, o = {}) =>
      fetch(`${base}${path}`, {
        method: o.method ?? 'GET',
        redirect: 'manual',
        headers: { ...(o.cookie ? { cookie: o.cookie } : {}), ...o.headers },
        ...(o.body !== undefined ? { body: o.body } : {}),
      });
    harness = {
      base,
      store,
      dashboard,
      clock,
      seed: (user) => seedUser(store, user),
      request,
      signIn: async (userKey) => {
        const { url } = await dashboard!.issueLink(userKey, clock.now);
        const answer = await request(new URL(url).pathname, { method: 'POST' });
        return (answer.headers.get('set-cookie') ?? '').split(';')[0]!;
      },
    };
  });
  afterEach(async () => {
    await server.close();
    db.cleanup();
  });
  return () => harness;
}
