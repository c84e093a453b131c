import { describe, expect, it } from 'vitest';
import { createChatSequencer } from '../../../src/channels/zalo/sequencer.js';

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

describe('createChatSequencer', () => {
  it('runs one chat in order and other chats alongside', async () => {
    const log: string[] = [];
    const sequencer = createChatSequencer();
    const a1 = gated(log, 'a1');
    const a2 = gated(log, 'a2');
    const b1 = gated(log, 'b1');
    sequencer.run('a', a1.task);
    sequencer.run('a', a2.task);
    sequencer.run('b', b1.task);
    await flush();
    expect(log).toEqual(['start a1', 'start b1']);
    a2.release();
    b1.release();
    a1.release();
    await sequencer.settled();
    expect(log).toEqual(['start a1', 'start b1', 'end b1', 'end a1', 'start a2', 'end a2']);
  });

  it('goes on with a chat after a task fails', async () => {
    const sequencer = createChatSequencer();
    const done: string[] = [];
    sequencer.run('a', async () => {
      throw new Error('boom');
    });
    sequencer.run('a', async () => void done.push('next'));
    await sequencer.settled();
    expect(done).toEqual(['next']);
  });

  it('waits until fewer than `limit` chats are busy', async () => {
    const log: string[] = [];
    const sequencer = createChatSequencer();
    const a = gated(log, 'a');
    sequencer.run('a', a.task);
    sequencer.run('b', async () => {});
    await sequencer.below(2);
    let freed = false;
    const waiting = sequencer.below(1).then(() => (freed = true));
    await flush();
    expect(freed).toBe(false);
    a.release();
    await waiting;
    expect(freed).toBe(true);
  });
});
