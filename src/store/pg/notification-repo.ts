import type pg from 'pg';
import type { Notification, NotificationLog } from '../../tasks/index.js';
import { mayTake, type ExistingNotification } from '../notification-repo.js';
import { inTransaction } from './pool.js';

/**
 * The exactly-once log of digests and reminders in PostgreSQL (`satisfies NotificationLog`): a claim
 * inserts the row, or when it is there locks it (`FOR UPDATE`) and decides as the SQLite log does, so whichever
 * instance's scheduler fires, one of them sends.
 */
export function createPgNotificationRepo(pool: pg.Pool) {
  const claim = (n: Notification, owner: string, now: Date, leaseMs: number) =>
    inTransaction(pool, async (c) => {
      const inserted = await c.query(
        `INSERT INTO notifications (key, kind, recipient, plan, slot, state, owner, late, claimed_at)
         VALUES ($1, $2, $3, $4, $5, 'claimed', $6, $7, $8) ON CONFLICT (key) DO NOTHING`,
        [n.key, n.kind, n.recipient, n.plan, n.slot, owner, n.late, now],
      );
      if (inserted.rowCount === 1) return true;
      const { rows } = await c.query<ExistingNotification>(
        'SELECT state, owner, attempts, claimed_at FROM notifications WHERE key = $1 FOR UPDATE',
        [n.key],
      );
      if (!rows[0] || !mayTake(rows[0], now, leaseMs, owner)) return false;
      await c.query(
        `UPDATE notifications SET state = 'claimed', owner = $2, claimed_at = $3, attempts = attempts + 1, late = $4
         WHERE key = $1`,
        [n.key, owner, now, n.late],
      );
      return true;
    });

  return {
    claim,
    markSent: async (key: string, now: Date) => {
      await pool.query(`UPDATE notifications SET state = 'sent', sent_at = $1, error = NULL WHERE key = $2`, [
        now,
        key,
      ]);
    },
    markFailed: async (key: string, error: string) => {
      await pool.query(`UPDATE notifications SET state = 'failed', error = $1 WHERE key = $2`, [
        error.slice(0, 500),
        key,
      ]);
    },
    lastSent: async (kind: string, recipient: string) => {
      const { rows } = await pool.query<{ at: Date | null }>(
        `SELECT MAX(sent_at) AS at FROM notifications WHERE kind = $1 AND recipient = $2 AND state = 'sent'`,
        [kind, recipient],
      );
      return rows[0]?.at ?? null;
    },
  } satisfies NotificationLog;
}
