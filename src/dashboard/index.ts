/**
 * The leaders' dashboard: server-rendered pages (a web page, also opened as a Telegram Mini App) over the same
 * derivations as the digest and `/tiendo`, signed in from the chat with one-time links or Telegram's `initData`.
 * @example
 * const dashboard = createDashboard({ data, auth: store.dashboard, users: store.users, baseUrl: PUBLIC_URL, botToken });
 * await startHttpServer({ port, pages: dashboard.pages });
 * (await dashboard.issueLink('tg:123', new Date())).url; // → `${PUBLIC_URL}/dashboard/login/<secret>`, once, 10 minutes
 */
import type { PageHandler } from '../server/index.js';
import type { DashboardAuthStore, UserStore } from '../tasks/index.js';
import { createAuth, LINK_TTL_MS } from './auth.js';
import type { DashboardData } from './model.js';
import { createRouter } from './routes.js';

export type DashboardOptions = {
  /** The plans and progress (the chat's knowledge holder and stores). */
  data: DashboardData;
  /** Where sign-in links and sessions are kept (`store.dashboard`). */
  auth: DashboardAuthStore;
  users: UserStore;
  /** PUBLIC_URL: links are made under it, an https one makes the session cookie Secure. */
  baseUrl: string;
  /** TELEGRAM_BOT_TOKEN, to check Mini App sign-ins; without it they are refused. */
  botToken?: string;
  /** Clock; default the system's. */
  now?: () => Date;
};

export type Dashboard = {
  /** The server's page handler (everything under /dashboard, and / redirecting there). */
  pages: PageHandler;
  /** A one-time sign-in link for a registered user, valid 10 minutes. */
  issueLink(userKey: string, now: Date): Promise<{ url: string; expiresAt: Date }>;
  /** The address that opens the dashboard (the Mini App's address). */
  homeUrl: string;
};

/** How long a sign-in link opens, in minutes (what `/bangdieukhien` tells). */
export const LINK_MINUTES = LINK_TTL_MS / 60_000;

/** Builds the dashboard's pages and sign-in over the stores. */
export function createDashboard(options: DashboardOptions): Dashboard {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const auth = createAuth({ store: options.auth, users: options.users, baseUrl, botToken: options.botToken });
  const now = options.now ?? (() => new Date());
  return {
    pages: createRouter({ data: options.data, auth, baseUrl, now }),
    issueLink: auth.issueLink,
    homeUrl: `${baseUrl}/dashboard/`,
  };
}

/** Telegram Mini App `initData` checking (HMAC-SHA256 with the bot token, stale `auth_date` refused). */
export { validateInitData, INIT_DATA_MAX_AGE_MS, type InitDataResult, type InitDataError } from './init-data.js';
/** Session and link lifetimes, the cookie's name. */
export { SESSION_TTL_MS, SESSION_COOKIE } from './auth.js';
