import type { InboxUpdate, UpdateInbox } from '../tasks/index.js';
import { durably, type Db } from './sqlite.js';
import { promised } from './promised.js';

/** Rows received longer ago than this are deleted, done or not: Telegram keeps an unconfirmed update a day. */
export const INBOX_KEEP_MS = 24 * 60 * 60_000;
/** Only the latest rows are kept, whatever the traffic (a done row is a few dozen bytes: its body is dropped). */
export const INBOX_MAX_ROWS = 100_000;
/** An update handed out at start this often without ever being done is given up: its handling kills the process. */
export const INBOX_MAX_REPLAYS = 3;
/** `keep` prunes old rows at most this often (a minute). */
export const INBOX_PRUNE_EVERY_MS = 60_000;

/** Options of {@link createInboxRepo}. */
export type InboxRepoOptions = {
  /** Default {@link INBOX_KEEP_MS} (a day). */
  keepMs?: number;
  /** Default {@link INBOX_MAX_ROWS} (100,000). */
  maxRows?: number;
  /** Default {@link INBOX_MAX_REPLAYS} (3). */
  maxReplays?: number;
  /** `keep` prunes old rows at most this often (by the `now` it is given); default 1 minute. */
  pruneEveryMs?: number;
};

type Row = { update_id: string; body: string | null };

/**
 * The inbox of updates received from the platforms (`satisfies UpdateInbox`): `keep` writes a batch in one
 * transaction before the caller may let the platform count it delivered, `done` drops the body once handled, and
 * `pending` hands out what a dead process left. `keep` also deletes rows older than `keepMs` and beyond the latest
 * `maxRows`, now and then, so the table stays small.
 */
export function createInboxRepo(db: Db, options: InboxRepoOptions = {}) {
  const {
    keepMs = INBOX_KEEP_MS,
    maxRows = INBOX_MAX_ROWS,
    maxReplays = INBOX_MAX_REPLAYS,
    pruneEveryMs = INBOX_PRUNE_EVERY_MS,
  } = options;
  const insert = db.prepare<[string, string, string, string]>(
    'INSERT INTO inbox (channel, update_id, body, received_at) VALUES (?, ?, ?, ?) ON CONFLICT (channel, update_id) DO NOTHING',
  );
  const doneAt = db.prepare<[string, string], { done_at: string | null }>(
    'SELECT done_at FROM inbox WHERE channel = ? AND update_id = ?',
  );
  const finish = db.prepare<[string, string, string]>(
    'UPDATE inbox SET done_at = ?, body = NULL WHERE channel = ? AND update_id = ? AND done_at IS NULL',
  );
  // A missing bound (null) is later than any ISO time: every row.
  const open = `channel = ? AND done_at IS NULL AND body IS NOT NULL AND replays < ? AND received_at < COALESCE(?, '9')`;
  const waiting = db.prepare<[string, number, string | null], Row>(
    `SELECT update_id, body FROM inbox WHERE ${open} ORDER BY seq`,
  );
  const handedOut = db.prepare<[string, number, string | null]>(`UPDATE inbox SET replays = replays + 1 WHERE ${open}`);
  const pruneOld = db.prepare<[string]>('DELETE FROM inbox WHERE received_at < ?');
  const pruneBeyond = db.prepare<[number]>('DELETE FROM inbox WHERE seq <= (SELECT MAX(seq) FROM inbox) - ?');
  let prunedAt = Number.NEGATIVE_INFINITY;

  const keep = db.transaction((channel: string, updates: InboxUpdate[], now: Date): InboxUpdate[] => {
    if (now.getTime() - prunedAt >= pruneEveryMs) {
      pruneOld.run(new Date(now.getTime() - keepMs).toISOString());
      pruneBeyond.run(maxRows);
      prunedAt = now.getTime();
    }
    const at = now.toISOString();
    return updates.filter((u) => {
      insert.run(channel, u.id, JSON.stringify(u.body), at);
      return doneAt.get(channel, u.id)?.done_at === null;
    });
  });

  const pending = db.transaction((channel: string, receivedBefore?: Date): InboxUpdate[] => {
    const before = receivedBefore?.toISOString() ?? null;
    const rows = waiting.all(channel, maxReplays, before);
    handedOut.run(channel, maxReplays, before);
    return rows.map((r) => ({ id: r.update_id, body: r.body === null ? null : (JSON.parse(r.body) as unknown) }));
  });

  return promised<UpdateInbox>({
    // On the disk before the platform may forget the updates: they survive a power cut, not only a crash.
    keep: (channel: string, updates: InboxUpdate[], now: Date) =>
      durably(db, () => keep.immediate(channel, updates, now)),
    done: (channel: string, id: string, now: Date) => void finish.run(now.toISOString(), channel, id),
    pending: (channel: string, receivedBefore?: Date) => pending.immediate(channel, receivedBefore),
  });
}
