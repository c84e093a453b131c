import { describe, expect, it } from 'vitest';
import { createChoiceMemory } from '../../../src/channels/zalo/choices.js';
import { ZaloApiError } from '../../../src/channels/zalo/errors.js';
import { createReplySender } from '../../../src/channels/zalo/send-replies.js';

/** A client that records sends and refuses text number `failAt` (1-based). */
function stubClient(failAt = Infinity) {
  const calls: string[] = [];
  let texts = 0;
  return {
    calls,
    client: {
      sendPhoto: async (chatId: string, url: string) => (calls.push(`photo ${chatId} ${url}`), {}),
      sendMessage: async (chatId: string, text: string) => {
        if (++texts === failAt) throw new ZaloApiError('sendMessage', 403, 'Forbidden');
        calls.push(`text ${chatId} ${text}`);
        return {};
      },
    },
  };
}

describe('createReplySender', () => {
  it('sends every reply in order, photos by URL, and counts the messages', async () => {
    const { client, calls } = stubClient();
    const send = createReplySender({
      client,
      choices: createChoiceMemory(),
      log: () => {},
      publicUrlFor: async (f) => `https://example.org/${f.fileName}`,
    });
    const photo = { fileName: 'c.png', mimeType: 'image/png', content: Buffer.from(''), kind: 'photo' as const };
    expect(await send('c-1', [{ text: 'Một' }, { text: 'Biểu đồ', file: photo }])).toBe(3);
    expect(calls).toEqual(['text c-1 Một', 'text c-1 Biểu đồ', 'photo c-1 https://example.org/c.png']);
  });

  it('remembers the choices of the last reply offering some, and forgets them after a reply without', async () => {
    const choices = createChoiceMemory();
    const send = createReplySender({ client: stubClient().client, choices, log: () => {} });
    await send('c-1', [
      { text: 'A', choices: [{ label: 'x', data: 'old' }] },
      { text: 'B', choices: [{ label: 'y', data: 'new' }] },
      { text: 'C' },
    ]);
    expect(choices.pick('c-1', '1')).toBe('new');
    await send('c-1', [{ text: 'Đã ghi nhận.' }]);
    expect(choices.pick('c-1', '1')).toBeUndefined();
  });

  it('stops at the first failed message and logs it, without throwing', async () => {
    const { client, calls } = stubClient(2);
    const logs: Array<[string, string, unknown]> = [];
    const send = createReplySender({
      client,
      choices: createChoiceMemory(),
      log: (l, m, d) => void logs.push([l, m, d]),
    });
    expect(await send('c-1', [{ text: 'Một' }, { text: 'Hai' }, { text: 'Ba' }], { userId: 'u-1' })).toBe(1);
    expect(calls).toEqual(['text c-1 Một']);
    expect(logs).toEqual([
      [
        'error',
        'zalo: sending a reply failed',
        { userId: 'u-1', chatId: 'c-1', piece: 1, of: 3, err: expect.any(ZaloApiError) },
      ],
    ]);
  });
});
