import { describe, expect, it } from 'vitest';
import { createChoiceMemory } from '../../../src/channels/zalo/choices.js';
import type { ZaloUpdate } from '../../../src/channels/zalo/schema.js';
import { toIncomingMessage } from '../../../src/channels/zalo/to-message.js';

const update = (text?: string, event_name: ZaloUpdate['event_name'] = 'message.text.received'): ZaloUpdate => ({
  event_name,
  message: {
    message_id: 'm-7',
    from: { id: 'u-1', display_name: 'Trần Thị Bình' },
    chat: { id: 'c-1', chat_type: 'PRIVATE' },
    date: 1764300000123,
    text,
  },
});

describe('toIncomingMessage', () => {
  it('maps a text update to the chat core message (ids as strings, date from milliseconds)', () => {
    expect(toIncomingMessage(update('Việc nào quá hạn?'), createChoiceMemory())).toEqual({
      channel: 'zalo',
      senderId: 'u-1',
      senderName: 'Trần Thị Bình',
      chatId: 'c-1',
      messageId: 'm-7',
      text: 'Việc nào quá hạn?',
      sentAt: new Date('2025-11-28T03:20:00.123Z'),
      isChoice: false,
      inGroup: false,
    });
  });

  it('says when the message was sent in a group', () => {
    const inGroup = update('/bangdieukhien');
    inGroup.message.chat = { id: 'g-1', chat_type: 'GROUP' };
    expect(toIncomingMessage(inGroup, createChoiceMemory())?.inGroup).toBe(true);
  });

  it('falls back to `name`, then to an empty sender name', () => {
    const named = update('a');
    named.message.from = { id: 'u-1', name: 'Bình' };
    expect(toIncomingMessage(named, createChoiceMemory())?.senderName).toBe('Bình');
    named.message.from = { id: 'u-1' };
    expect(toIncomingMessage(named, createChoiceMemory())?.senderName).toBe('');
  });

  it.each(['message.image.received', 'message.sticker.received', 'message.unsupported.received'] as const)(
    'gives nothing for %s',
    (event) => {
      expect(toIncomingMessage(update(undefined, event), createChoiceMemory())).toBeUndefined();
    },
  );

  it('turns a numbered answer to the choices last shown into that choice data', () => {
    const choices = createChoiceMemory();
    choices.remember('c-1', [
      { label: 'Đang thực hiện', data: 'status:doing' },
      { label: 'Hoàn thành', data: 'status:done' },
    ]);
    expect(toIncomingMessage(update(' 2 '), choices)).toMatchObject({ text: 'status:done', isChoice: true });
  });

  it('keeps a number as plain text when no choices are shown in that chat', () => {
    const choices = createChoiceMemory();
    choices.remember('other-chat', [{ label: 'A', data: 'a' }]);
    expect(toIncomingMessage(update('1'), choices)).toMatchObject({ text: '1', isChoice: false });
  });
});
