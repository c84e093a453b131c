import type { Result } from './result.js';

/** How a dashboard session was opened: a one-time link from the chat, or Telegram's Mini App sign-in. */
export type SessionOrigin = 'link' | 'mini_app';

/** Why a one-time sign-in link opens nothing. */
export type SignInLinkError = { code: 'link_unknown' } | { code: 'link_used' } | { code: 'link_expired' };

/** One open dashboard session (its secret is known only to the browser; the store keeps its hash). */
export type DashboardSession = { userKey: string; origin: SessionOrigin; createdAt: Date; expiresAt: Date };

/**
 * One-time sign-in links and the sessions they open, by the SHA-256 hash of their secret (a copy of the database
 * signs nobody in). Sessions of a deactivated user end with the deactivation (`UserStore.deactivate`).
 */
export type DashboardAuthStore = {
  /** Keeps a link for `userKey` until `expiresAt`. */
  addLink(hash: string, userKey: string, now: Date, expiresAt: Date): Promise<void>;
  /** Uses a link once, in one transaction: the user it was for, or why it opens nothing (unknown, used, expired). */
  useLink(hash: string, now: Date): Promise<Result<{ userKey: string }, SignInLinkError>>;
  addSession(hash: string, session: DashboardSession): Promise<void>;
  /** The session if it is open at `now` (not expired, not ended) and its user active. */
  session(hash: string, now: Date): Promise<DashboardSession | undefined>;
  /** Ends one session (signing out). */
  endSession(hash: string, now: Date): Promise<void>;
};
