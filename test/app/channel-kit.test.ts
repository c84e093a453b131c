import { describe, expect, it } from 'vitest';
import { createChannelKit } from '../../src/app/channel-kit.js';
import type { ChatHandler, IncomingMessage } from '../../src/chat/index.js';
import { loadConfig } from '../../src/config.js';
import { BOT_TOO_FAST } from '../../src/messages/index.js';

const message = (n: number): IncomingMessage => ({
  channel: 'telegram',
  senderId: '7',
  senderName: 'Lan',
  chatId: '7',
  messageId: `7:${n}`,
  text: `câu hỏi ${n}`,
  sentAt: new Date(0),
  isChoice: false,
});

/** Sends `count` messages at the same instant; returns what came back and how many reached the core. */
async function burst(env: Record<string, string>, count: number) {
  let reached = 0;
  const chat: ChatHandler = async () => {
    reached++;
    return [{ text: 'trả lời' }];
  };
  const deliveries = { claim: async () => 'new' as const, finish: async () => undefined };
  const kit = createChannelKit(loadConfig(env), chat, deliveries, () => new Date('2026-06-01T02:00:00Z'));
  const replies = [];
  for (let n = 1; n <= count; n++) replies.push((await kit.handle(message(n))).map((r) => r.text));
  return { replies, reached, kit };
}

describe('createChannelKit', () => {
  it('puts the flood control in front of the chat core: a script is told once to slow down, then silenced', async () => {
    const { replies, reached } = await burst({}, 14);
    expect(reached).toBe(10);
    expect(replies.slice(10)).toEqual([[BOT_TOO_FAST], [], [], []]);
  });

  it('leaves the flood control out with RATE_LIMIT_PER_MINUTE=0, and the outboxes out with SEND_PACING=off', async () => {
    const { reached, kit } = await burst({ RATE_LIMIT_PER_MINUTE: '0', SEND_PACING: 'off' }, 14);
    expect(reached).toBe(14);
    expect(kit.telegram.outbox).toBeUndefined();
    expect(kit.zalo.outbox).toBeUndefined();
  });

  it('paces each platform with its own outbox by default', async () => {
    const { kit } = await burst({}, 0);
    expect(kit.telegram.outbox).toBeDefined();
    expect(kit.zalo.outbox).toBeDefined();
    expect(kit.telegram.outbox).not.toBe(kit.zalo.outbox);
  });
});
