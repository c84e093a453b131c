import type { DeliveryClaim, DeliveryLog } from '../tasks/index.js';
import { leaseExpired } from './lease.js';
import type { Db } from './sqlite.js';

/**
 * An unfinished claim by another process older than this is taken again: that process died before answering. Longer
 * than an answer takes with Telegram's retries; short, because the person waits that long after a crash.
 */
export const DELIVERY_LEASE_MS = 30_000;
/** Rows claimed longer ago than this are deleted (Telegram and Zalo resend for a day at most). */
export const DELIVERY_KEEP_MS = 7 * 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;

/** Options of {@link createDeliveryRepo}. */
export type DeliveryRepoOptions = {
  /** Default {@link DELIVERY_LEASE_MS} (30 s). */
  leaseMs?: number;
  /** Default {@link DELIVERY_KEEP_MS} (7 days). */
  keepMs?: number;
  /** Claims prune old rows at most this often (by the `now` they are given); default 1 hour. */
  pruneEveryMs?: number;
};

type Row = { owner: string; claimed_at: string; finished_at: string | null };

function verdict(row: Row | undefined, owner: string, now: Date, leaseMs: number): DeliveryClaim {
  if (!row) return 'new';
  if (row.finished_at !== null || row.owner === owner) return 'duplicate';
  return leaseExpired(row.claimed_at, now, leaseMs) ? 'new' : 'busy';
}

/**
 * The log of incoming messages claimed for answering (`satisfies DeliveryLog`): claim-before-answer in an IMMEDIATE
 * transaction like the notification log, so two processes never both answer; a claim whose process died is taken
 * again after the lease. Claims also delete rows older than `keepMs`, now and then, so the table stays small.
 */
export function createDeliveryRepo(db: Db, options: DeliveryRepoOptions = {}) {
  const { leaseMs = DELIVERY_LEASE_MS, keepMs = DELIVERY_KEEP_MS, pruneEveryMs = PRUNE_EVERY_MS } = options;
  const get = db.prepare<[string, string], Row>(
    'SELECT owner, claimed_at, finished_at FROM deliveries WHERE channel = ? AND message_id = ?',
  );
  const take = db.prepare(
    `INSERT INTO deliveries (channel, message_id, owner, claimed_at) VALUES (@channel, @messageId, @owner, @now)
     ON CONFLICT (channel, message_id) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at, attempts = attempts + 1`,
  );
  const finished = db.prepare<[string, string, string]>(
    'UPDATE deliveries SET finished_at = ? WHERE channel = ? AND message_id = ?',
  );
  const prune = db.prepare<[string]>('DELETE FROM deliveries WHERE claimed_at < ?');
  let prunedAt = Number.NEGATIVE_INFINITY;

  const claim = db.transaction((channel: string, messageId: string, owner: string, now: Date): DeliveryClaim => {
    if (now.getTime() - prunedAt >= pruneEveryMs) {
      prune.run(new Date(now.getTime() - keepMs).toISOString());
      prunedAt = now.getTime();
    }
    const found = verdict(get.get(channel, messageId), owner, now, leaseMs);
    if (found === 'new') take.run({ channel, messageId, owner, now: now.toISOString() });
    return found;
  });

  return {
    claim: (channel: string, messageId: string, owner: string, now: Date) =>
      claim.immediate(channel, messageId, owner, now),
    finish: (channel: string, messageId: string, now: Date) => void finished.run(now.toISOString(), channel, messageId),
  } satisfies DeliveryLog;
}
