import type { DashboardAuthStore, DashboardSession, Result, SignInLinkError } from '../tasks/index.js';
import type { Db } from './sqlite.js';
import { promised } from './promised.js';

/** The rows as either store reads them (times as ISO text in SQLite, Dates in PostgreSQL). */
export type LinkRow = { user_key: string; expires_at: string | Date; used_at: string | Date | null };
export type SessionRow = {
  user_key: string;
  origin: DashboardSession['origin'];
  created_at: string | Date;
  expires_at: string | Date;
};

/** Links and sessions are kept a day past their end (what a link said when reused), then dropped. */
export const DASHBOARD_KEEP_MS = 24 * 60 * 60 * 1000;

/** The user a link signs in at `now`, or why it opens nothing (shared by both stores). */
export function checkLink(row: LinkRow | undefined, now: Date): Result<{ userKey: string }, SignInLinkError> {
  if (!row) return { ok: false, error: { code: 'link_unknown' } };
  if (row.used_at !== null) return { ok: false, error: { code: 'link_used' } };
  if (new Date(row.expires_at) <= now) return { ok: false, error: { code: 'link_expired' } };
  return { ok: true, value: { userKey: row.user_key } };
}

/** Maps a `dashboard_sessions` row (of either store) to the domain record. */
export const toSession = (row: SessionRow): DashboardSession => ({
  userKey: row.user_key,
  origin: row.origin,
  createdAt: new Date(row.created_at),
  expiresAt: new Date(row.expires_at),
});

/** Dashboard sign-in links and sessions in SQLite, by the hash of their secret (`satisfies DashboardAuthStore`). */
export function createDashboardRepo(db: Db) {
  const insertLink = db.prepare(
    'INSERT INTO dashboard_links (hash, user_key, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, NULL)',
  );
  const linkByHash = db.prepare<[string], LinkRow>(
    'SELECT user_key, expires_at, used_at FROM dashboard_links WHERE hash = ?',
  );
  const markUsed = db.prepare('UPDATE dashboard_links SET used_at = ? WHERE hash = ? AND used_at IS NULL');
  const dropLinks = db.prepare('DELETE FROM dashboard_links WHERE expires_at < ?');
  const insertSession = db.prepare(
    `INSERT INTO dashboard_sessions (hash, user_key, origin, created_at, expires_at, ended_at)
     VALUES (?, ?, ?, ?, ?, NULL)`,
  );
  const openSession = db.prepare<[string, string], SessionRow>(
    `SELECT s.user_key, s.origin, s.created_at, s.expires_at FROM dashboard_sessions s JOIN users u ON u.key = s.user_key
     WHERE s.hash = ? AND s.ended_at IS NULL AND s.expires_at > ? AND u.active = 1`,
  );
  const end = db.prepare('UPDATE dashboard_sessions SET ended_at = ? WHERE hash = ? AND ended_at IS NULL');
  const dropSessions = db.prepare('DELETE FROM dashboard_sessions WHERE expires_at < ?');

  const useLink = db.transaction((hash: string, now: Date): Result<{ userKey: string }, SignInLinkError> => {
    const checked = checkLink(linkByHash.get(hash), now);
    if (checked.ok) markUsed.run(now.toISOString(), hash);
    return checked;
  });
  const cutoff = (now: Date) => new Date(now.getTime() - DASHBOARD_KEEP_MS).toISOString();

  return promised<DashboardAuthStore>({
    addLink: (hash, userKey, now, expiresAt) => {
      dropLinks.run(cutoff(now));
      insertLink.run(hash, userKey, now.toISOString(), expiresAt.toISOString());
    },
    useLink: (hash, now) => useLink.immediate(hash, now),
    addSession: (hash, s) => {
      dropSessions.run(cutoff(s.createdAt));
      insertSession.run(hash, s.userKey, s.origin, s.createdAt.toISOString(), s.expiresAt.toISOString());
    },
    session: (hash, now) => {
      const row = openSession.get(hash, now.toISOString());
      return row && toSession(row);
    },
    endSession: (hash, now) => void end.run(now.toISOString(), hash),
  });
}
