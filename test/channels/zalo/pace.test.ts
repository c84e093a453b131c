import { afterEach, describe, expect, it } from 'vitest';
import { createOutbox, type Outbox, type OutboxLimits, type SendTarget } from '../../../src/channels/index.js';
import { createZaloClient, createZaloWebhookBot, ZALO_LIMITS } from '../../../src/channels/zalo/index.js';
import { zaloTarget } from '../../../src/channels/zalo/pace.js';
import { startFakeZaloServer, type FakeZaloServer } from '../../support/fake-zalo-server.js';
import { createSteppingClock } from '../../support/virtual-clock.js';

const TOKEN = '1234567890:fake-zalo-token-for-tests';
let server: FakeZaloServer | undefined;
afterEach(async () => {
  await server?.close();
});

/** An outbox on virtual time that records each token spent: for which chat, and when. */
function recordedOutbox(limits: OutboxLimits) {
  const clock = createSteppingClock();
  const outbox = createOutbox(limits, clock);
  const spent: Array<{ target: SendTarget; at: number }> = [];
  const recorded: Outbox = {
    inOrder: (target, run) => outbox.inOrder(target, run),
    take: async (target, signal) => {
      await outbox.take(target, signal);
      spent.push({ target, at: clock.elapsed() });
    },
  };
  return { outbox: recorded, spent };
}

describe('zaloTarget', () => {
  it.each([
    ['sendMessage', { chat_id: 'u-an', text: 'x' }, { chat: 'u-an' }],
    ['sendPhoto', { chat_id: 'u-an', photo: 'https://x/c.png' }, { chat: 'u-an' }],
    ['sendChatAction', { chat_id: 'u-an', action: 'typing' }, 'global'],
    ['getUpdates', { timeout: '30' }, 'free'],
    ['setWebhook', { url: 'https://bot.example.vn/zalo' }, 'free'],
  ])('%s %j → %j', (method, body, target) => {
    expect(zaloTarget(method, body)).toEqual(target);
  });
});

describe('Zalo pacing', () => {
  it('spaces a push of many messages to one chat at one a second, in order, without holding up another chat', async () => {
    server = await startFakeZaloServer({ token: TOKEN });
    const { outbox, spent } = recordedOutbox(ZALO_LIMITS);
    const bot = createZaloWebhookBot({
      token: TOKEN,
      apiRoot: server.url,
      handle: async () => [],
      log: () => {},
      secretToken: 'secret-token-1234567890',
      outbox,
    });
    const replies = Array.from({ length: 6 }, (_, i) => ({ text: `an${i}` }));
    await Promise.all([bot.send('u-an', replies), bot.send('u-binh', [{ text: 'binh0' }])]);
    expect(server.sent.filter((s) => s.chat_id === 'u-an').map((s) => s.text)).toEqual(replies.map((r) => r.text));
    const times = (chat: string) =>
      spent.filter((s) => typeof s.target !== 'string' && s.target.chat === chat).map((s) => s.at);
    // The bot-wide bucket (2 at once, then one every 125 ms) spaces the chat's own burst of 3 a little.
    expect(times('u-an')).toEqual([0, 125, 250, 1_000, 2_000, 3_000]);
    expect(times('u-binh')).toEqual([0]);
  });

  it('retries a 429 after the server’s retry-after, paced like any send, before the chat’s next message', async () => {
    server = await startFakeZaloServer({ token: TOKEN });
    const { outbox, spent } = recordedOutbox(ZALO_LIMITS);
    const waits: number[] = [];
    const client = createZaloClient({
      token: TOKEN,
      apiRoot: server.url,
      outbox,
      sleep: async (ms) => void waits.push(ms),
    });
    server.failNext('sendMessage', { errorCode: 429, description: 'Too Many Requests', retryAfter: 3 });
    await Promise.all([client.sendMessage('u-an', 'một'), client.sendMessage('u-an', 'hai')]);
    expect(waits).toEqual([3_000]);
    expect(server.sent.map((s) => s.text)).toEqual(['một', 'hai']);
    expect(spent).toHaveLength(3);
  });
});
