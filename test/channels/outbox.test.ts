import { describe, expect, it } from 'vitest';
import { createOutbox, type OutboxLimits, type SendTarget } from '../../src/channels/index.js';
import { createVirtualClock } from '../support/virtual-clock.js';

const LIMITS: OutboxLimits = {
  global: { count: 10, perMs: 1_000, burst: 10 },
  perChat: { count: 1, perMs: 1_000, burst: 3 },
  perGroup: { count: 20, perMs: 60_000, burst: 2 },
};

/** An outbox on virtual time whose "sends" record what went out, and when. */
function paced(limits: OutboxLimits = LIMITS) {
  const clock = createVirtualClock();
  const outbox = createOutbox(limits, clock);
  const sent: Array<{ chat: string; text: string; at: number }> = [];
  const send = (target: SendTarget, text: string) =>
    outbox.inOrder(target, async () => {
      await outbox.take(target);
      sent.push({ chat: typeof target === 'string' ? target : target.chat, text, at: clock.elapsed() });
      return text;
    });
  return { clock, outbox, sent, send };
}

describe('createOutbox', () => {
  it('spaces a burst to one chat: the first 3 at once, then one a second, in the order given', async () => {
    const { clock, sent, send } = paced();
    const results = Array.from({ length: 6 }, (_, i) => send({ chat: '42' }, `m${i}`));
    await clock.run();
    expect(await Promise.all(results)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect(sent.map((s) => [s.text, s.at])).toEqual([
      ['m0', 0],
      ['m1', 0],
      ['m2', 0],
      ['m3', 1_000],
      ['m4', 2_000],
      ['m5', 3_000],
    ]);
  });

  it('does not hold one chat back behind another’s queue', async () => {
    const { clock, sent, send } = paced();
    for (let i = 0; i < 5; i++) void send({ chat: 'an' }, `an${i}`);
    void send({ chat: 'binh' }, 'binh0');
    await clock.run();
    expect(sent.find((s) => s.text === 'binh0')?.at).toBe(0);
    expect(sent.filter((s) => s.chat === 'an').map((s) => s.text)).toEqual(['an0', 'an1', 'an2', 'an3', 'an4']);
    expect(sent.at(-1)).toEqual({ chat: 'an', text: 'an4', at: 2_000 });
  });

  it('shares the bot-wide budget among chats', async () => {
    const { clock, sent, send } = paced();
    for (let i = 0; i < 25; i++) void send({ chat: `u${i}` }, `m${i}`);
    await clock.run();
    // 10 at once, then one every 100 ms, although every chat has tokens of its own.
    expect(sent.filter((s) => s.at === 0)).toHaveLength(10);
    expect(sent.slice(10).map((s) => s.at)).toEqual(Array.from({ length: 15 }, (_, i) => (i + 1) * 100));
  });

  it('holds a group to its own, slower budget', async () => {
    const { clock, sent, send } = paced();
    for (let i = 0; i < 4; i++) void send({ chat: '-100', group: true }, `g${i}`);
    await clock.run();
    expect(sent.map((s) => s.at)).toEqual([0, 0, 3_000, 6_000]);
  });

  it('lets a call that is not a message skip the chat queues and spend a bot-wide token only', async () => {
    const { clock, outbox, sent, send } = paced({ ...LIMITS, global: { count: 1, perMs: 1_000, burst: 1 } });
    void send({ chat: '42' }, 'answer');
    void send('global', 'typing');
    void send('free', 'poll');
    await clock.run();
    // The chat action starts at once, while the message waits its turn in the chat's queue (a microtask later).
    expect(sent).toEqual([
      { chat: 'global', text: 'typing', at: 0 },
      { chat: 'free', text: 'poll', at: 0 },
      { chat: '42', text: 'answer', at: 1_000 },
    ]);
    await expect(outbox.inOrder('free', async () => 'ran')).resolves.toBe('ran');
  });

  it('keeps a chat’s order when a call fails, and hands the failure to its caller', async () => {
    const { clock, outbox, sent, send } = paced();
    const failing = outbox.inOrder({ chat: '42' }, async () => {
      await clock.sleep(5_000);
      throw new Error('refused');
    });
    const after = send({ chat: '42' }, 'after');
    await clock.run();
    await expect(failing).rejects.toThrow('refused');
    await expect(after).resolves.toBe('after');
    expect(sent).toEqual([{ chat: '42', text: 'after', at: 5_000 }]);
  });

  it('does not wait for tokens on behalf of an aborted call', async () => {
    const { clock, outbox } = paced({ ...LIMITS, perChat: { count: 1, perMs: 1_000, burst: 1 } });
    await outbox.take({ chat: '42' });
    const controller = new AbortController();
    controller.abort();
    await outbox.take({ chat: '42' }, controller.signal);
    expect(clock.elapsed()).toBe(0);
  });
});
