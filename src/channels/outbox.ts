import { createChatQueue } from './chat-queue.js';
import { sleep as realSleep, type Sleep } from './sleep.js';
import { createTokenBuckets, type TokenBuckets, type TokenRate } from './token-buckets.js';

/** A platform's sending limits, each a token bucket. */
export type OutboxLimits = {
  /** All messages of the bot together. */
  global: TokenRate;
  /** Messages to one chat. */
  perChat: TokenRate;
  /** Messages to one group chat, on top of `perChat`; none when absent. */
  perGroup?: TokenRate;
};

/**
 * What one API call spends: a message to a chat (a token of the global, the chat's and, for a group, the group's
 * bucket), a global token only (chat actions, callback answers), or nothing (polling, webhook set-up).
 */
export type SendTarget = { chat: string; group?: boolean } | 'global' | 'free';

/** The clock the buckets read and the wait between tries; the two go together (a fake sleep with the real clock would spin). */
export type OutboxClock = { now: () => Date; sleep: Sleep };

/** Paces a channel's outgoing calls. */
export type Outbox = {
  /**
   * Runs `run` once the earlier calls to the same chat have settled, so a chat's messages keep their order; wrap the
   * whole call, retries included. Other targets run at once.
   */
  inOrder<T>(target: SendTarget, run: () => Promise<T>): Promise<T>;
  /** Waits until every bucket the target draws from has a token, then spends them; call it once per attempt. */
  take(target: SendTarget, signal?: AbortSignal): Promise<void>;
};

/** Neither paces nor orders: every call runs at once. The channels' default, for local servers and tests. */
export const UNPACED: Outbox = { inOrder: (_target, run) => run(), take: async () => {} };

const SYSTEM_CLOCK: OutboxClock = { now: () => new Date(), sleep: realSleep };

/**
 * Builds the pacing shared by the Telegram and Zalo channels: one token bucket for the bot, one per chat and one per
 * group, over an injected clock; chats are independent except for the bot-wide bucket.
 * @example const outbox = createOutbox(TELEGRAM_LIMITS); await outbox.inOrder(target, async () => { await outbox.take(target); return send(); });
 */
export function createOutbox(limits: OutboxLimits, clock: OutboxClock = SYSTEM_CLOCK): Outbox {
  const global = createTokenBuckets(limits.global);
  const chats = createTokenBuckets(limits.perChat);
  const groups = limits.perGroup ? createTokenBuckets(limits.perGroup) : undefined;
  const chatOrder = createChatQueue();

  const bucketsOf = (target: SendTarget): Array<[TokenBuckets, string]> => {
    if (target === 'free') return [];
    if (target === 'global') return [[global, '']];
    const group = target.group && groups ? [[groups, target.chat] as [TokenBuckets, string]] : [];
    return [[global, ''], [chats, target.chat], ...group];
  };

  return {
    inOrder: (target, run) => (typeof target === 'string' ? run() : chatOrder.run(target.chat, run)),
    async take(target, signal) {
      const buckets = bucketsOf(target);
      for (;;) {
        const nowMs = clock.now().getTime();
        const waitMs = Math.max(0, ...buckets.map(([b, key]) => b.waitMs(key, nowMs)));
        // Spend all or none, with no await in between, so concurrent takers never half-spend.
        if (waitMs === 0) {
          for (const [b, key] of buckets) b.tryTake(key, nowMs);
          return;
        }
        // An aborted call fails at once without sending: it needs no token.
        if (signal?.aborted) return;
        await clock.sleep(waitMs, signal);
      }
    },
  };
}
