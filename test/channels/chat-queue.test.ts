import { describe, expect, it } from 'vitest';
import { createChatQueue } from '../../src/channels/chat-queue.js';

/** Lets every pending promise callback run. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

/** A task that records its start and end and finishes only when released. */
function gated(log: string[], name: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    release,
    task: async () => {
      log.push(`start ${name}`);
      await gate;
      log.push(`end ${name}`);
    },
  };
}

describe('createChatQueue', () => {
  it('runs one chat in order and other chats alongside', async () => {
    const log: string[] = [];
    const queue = createChatQueue();
    const a1 = gated(log, 'a1');
    const a2 = gated(log, 'a2');
    const b1 = gated(log, 'b1');
    void queue.run('a', a1.task);
    void queue.run('a', a2.task);
    void queue.run('b', b1.task);
    await flush();
    expect(log).toEqual(['start a1', 'start b1']);
    a2.release();
    b1.release();
    a1.release();
    await queue.settled();
    expect(log).toEqual(['start a1', 'start b1', 'end b1', 'end a1', 'start a2', 'end a2']);
  });

  it('goes on with a chat after a task fails, the failure going to that task alone', async () => {
    const queue = createChatQueue();
    const failing = queue.run('a', async () => {
      throw new Error('boom');
    });
    const next = queue.run('a', async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
    await queue.settled();
  });

  it('waits until fewer than `limit` chats are busy', async () => {
    const log: string[] = [];
    const queue = createChatQueue();
    const a = gated(log, 'a');
    void queue.run('a', a.task);
    void queue.run('b', async () => {});
    await queue.below(2);
    let freed = false;
    const waiting = queue.below(1).then(() => (freed = true));
    await flush();
    expect(freed).toBe(false);
    a.release();
    await waiting;
    expect(freed).toBe(true);
  });
});
