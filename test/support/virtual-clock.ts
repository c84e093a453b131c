import type { Sleep } from '../../src/channels/sleep.js';

const START = Date.UTC(2026, 4, 4, 2, 0, 0);
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Virtual time for pacing tests: `sleep` parks the caller until `run()` moves the clock to its wake-up time. `run()`
 * wakes sleepers in time order until nobody is left waiting, so a test asserts when things happened, never how long.
 */
export function createVirtualClock() {
  let nowMs = START;
  const timers: Array<{ at: number; wake: () => void }> = [];
  const sleep: Sleep = (ms) => new Promise((wake) => void timers.push({ at: nowMs + Math.max(0, ms), wake }));
  return {
    now: () => new Date(nowMs),
    /** Milliseconds of virtual time since the clock was made. */
    elapsed: () => nowMs - START,
    sleep,
    async run(): Promise<void> {
      for (;;) {
        await settle();
        if (timers.length === 0) return;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift()!;
        nowMs = Math.max(nowMs, next.at);
        next.wake();
      }
    },
  };
}

/**
 * Virtual time that moves by itself: a sleep returns at once, the clock set to the sleeper's wake-up time (never
 * back). For tests over real HTTP, where `run()` cannot tell when a reply is still on its way.
 */
export function createSteppingClock() {
  let nowMs = START;
  const sleep: Sleep = async (ms) => {
    const wakeAt = nowMs + Math.max(0, ms);
    await settle();
    nowMs = Math.max(nowMs, wakeAt);
  };
  return { now: () => new Date(nowMs), elapsed: () => nowMs - START, sleep };
}
