import { describe, expect, it } from 'vitest';
import { createChoiceMemory } from '../../../src/channels/zalo/choices.js';
import { ZaloApiError } from '../../../src/channels/zalo/errors.js';
import { createUpdateHandler } from '../../../src/channels/zalo/handle-update.js';
import type { ZaloUpdate } from '../../../src/channels/zalo/schema.js';
import type { ChatHandler } from '../../../src/chat/types.js';

const update: ZaloUpdate = {
  event_name: 'message.text.received',
  message: { message_id: 'm-1', from: { id: 'u-1' }, chat: { id: 'c-1' }, date: 1764300000000, text: 'Hỏi' },
};

/** A client that records calls and fails sendMessage from call `failFrom` on. */
function stubClient(failFrom = Infinity) {
  const calls: string[] = [];
  return {
    calls,
    client: {
      sendChatAction: async (chatId: string, action: string) => void calls.push(`action ${chatId} ${action}`),
      sendPhoto: async (chatId: string, url: string) => (calls.push(`photo ${chatId} ${url}`), {}),
      sendMessage: async (chatId: string, text: string) => {
        if (calls.filter((c) => c.startsWith('text')).length + 1 >= failFrom) throw new ZaloApiError('sendMessage', 403, 'Forbidden');
        calls.push(`text ${chatId} ${text}`);
        return {};
      },
    },
  };
}

function run(handle: ChatHandler, failFrom?: number) {
  const { client, calls } = stubClient(failFrom);
  const logs: Array<[string, string, Record<string, unknown> | undefined]> = [];
  const answer = createUpdateHandler({ client, handle, choices: createChoiceMemory(), log: (l, m, d) => void logs.push([l, m, d]) });
  return { answer, calls, logs };
}

describe('createUpdateHandler', () => {
  it('shows typing, asks the core, sends its replies and logs one line with the time taken', async () => {
    const { answer, calls, logs } = run(async () => [{ text: 'Một' }, { text: 'Hai' }]);
    await answer(update);
    expect(calls).toEqual(['action c-1 typing', 'text c-1 Một', 'text c-1 Hai']);
    expect(logs).toHaveLength(1);
    expect(logs[0]?.[1]).toBe('zalo: update handled');
    expect(logs[0]?.[2]).toMatchObject({ channel: 'zalo', userId: 'u-1', chatId: 'c-1', event: 'message.text.received', sent: 2, ms: expect.any(Number) });
  });

  it('apologises and logs the error when the core throws', async () => {
    const { answer, calls, logs } = run(async () => {
      throw new Error('database is locked');
    });
    await answer(update);
    expect(calls).toEqual(['action c-1 typing', 'text c-1 Xin lỗi, trợ lý đang gặp sự cố khi xử lý tin nhắn này. Bạn vui lòng thử lại sau ít phút.']);
    expect(logs[0]).toEqual(['error', 'zalo: chat handler failed', expect.objectContaining({ err: new Error('database is locked') })]);
  });

  it('stops sending at the first failed piece and logs it, without throwing', async () => {
    const { answer, calls, logs } = run(async () => [{ text: 'Một' }, { text: 'Hai' }, { text: 'Ba' }], 2);
    await answer(update);
    expect(calls).toEqual(['action c-1 typing', 'text c-1 Một']);
    expect(logs.map((l) => l[1])).toEqual(['zalo: sending a reply failed', 'zalo: update handled']);
    expect(logs[0]?.[2]).toMatchObject({ piece: 1, of: 3 });
  });
});
