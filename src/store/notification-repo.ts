import type { Notification, NotificationLog } from '../tasks/index.js';
import { ownerGone } from './delivery-repo.js';
import { leaseExpired } from './lease.js';
import type { Db } from './sqlite.js';
import { promised } from './promised.js';

/** The part of a `notifications` row a claim looks at (times as ISO text in SQLite, Dates in PostgreSQL). */
export type ExistingNotification = {
  state: 'claimed' | 'sent' | 'failed';
  owner: string;
  attempts: number;
  claimed_at: string | Date;
};

/** How often a failed notification is tried before it is given up (blocked bot, left chat). */
export const MAX_ATTEMPTS = 3;

/**
 * Whether a notification already claimed, sent or failed may be claimed again now by `owner` (shared by both
 * stores): a claim is taken again after the lease, or at once when its process, of this host, is gone (a SIGKILL
 * in the middle of a digest round would otherwise hold the rest of that person's digest for the lease and the sweep).
 */
export function mayTake(row: ExistingNotification, now: Date, leaseMs: number, owner: string): boolean {
  if (row.state === 'sent') return false;
  if (row.state === 'failed') return row.attempts < MAX_ATTEMPTS;
  return leaseExpired(row.claimed_at, now, leaseMs) || ownerGone(row.owner, owner);
}

/** The exactly-once log: claim-before-send in an IMMEDIATE transaction, so two instances never both send. */
export function createNotificationRepo(db: Db) {
  const get = db.prepare<[string], ExistingNotification>(
    'SELECT state, owner, attempts, claimed_at FROM notifications WHERE key = ?',
  );
  const insert = db.prepare(
    `INSERT INTO notifications (key, kind, recipient, plan, slot, state, owner, late, claimed_at)
     VALUES (@key, @kind, @recipient, @plan, @slot, 'claimed', @owner, @late, @now)`,
  );
  const retake = db.prepare(
    `UPDATE notifications SET state = 'claimed', owner = @owner, claimed_at = @now, attempts = attempts + 1, late = @late
     WHERE key = @key`,
  );
  const sent = db.prepare<[string, string]>(
    `UPDATE notifications SET state = 'sent', sent_at = ?, error = NULL WHERE key = ?`,
  );
  const failed = db.prepare<[string, string]>(`UPDATE notifications SET state = 'failed', error = ? WHERE key = ?`);
  const last = db.prepare<[string, string], { at: string | null }>(
    `SELECT MAX(sent_at) AS at FROM notifications WHERE kind = ? AND recipient = ? AND state = 'sent'`,
  );

  const claim = db.transaction((n: Notification, owner: string, now: Date, leaseMs: number): boolean => {
    const params = { ...n, late: n.late ? 1 : 0, owner, now: now.toISOString() };
    const row = get.get(n.key);
    if (!row) return insert.run(params).changes === 1;
    if (!mayTake(row, now, leaseMs, owner)) return false;
    retake.run(params);
    return true;
  });

  return promised<NotificationLog>({
    claim: (n: Notification, owner: string, now: Date, leaseMs: number) => claim.immediate(n, owner, now, leaseMs),
    markSent: (key: string, now: Date) => void sent.run(now.toISOString(), key),
    markFailed: (key: string, error: string) => void failed.run(error.slice(0, 500), key),
    lastSent: (kind: string, recipient: string) => {
      const at = last.get(kind, recipient)?.at;
      return at ? new Date(at) : null;
    },
  });
}
