import type { DeliveryClaim, DeliveryLog } from '../tasks/index.js';
import { leaseExpired } from './lease.js';
import type { Db } from './sqlite.js';
import { promised } from './promised.js';

/**
 * An unfinished claim by another process older than this is taken again: that process died before answering. Longer
 * than an answer takes with Telegram's retries; short, because the person waits that long after a crash.
 */
export const DELIVERY_LEASE_MS = 30_000;

/** Options of {@link createDeliveryRepo}. */
export type DeliveryRepoOptions = {
  /** Default {@link DELIVERY_LEASE_MS} (30 s). */
  leaseMs?: number;
};

/** The claim columns of an `inbox` row as either store reads them (ISO text in SQLite, Dates in PostgreSQL). */
export type DeliveryRow = { owner: string | null; claimed_at: string | Date | null; done_at: string | Date | null };

/** What a claim by `owner` finds, given the inbox row already there (shared by both stores). */
export function claimVerdict(row: DeliveryRow | undefined, owner: string, now: Date, leaseMs: number): DeliveryClaim {
  if (row?.done_at != null) return 'duplicate';
  if (!row || row.owner === null || row.claimed_at === null) return 'new';
  if (row.owner === owner) return 'duplicate';
  return leaseExpired(row.claimed_at, now, leaseMs) || ownerGone(row.owner, owner) ? 'new' : 'busy';
}

/** An owner as the channels name a process: `host:pid:random id`. */
const OWNER = /^(.+):(\d+):([^:]+)$/;

/**
 * Whether the process that made a claim is known to be gone: it ran on this host (the same host name as `self`) and
 * no process has its pid now. A live process with that pid (or one whose pid was reused), another host, or an owner
 * of another form is not known to be gone: its claim waits for the lease. Spares the person whose message a killed
 * process was answering the lease's wait after a restart.
 */
export function ownerGone(owner: string, self: string, alive: (pid: number) => boolean = pidAlive): boolean {
  const claimed = OWNER.exec(owner);
  const mine = OWNER.exec(self);
  if (!claimed || !mine || claimed[1] !== mine[1] || claimed[2] === mine[2]) return false;
  return !alive(Number(claimed[2]));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * The log of incoming messages claimed for answering (`satisfies DeliveryLog`), on the inbox's rows (one row per
 * update: `id` is the inbox's update id): the claim is one IMMEDIATE transaction, so two processes never both answer,
 * and a claim whose process died is taken again after the lease, or at once when it was a process of this host; `finish` is one statement that also ends the update
 * in the inbox. A message that came without the inbox gets its row when claimed; the inbox prunes the rows.
 */
export function createDeliveryRepo(db: Db, options: DeliveryRepoOptions = {}) {
  const { leaseMs = DELIVERY_LEASE_MS } = options;
  const get = db.prepare<[string, string], DeliveryRow>(
    'SELECT owner, claimed_at, done_at FROM inbox WHERE channel = ? AND update_id = ?',
  );
  const arrive = db.prepare<[string, string, string]>(
    'INSERT INTO inbox (channel, update_id, received_at) VALUES (?, ?, ?) ON CONFLICT (channel, update_id) DO NOTHING',
  );
  const take = db.prepare<[string, string, string, string]>(
    'UPDATE inbox SET owner = ?, claimed_at = ?, attempts = attempts + 1 WHERE channel = ? AND update_id = ?',
  );
  const finished = db.prepare<[string, string, string]>(
    'UPDATE inbox SET done_at = ?, body = NULL WHERE channel = ? AND update_id = ? AND done_at IS NULL',
  );

  const claim = db.transaction((channel: string, id: string, owner: string, now: Date): DeliveryClaim => {
    const row = get.get(channel, id);
    if (!row) arrive.run(channel, id, now.toISOString());
    const found = claimVerdict(row, owner, now, leaseMs);
    if (found === 'new') take.run(owner, now.toISOString(), channel, id);
    return found;
  });

  return promised<DeliveryLog>({
    claim: (channel: string, id: string, owner: string, now: Date) => claim.immediate(channel, id, owner, now),
    finish: (channel: string, id: string, now: Date) => void finished.run(now.toISOString(), channel, id),
  });
}
