import type pg from 'pg';
import type { DeliveryClaim, DeliveryLog } from '../../tasks/index.js';
import { claimVerdict, DELIVERY_LEASE_MS, type DeliveryRepoOptions, type DeliveryRow } from '../delivery-repo.js';
import { inTransaction } from './pool.js';

/**
 * The delivery log in PostgreSQL (`satisfies DeliveryLog`), on the inbox's rows, for instances sharing one
 * database: a claim makes sure the row is there, locks it (`FOR UPDATE`) and decides as the SQLite log does, so of two
 * instances claiming one message at once exactly one gets `new`; `finish` also ends the update in the inbox.
 */
export function createPgDeliveryRepo(pool: pg.Pool, options: DeliveryRepoOptions = {}) {
  const { leaseMs = DELIVERY_LEASE_MS } = options;

  const claim = (channel: string, id: string, owner: string, now: Date) =>
    inTransaction(pool, async (c): Promise<DeliveryClaim> => {
      await c.query(
        `INSERT INTO inbox (channel, update_id, received_at) VALUES ($1, $2, $3)
         ON CONFLICT (channel, update_id) DO NOTHING`,
        [channel, id, now],
      );
      const { rows } = await c.query<DeliveryRow>(
        'SELECT owner, claimed_at, done_at FROM inbox WHERE channel = $1 AND update_id = $2 FOR UPDATE',
        [channel, id],
      );
      const found = claimVerdict(rows[0], owner, now, leaseMs);
      if (found === 'new') {
        await c.query(
          'UPDATE inbox SET owner = $1, claimed_at = $2, attempts = attempts + 1 WHERE channel = $3 AND update_id = $4',
          [owner, now, channel, id],
        );
      }
      return found;
    });

  return {
    claim,
    finish: async (channel: string, id: string, now: Date) => {
      await pool.query(
        'UPDATE inbox SET done_at = $1, body = NULL WHERE channel = $2 AND update_id = $3 AND done_at IS NULL',
        [now, channel, id],
      );
    },
  } satisfies DeliveryLog;
}
