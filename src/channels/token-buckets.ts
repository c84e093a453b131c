/** A sustained rate with an allowance for bursts: `count` tokens come back every `perMs`, at most `burst` are kept. */
export type TokenRate = {
  /** Tokens regained per `perMs`: the rate kept up over time. */
  count: number;
  /** The period `count` refers to, in milliseconds. */
  perMs: number;
  /** Most tokens a bucket holds: how many may be spent at once after a quiet spell (at least 1). */
  burst: number;
};

/** One token bucket per key (a user, a chat), refilled continuously; keys idle long enough to be full again are forgotten. */
export type TokenBuckets = {
  /** Milliseconds until `key` has a whole token (0: it has one now). */
  waitMs(key: string, nowMs: number): number;
  /** Spends a token of `key` when it has one; false (and nothing spent) otherwise. */
  tryTake(key: string, nowMs: number): boolean;
  /** How many keys are remembered: only those not yet refilled, so memory follows recent traffic. */
  readonly size: number;
};

type Bucket = { tokens: number; at: number };

/** Rounding slack so that waiting exactly `waitMs` always yields a token. */
const EPSILON = 1e-9;

/** Builds the buckets; time is passed in (`nowMs`), so callers and tests own the clock. */
export function createTokenBuckets(rate: TokenRate): TokenBuckets {
  const msPerToken = rate.perMs / rate.count;
  const burst = Math.max(1, rate.burst);
  const fullAfterMs = burst * msPerToken;
  // Kept in the order keys were last spent from, so the idle ones are at the front.
  const buckets = new Map<string, Bucket>();

  const level = (key: string, nowMs: number): number => {
    const bucket = buckets.get(key);
    if (!bucket) return burst;
    return Math.min(burst, bucket.tokens + Math.max(0, nowMs - bucket.at) / msPerToken);
  };
  const forgetFull = (nowMs: number) => {
    for (const [key, bucket] of buckets) {
      if (nowMs - bucket.at < fullAfterMs) return;
      buckets.delete(key);
    }
  };

  return {
    waitMs(key, nowMs) {
      const missing = 1 - level(key, nowMs);
      return missing <= EPSILON ? 0 : Math.ceil(missing * msPerToken);
    },
    tryTake(key, nowMs) {
      forgetFull(nowMs);
      const tokens = level(key, nowMs);
      if (tokens < 1 - EPSILON) return false;
      buckets.delete(key);
      buckets.set(key, { tokens: Math.max(0, tokens - 1), at: nowMs });
      return true;
    },
    get size() {
      return buckets.size;
    },
  };
}
