/** Refused invite codes a sender may send before having to wait. */
export const MAX_WRONG_CODES = 5;
/** How long a sender who sent that many waits, counted from the last refused code. */
export const WRONG_CODE_PAUSE_MS = 15 * 60_000;
/** Senders remembered at most (the oldest forgotten first), so a flood of new ids cannot grow memory. */
const MAX_SENDERS = 10_000;

/** Refused `/start` codes per sender, to slow down guessing (kept in memory: a restart forgets them). */
export type StartGuesses = {
  /** Until when the sender must wait, or null when they may try a code. */
  pausedUntil(key: string, now: Date): Date | null;
  /** Counts a refused code; returns how many in a row the sender has sent. */
  refused(key: string, now: Date): number;
  /** Forgets the sender's refused codes (after a code is accepted). */
  clear(key: string): void;
};

export function createStartGuesses(): StartGuesses {
  const senders = new Map<string, { count: number; last: number }>();
  const current = (key: string, now: Date) => {
    const seen = senders.get(key);
    if (seen && now.getTime() - seen.last >= WRONG_CODE_PAUSE_MS) senders.delete(key);
    return senders.get(key);
  };
  return {
    pausedUntil(key, now) {
      const seen = current(key, now);
      return seen && seen.count >= MAX_WRONG_CODES ? new Date(seen.last + WRONG_CODE_PAUSE_MS) : null;
    },
    refused(key, now) {
      const count = (current(key, now)?.count ?? 0) + 1;
      senders.delete(key);
      senders.set(key, { count, last: now.getTime() });
      if (senders.size > MAX_SENDERS) senders.delete(senders.keys().next().value!);
      return count;
    },
    clear: (key) => void senders.delete(key),
  };
}
