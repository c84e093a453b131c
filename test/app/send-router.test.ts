import { describe, expect, it } from 'vitest';
import { createSendRouter, type ChannelSender } from '../../src/app/send-router.js';
import type { Reply } from '../../src/chat/index.js';

const TEXT: Reply = { text: '📋 Kế hoạch 158/KH-UBND — tổng hợp ngày 01/06/2026' };
const CHART: Reply = {
  text: 'Tiến độ theo đơn vị',
  file: { fileName: 'tien-do.png', mimeType: 'image/png', content: Buffer.from('png'), kind: 'photo' },
};

/** A channel that records what it was asked to send and answers with `sent` messages gone out. */
function recorder(sent = 1) {
  const calls: Array<[string, Reply[]]> = [];
  const sender: ChannelSender = async (chatId, replies) => {
    calls.push([chatId, replies]);
    return sent;
  };
  return { calls, sender };
}

describe('createSendRouter', () => {
  it('sends tg:<id> through Telegram and zl:<id> through Zalo, with the prefix taken off', async () => {
    const telegram = recorder();
    const zalo = recorder();
    const send = createSendRouter({ telegram: telegram.sender, zalo: zalo.sender });
    await send('tg:42', TEXT);
    await send('zl:8a1b-c2', CHART);
    expect(telegram.calls).toEqual([['42', [TEXT]]]);
    expect(zalo.calls).toEqual([['8a1b-c2', [CHART]]]);
  });

  it.each([
    ['zl:8a1b', 'send: no running channel for zl:8a1b'],
    ['cli:local', 'send: no running channel for cli:local'],
    ['', 'send: no running channel for '],
    ['constructor', 'send: no running channel for constructor'],
  ])('throws for %j when that channel is not running', async (recipient, message) => {
    const telegram = recorder();
    await expect(createSendRouter({ telegram: telegram.sender })(recipient, TEXT)).rejects.toThrow(new Error(message));
    expect(telegram.calls).toEqual([]);
  });

  it('throws when a text did not go out (0 messages sent)', async () => {
    const send = createSendRouter({ zalo: recorder(0).sender });
    await expect(send('zl:8a1b', TEXT)).rejects.toThrow(new Error('send: nothing went out to zl:8a1b'));
  });

  it('treats a picture left out (0 sent with a file) as done', async () => {
    const zalo = recorder(0);
    await expect(createSendRouter({ zalo: zalo.sender })('zl:8a1b', CHART)).resolves.toBeUndefined();
    expect(zalo.calls).toHaveLength(1);
  });

  it('passes on a failure of the channel itself', async () => {
    const failing: ChannelSender = async () => {
      throw new Error('Telegram: call to sendMessage failed (403: Forbidden: bot was blocked by the user)');
    };
    await expect(createSendRouter({ telegram: failing })('tg:42', TEXT)).rejects.toThrow('403: Forbidden');
  });
});
