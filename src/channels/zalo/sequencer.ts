/**
 * Runs tasks one after another per key (a chat) and concurrently across keys, so a person's messages are answered
 * in order while a slow chat never blocks the others.
 */
export type ChatSequencer = {
  /** Queues a task behind the earlier ones of the same key. Task failures are the task's own business: they are swallowed. */
  run(key: string, task: () => Promise<void>): void;
  /** Resolves once fewer than `limit` keys have work queued (back-pressure for a poller). */
  below(limit: number): Promise<void>;
  /** Resolves once every queued task has finished. */
  settled(): Promise<void>;
};

export function createChatSequencer(): ChatSequencer {
  const tails = new Map<string, Promise<void>>();
  return {
    run(key, task) {
      const next = (tails.get(key) ?? Promise.resolve()).then(task).catch(() => {});
      tails.set(key, next);
      void next.then(() => {
        if (tails.get(key) === next) tails.delete(key);
      });
    },
    async below(limit) {
      while (tails.size >= limit) await Promise.race(tails.values());
    },
    async settled() {
      while (tails.size > 0) await Promise.all(tails.values());
    },
  };
}
