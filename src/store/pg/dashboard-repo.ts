import type pg from 'pg';
import type { DashboardAuthStore } from '../../tasks/index.js';
import { checkLink, DASHBOARD_KEEP_MS, toSession, type LinkRow, type SessionRow } from '../dashboard-repo.js';
import { inTransaction } from './pool.js';

/** Dashboard sign-in links and sessions in PostgreSQL, by the hash of their secret; a link is used once (locked). */
export function createPgDashboardRepo(pool: pg.Pool) {
  const cutoff = (now: Date) => new Date(now.getTime() - DASHBOARD_KEEP_MS);
  return {
    addLink: async (hash, userKey, now, expiresAt) => {
      await pool.query('DELETE FROM dashboard_links WHERE expires_at < $1', [cutoff(now)]);
      await pool.query(
        'INSERT INTO dashboard_links (hash, user_key, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, NULL)',
        [hash, userKey, now, expiresAt],
      );
    },
    useLink: (hash, now) =>
      inTransaction(pool, async (c) => {
        const { rows } = await c.query<LinkRow>(
          'SELECT user_key, expires_at, used_at FROM dashboard_links WHERE hash = $1 FOR UPDATE',
          [hash],
        );
        const checked = checkLink(rows[0], now);
        if (checked.ok) await c.query('UPDATE dashboard_links SET used_at = $1 WHERE hash = $2', [now, hash]);
        return checked;
      }),
    addSession: async (hash, s) => {
      await pool.query('DELETE FROM dashboard_sessions WHERE expires_at < $1', [cutoff(s.createdAt)]);
      await pool.query(
        `INSERT INTO dashboard_sessions (hash, user_key, origin, created_at, expires_at, ended_at)
         VALUES ($1, $2, $3, $4, $5, NULL)`,
        [hash, s.userKey, s.origin, s.createdAt, s.expiresAt],
      );
    },
    session: async (hash, now) => {
      const { rows } = await pool.query<SessionRow>(
        `SELECT s.user_key, s.origin, s.created_at, s.expires_at FROM dashboard_sessions s JOIN users u ON u.key = s.user_key
         WHERE s.hash = $1 AND s.ended_at IS NULL AND s.expires_at > $2 AND u.active`,
        [hash, now],
      );
      return rows[0] && toSession(rows[0]);
    },
    endSession: async (hash, now) => {
      await pool.query('UPDATE dashboard_sessions SET ended_at = $1 WHERE hash = $2 AND ended_at IS NULL', [now, hash]);
    },
  } satisfies DashboardAuthStore;
}
