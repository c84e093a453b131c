import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from '../../src/channels/index.js';

describe('createTokenBuckets', () => {
  it('lets a burst through at once, then one token per interval', () => {
    const buckets = createTokenBuckets({ count: 1, perMs: 1000, burst: 3 });
    expect([1, 2, 3, 4].map(() => buckets.tryTake('a', 0))).toEqual([true, true, true, false]);
    expect(buckets.waitMs('a', 0)).toBe(1000);
    expect(buckets.waitMs('a', 400)).toBe(600);
    expect(buckets.tryTake('a', 999)).toBe(false);
    expect(buckets.tryTake('a', 1000)).toBe(true);
    expect(buckets.tryTake('a', 1000)).toBe(false);
  });

  it('keeps keys apart', () => {
    const buckets = createTokenBuckets({ count: 1, perMs: 1000, burst: 1 });
    expect(buckets.tryTake('a', 0)).toBe(true);
    expect(buckets.tryTake('a', 0)).toBe(false);
    expect(buckets.tryTake('b', 0)).toBe(true);
    expect(buckets.waitMs('c', 0)).toBe(0);
  });

  it('refills no higher than the burst after a long quiet spell', () => {
    const buckets = createTokenBuckets({ count: 1, perMs: 1000, burst: 2 });
    buckets.tryTake('a', 0);
    const taken = [1, 2, 3].map(() => buckets.tryTake('a', 1_000_000));
    expect(taken).toEqual([true, true, false]);
  });

  it('yields a token after exactly the wait it announced, even for rates that do not divide evenly', () => {
    const buckets = createTokenBuckets({ count: 30, perMs: 1000, burst: 1 });
    let now = 0;
    for (let i = 0; i < 100; i++) {
      now += buckets.waitMs('a', now);
      expect(buckets.tryTake('a', now)).toBe(true);
    }
    expect(now).toBeGreaterThanOrEqual(99 * (1000 / 30));
    expect(now).toBeLessThanOrEqual(99 * (1000 / 30) + 100);
  });

  it('treats a clock that steps back as no time passed', () => {
    const buckets = createTokenBuckets({ count: 1, perMs: 1000, burst: 1 });
    expect(buckets.tryTake('a', 5000)).toBe(true);
    expect(buckets.tryTake('a', 0)).toBe(false);
    expect(buckets.waitMs('a', 0)).toBe(1000);
  });

  it('forgets keys that have been idle long enough to be full again', () => {
    const buckets = createTokenBuckets({ count: 1, perMs: 1000, burst: 2 });
    // One new person a second; a bucket is full again 2 s after its last token was spent.
    for (let i = 0; i < 1000; i++) buckets.tryTake(`user-${i}`, i * 1000);
    expect(buckets.size).toBe(2);
    buckets.tryTake('late', 10_000_000);
    expect(buckets.size).toBe(1);
  });
});
