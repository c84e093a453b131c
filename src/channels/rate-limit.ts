import { BOT_TOO_FAST } from '../messages/index.js';
import { userKeyOf, type ChatHandler } from '../chat/index.js';
import { createTokenBuckets } from './token-buckets.js';

/** Options of {@link withRateLimit}. */
export type RateLimitOptions = {
  /** The clock (injected in tests). */
  now: () => Date;
  /** Messages a person may send per `perMs`, kept up over time; default 20. */
  maxMessages?: number;
  /** The window, in milliseconds; default 60,000. At most one notice is sent per window. */
  perMs?: number;
  /** Messages that may come at once after a quiet spell; default 10 (a phone user never sends more in a row). */
  burst?: number;
};

/**
 * Wraps the chat core with a per-person rate limit (token bucket keyed by `userKeyOf`). A message over the limit
 * never reaches the core, so nothing is stored: the first one in a window gets the polite notice, the rest get no
 * reply until tokens come back. Button presses count like typed messages. Memory holds only people who wrote lately.
 */
export function withRateLimit(handle: ChatHandler, options: RateLimitOptions): ChatHandler {
  const perMs = options.perMs ?? 60_000;
  const buckets = createTokenBuckets({ count: options.maxMessages ?? 20, perMs, burst: options.burst ?? 10 });
  // When each limited person was told, oldest first.
  const noticed = new Map<string, number>();
  return async (message) => {
    const key = userKeyOf(message);
    const nowMs = options.now().getTime();
    if (buckets.tryTake(key, nowMs)) return handle(message);
    for (const [k, at] of noticed) {
      if (nowMs - at < perMs) break;
      noticed.delete(k);
    }
    if (noticed.has(key)) return [];
    noticed.set(key, nowMs);
    return [{ text: BOT_TOO_FAST }];
  };
}
