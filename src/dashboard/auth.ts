import { createHash, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { DashboardAuthStore, SessionOrigin, UserRecord, UserStore } from '../tasks/index.js';
import { validateInitData } from './init-data.js';

/** A sign-in link from `/bangdieukhien` opens for this long, once. */
export const LINK_TTL_MS = 10 * 60 * 1000;
/** A session lasts this long (a working morning or afternoon), unless its user signs out or is deactivated. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
/** The session cookie's name. */
export const SESSION_COOKIE = 'troly_session';

export type AuthOptions = {
  store: DashboardAuthStore;
  users: UserStore;
  /** PUBLIC_URL: links are made under it; an https one makes the cookie Secure. */
  baseUrl: string;
  /** TELEGRAM_BOT_TOKEN, which signs Mini App `initData`; without it, Mini App sign-in is refused. */
  botToken?: string;
};

/** Sign-in from the chat (one-time links, Telegram's Mini App data), sessions by cookie, signing out. */
export type Auth = ReturnType<typeof createAuth>;

/** 32 random bytes: 43 url-safe characters. */
const secret = () => randomBytes(32).toString('base64url');
const hashOf = (value: string) => createHash('sha256').update(value).digest('hex');

/** The value of one cookie of a request, or undefined. */
function cookieOf(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** Sessions and sign-in for the dashboard; secrets travel only to the browser, the store keeps their hashes. */
export function createAuth(options: AuthOptions) {
  const { store, users } = options;
  const secure = options.baseUrl.startsWith('https:') ? '; Secure' : '';
  const cookie = (value: string, maxAgeSeconds: number) =>
    `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;

  const open = async (userKey: string, origin: SessionOrigin, now: Date): Promise<string> => {
    const value = secret();
    await store.addSession(hashOf(value), {
      userKey,
      origin,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    });
    return cookie(value, SESSION_TTL_MS / 1000);
  };

  return {
    /** A one-time link for a registered user: `${baseUrl}/dashboard/login/<secret>`, valid 10 minutes. */
    async issueLink(userKey: string, now: Date): Promise<{ url: string; expiresAt: Date }> {
      const value = secret();
      const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
      await store.addLink(hashOf(value), userKey, now, expiresAt);
      return { url: `${options.baseUrl}/dashboard/login/${value}`, expiresAt };
    },
    /** Uses a link's secret: the Set-Cookie of a new session, or null when the link is unknown, used or expired. */
    async signInWithLink(value: string, now: Date): Promise<string | null> {
      const used = await store.useLink(hashOf(value), now);
      if (!used.ok || !(await users.get(used.value.userKey))?.active) return null;
      return open(used.value.userKey, 'link', now);
    },
    /** Checks Mini App `initData`: the Set-Cookie of a new session, or why not (bad data, or no registered user). */
    async signInWithInitData(
      initData: string,
      now: Date,
    ): Promise<{ cookie: string } | { refused: 'invalid' | 'not_registered' }> {
      const checked = options.botToken ? validateInitData(initData, options.botToken, now) : undefined;
      if (!checked?.ok) return { refused: 'invalid' };
      const key = `tg:${checked.userId}`;
      if (!(await users.get(key))?.active) return { refused: 'not_registered' };
      return { cookie: await open(key, 'mini_app', now) };
    },
    /** The active user whose open session the request's cookie names, or undefined. */
    async viewer(headers: IncomingHttpHeaders, now: Date): Promise<UserRecord | undefined> {
      const value = cookieOf(headers, SESSION_COOKIE);
      const session = value ? await store.session(hashOf(value), now) : undefined;
      const user = session ? await users.get(session.userKey) : undefined;
      return user?.active ? user : undefined;
    },
    /** Ends the request's session; the Set-Cookie that clears the cookie. */
    async signOut(headers: IncomingHttpHeaders, now: Date): Promise<string> {
      const value = cookieOf(headers, SESSION_COOKIE);
      if (value) await store.endSession(hashOf(value), now);
      return cookie('', 0);
    },
  };
}
