import type pg from 'pg';
import type { DeliveryClaim, DeliveryLog } from '../../tasks/index.js';
import {
  claimVerdict,
  DELIVERY_KEEP_MS,
  DELIVERY_LEASE_MS,
  DELIVERY_PRUNE_EVERY_MS,
  type DeliveryRepoOptions,
  type DeliveryRow,
} from '../delivery-repo.js';
import type { AsyncPort } from './async-port.js';
import { inTransaction } from './pool.js';

/**
 * The delivery log in PostgreSQL (`satisfies AsyncPort<DeliveryLog>`), for instances sharing one database: a claim
 * inserts the row, or when it is there locks it (`FOR UPDATE`) and decides as the SQLite log does, so of two
 * instances claiming one message at once exactly one gets `new`.
 */
export function createPgDeliveryRepo(pool: pg.Pool, options: DeliveryRepoOptions = {}) {
  const { leaseMs = DELIVERY_LEASE_MS, keepMs = DELIVERY_KEEP_MS, pruneEveryMs = DELIVERY_PRUNE_EVERY_MS } = options;
  let prunedAt = Number.NEGATIVE_INFINITY;

  const claim = (channel: string, messageId: string, owner: string, now: Date) =>
    inTransaction(pool, async (c): Promise<DeliveryClaim> => {
      if (now.getTime() - prunedAt >= pruneEveryMs) {
        await c.query('DELETE FROM deliveries WHERE claimed_at < $1', [new Date(now.getTime() - keepMs)]);
        prunedAt = now.getTime();
      }
      const inserted = await c.query(
        `INSERT INTO deliveries (channel, message_id, owner, claimed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (channel, message_id) DO NOTHING`,
        [channel, messageId, owner, now],
      );
      if (inserted.rowCount === 1) return 'new';
      const { rows } = await c.query<DeliveryRow>(
        'SELECT owner, claimed_at, finished_at FROM deliveries WHERE channel = $1 AND message_id = $2 FOR UPDATE',
        [channel, messageId],
      );
      const found = claimVerdict(rows[0], owner, now, leaseMs);
      // An upsert, not an update: another instance's pruning may have deleted the row in between.
      if (found === 'new') {
        await c.query(
          `INSERT INTO deliveries (channel, message_id, owner, claimed_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (channel, message_id) DO UPDATE
           SET owner = excluded.owner, claimed_at = excluded.claimed_at, attempts = deliveries.attempts + 1`,
          [channel, messageId, owner, now],
        );
      }
      return found;
    });

  return {
    claim,
    finish: async (channel: string, messageId: string, now: Date) => {
      await pool.query('UPDATE deliveries SET finished_at = $1 WHERE channel = $2 AND message_id = $3', [
        now,
        channel,
        messageId,
      ]);
    },
  } satisfies AsyncPort<DeliveryLog>;
}
