import type { Log } from '../chat/index.js';
import type { InboxUpdate, UpdateInbox } from '../tasks/index.js';

/** Options of {@link createInboxGate}. */
export type InboxGateOptions<U> = {
  /** The store's inbox (`store.inbox`); without it every update is handed on and nothing is kept. */
  inbox?: UpdateInbox;
  channel: 'telegram' | 'zalo';
  /** The platform's id of an update (Telegram's update_id, Zalo's message_id). */
  idOf: (update: U) => string;
  log: Log;
  /** Default the system clock. */
  now?: () => Date;
};

/** Where a channel's updates pass between the platform and the bot, kept in the inbox until handled. */
export type InboxGate<U> = {
  /**
   * Keeps the updates in the inbox (await it before the platform may count them delivered) and resolves to those to
   * handle now: not done before, and not in hand in this process already. Rejects when they cannot be kept.
   */
  admit(updates: U[]): Promise<U[]>;
  /** The update was handled (or failed for good): done in the inbox and out of hand. Never rejects. */
  settle(update: U): Promise<void>;
  /**
   * The updates a previous process kept and never finished, oldest first, now in hand here: handle them at start.
   * With `receivedBefore`, only those kept before then and not in hand here: what another instance sharing the store
   * kept and left (it died, or is far behind), for a periodic look. Never rejects (an inbox that cannot be read is
   * logged, and its updates wait for the next look).
   */
  replay(receivedBefore?: Date): Promise<U[]>;
};

/**
 * The inbox as a channel uses it: an update is kept as it comes, handed to the bot once per process (the same update
 * from the inbox and from the platform, or twice from the platform, goes through once), and done once handled, so
 * what a killed process held is handled by the next one. Answering once across processes is the delivery log's job.
 */
export function createInboxGate<U>(options: InboxGateOptions<U>): InboxGate<U> {
  const { inbox, channel, idOf, log, now = () => new Date() } = options;
  const inHand = new Set<string>();
  const take = (updates: U[]) =>
    updates.filter((u) => {
      const id = idOf(u);
      if (inHand.has(id)) return false;
      inHand.add(id);
      return true;
    });

  return {
    async admit(updates) {
      if (!inbox) return updates;
      if (updates.length === 0) return [];
      const kept = await inbox.keep(
        channel,
        updates.map((u) => ({ id: idOf(u), body: u })),
        now(),
      );
      const open = new Set(kept.map((u) => u.id));
      const dropped = updates.filter((u) => !open.has(idOf(u)));
      if (dropped.length > 0)
        log('debug', `${channel}: update delivered again, already handled`, { updateIds: dropped.map(idOf) });
      return take(updates.filter((u) => open.has(idOf(u))));
    },
    async settle(update) {
      const id = idOf(update);
      inHand.delete(id);
      try {
        await inbox?.done(channel, id, now());
      } catch (err) {
        log('warn', `${channel}: could not mark an update done; it will be handed out again at the next start`, {
          updateId: id,
          err,
        });
      }
    },
    async replay(receivedBefore) {
      if (!inbox) return [];
      let pending: InboxUpdate[];
      try {
        pending = await inbox.pending(channel, receivedBefore);
      } catch (err) {
        log('error', `${channel}: could not read the inbox; updates left by another process wait for the next look`, {
          err,
        });
        return [];
      }
      const left = take(pending.map((p) => p.body as U));
      for (const u of left)
        log('info', `${channel}: update left unhandled by a previous process, handling it now`, { updateId: idOf(u) });
      return left;
    },
  };
}
