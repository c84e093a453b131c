import type pg from 'pg';
import type { InboxUpdate, UpdateInbox } from '../../tasks/index.js';
import {
  INBOX_KEEP_MS,
  INBOX_MAX_REPLAYS,
  INBOX_MAX_ROWS,
  INBOX_PRUNE_EVERY_MS,
  type InboxRepoOptions,
} from '../inbox-repo.js';
import { inTransaction } from './pool.js';

type Row = { seq: number; update_id: string; body: string | null };

/**
 * The inbox in PostgreSQL (`satisfies UpdateInbox`): `keep` writes a batch in one transaction, `pending`
 * locks the rows it hands out, so two instances starting at once do not both replay an update.
 */
export function createPgInboxRepo(pool: pg.Pool, options: InboxRepoOptions = {}) {
  const {
    keepMs = INBOX_KEEP_MS,
    maxRows = INBOX_MAX_ROWS,
    maxReplays = INBOX_MAX_REPLAYS,
    pruneEveryMs = INBOX_PRUNE_EVERY_MS,
  } = options;
  let prunedAt = Number.NEGATIVE_INFINITY;

  const keep = (channel: string, updates: InboxUpdate[], now: Date) =>
    inTransaction(pool, async (c) => {
      if (now.getTime() - prunedAt >= pruneEveryMs) {
        await c.query('DELETE FROM inbox WHERE received_at < $1', [new Date(now.getTime() - keepMs)]);
        // By rank, not by `seq` arithmetic: identities skipped by ON CONFLICT leave gaps.
        await c.query('DELETE FROM inbox WHERE seq <= (SELECT seq FROM inbox ORDER BY seq DESC OFFSET $1 LIMIT 1)', [
          maxRows,
        ]);
        prunedAt = now.getTime();
      }
      for (const u of updates) {
        await c.query(
          `INSERT INTO inbox (channel, update_id, body, received_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (channel, update_id) DO NOTHING`,
          [channel, u.id, JSON.stringify(u.body), now],
        );
      }
      const { rows } = await c.query<{ update_id: string }>(
        'SELECT update_id FROM inbox WHERE channel = $1 AND update_id = ANY($2) AND done_at IS NULL',
        [channel, updates.map((u) => u.id)],
      );
      const open = new Set(rows.map((r) => r.update_id));
      return updates.filter((u) => open.has(u.id));
    });

  const pending = (channel: string, receivedBefore?: Date) =>
    inTransaction(pool, async (c) => {
      const { rows } = await c.query<Row>(
        `SELECT seq, update_id, body FROM inbox WHERE channel = $1 AND done_at IS NULL AND body IS NOT NULL AND replays < $2
         AND received_at < COALESCE($3, 'infinity'::timestamptz) ORDER BY seq FOR UPDATE`,
        [channel, maxReplays, receivedBefore ?? null],
      );
      await c.query('UPDATE inbox SET replays = replays + 1 WHERE seq = ANY($1)', [rows.map((r) => r.seq)]);
      return rows.map((r) => ({ id: r.update_id, body: r.body === null ? null : (JSON.parse(r.body) as unknown) }));
    });

  return {
    keep,
    done: async (channel: string, id: string, now: Date) => {
      await pool.query(
        'UPDATE inbox SET done_at = $1, body = NULL WHERE channel = $2 AND update_id = $3 AND done_at IS NULL',
        [now, channel, id],
      );
    },
    pending,
  } satisfies UpdateInbox;
}
