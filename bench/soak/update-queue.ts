import type { Update } from 'grammy/types';

/** The most updates one getUpdates call returns (Telegram's `limit` range is 1-100). */
export const MAX_LIMIT = 100;

type Entry = { update: Update; seq: number; delivered: boolean; again: boolean };

/**
 * The updates waiting for a bot, with Telegram's getUpdates semantics: an update is returned by every call until
 * it is confirmed by a call whose `offset` is higher than its update_id; a negative offset keeps only the last
 * updates. `redeliver` puts an update already confirmed back in the queue under its own update_id (a delivery
 * whose confirmation got lost): it is returned until a call, after one that returned it, confirms it.
 */
export type UpdateQueue = {
  /** Adds a new update (its update_id must be higher than every earlier one). */
  push(update: Update): void;
  /** Queues an update again under the same update_id. */
  redeliver(update: Update): void;
  /** What a getUpdates call with this offset and limit answers; confirms the updates below the offset first. */
  take(offset: number | undefined, limit: number | undefined): Update[];
  /** Whether the update is still waiting (not confirmed). */
  isPending(updateId: number): boolean;
  /** Whether any update is waiting. */
  readonly size: number;
  /** Removes every waiting update (deleteWebhook with drop_pending_updates). */
  clear(): void;
};

export function createUpdateQueue(): UpdateQueue {
  let entries: Entry[] = [];
  let seq = 0;
  const add = (update: Update, again: boolean) => {
    entries.push({ update, seq: seq++, delivered: false, again });
    entries.sort((a, b) => a.update.update_id - b.update.update_id || a.seq - b.seq);
  };

  function confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset < 0) {
      entries = entries.slice(Math.max(0, entries.length + offset));
      return;
    }
    // An update queued again is confirmed only once it went out again, like one never confirmed.
    entries = entries.filter((e) => e.update.update_id >= offset || (e.again && !e.delivered));
  }

  return {
    push: (update) => add(update, false),
    redeliver: (update) => add(update, true),
    take: (offset, limit) => {
      confirm(offset);
      const taken = entries.slice(0, Math.max(1, Math.min(limit ?? MAX_LIMIT, MAX_LIMIT)));
      for (const e of taken) e.delivered = true;
      return taken.map((e) => e.update);
    },
    isPending: (updateId) => entries.some((e) => e.update.update_id === updateId),
    get size() {
      return entries.length;
    },
    clear: () => {
      entries = [];
    },
  };
}
