/**
 * Runs tasks one after another per key (a chat) and concurrently across keys, so a person's messages are answered
 * and sent in order while a slow chat never blocks the others. The one per-chat queue of both channels: Zalo answers
 * through it, and the outbox keeps each chat's sends in order with it.
 */
export type ChatQueue = {
  /**
   * Runs `task` once the earlier tasks of the same key have settled, whatever their outcome, and settles as it does:
   * a failing task rejects its own promise and never stops the key's later tasks.
   */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Resolves once fewer than `limit` keys have work queued (back-pressure for a poller). */
  below(limit: number): Promise<void>;
  /** Resolves once every queued task has finished. */
  settled(): Promise<void>;
};

export function createChatQueue(): ChatQueue {
  const tails = new Map<string, Promise<void>>();
  return {
    run(key, task) {
      const result = (tails.get(key) ?? Promise.resolve()).then(task);
      const tail = result.then(ignore, ignore);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    async below(limit) {
      while (tails.size >= limit) await Promise.race(tails.values());
    },
    async settled() {
      while (tails.size > 0) await Promise.all(tails.values());
    },
  };
}

/** Swallows a task's outcome where only its end matters. */
export const ignore = (): void => {};
