import type { CallbackQuery, Message, UserFromGetMe } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { callbackToIncoming, messageToIncoming } from '../../../src/channels/telegram/to-message.js';

const me = { id: 666, is_bot: true, first_name: 'Trợ lý 226', username: 'TroLy226Bot' } as UserFromGetMe;
const lan = { id: 42, is_bot: false, first_name: 'Lan', last_name: 'Nguyễn' };

function message(text: string | undefined, chat: 'private' | 'group', extra: Partial<Message> = {}): Message {
  const chatInfo =
    chat === 'private'
      ? { id: 42, type: 'private' as const, first_name: 'Lan' }
      : { id: -100, type: 'group' as const, title: 'Phòng VHXH' };
  return {
    message_id: 7,
    date: 1_780_000_000,
    chat: chatInfo,
    from: lan,
    ...(text === undefined ? {} : { text }),
    ...extra,
  } as Message;
}

describe('messageToIncoming', () => {
  it('maps a private text message to the core’s message', () => {
    expect(messageToIncoming(message('Ai chủ trì nhiệm vụ 4?', 'private'), me)).toEqual({
      channel: 'telegram',
      senderId: '42',
      senderName: 'Lan Nguyễn',
      chatId: '42',
      messageId: '42:7',
      text: 'Ai chủ trì nhiệm vụ 4?',
      sentAt: new Date(1_780_000_000_000),
      isChoice: false,
      inGroup: false,
    });
  });

  it('keys the message id by chat, since Telegram numbers messages per chat', () => {
    expect(messageToIncoming(message('/viec', 'group'), me)?.messageId).toBe('-100:7');
  });

  it('says when the message was sent in a group (others read the reply there)', () => {
    expect(messageToIncoming(message('/bangdieukhien', 'group'), me)?.inGroup).toBe(true);
  });

  it.each([
    ['private', 'câu hỏi bất kỳ', 'câu hỏi bất kỳ'],
    ['private', '/hoi@TroLy226Bot ai chủ trì?', '/hoi ai chủ trì?'],
    ['private', '/start ABC123', '/start ABC123'],
    ['group', '/quahan', '/quahan'],
    ['group', '/tiendo@troly226bot 4', '/tiendo 4'],
    ['group', '@TroLy226Bot ai chủ trì nhiệm vụ 4?', 'ai chủ trì nhiệm vụ 4?'],
    ['group', '@TroLy226Bot, việc nào quá hạn?', 'việc nào quá hạn?'],
    ['group', 'Nhờ @troly226bot xem giúp nhiệm vụ 5', 'Nhờ xem giúp nhiệm vụ 5'],
    ['group', 'chào cả nhà', undefined],
    ['group', 'email lan@TroLy226Bot.vn', undefined],
    ['group', '@TroLy226BotCu có ai không', undefined],
    ['group', '/viec@OtherBot', undefined],
    ['private', '/viec@OtherBot', undefined],
  ] as const)('in a %s chat, %j reaches the core as %j', (chat, text, expected) => {
    expect(messageToIncoming(message(text, chat), me)?.text).toBe(expected);
  });

  it('in a group, takes a reply to the bot’s message as addressed to it', () => {
    const reply_to_message = {
      message_id: 3,
      date: 0,
      chat: { id: -100, type: 'group', title: 'x' },
      from: me,
    } as unknown as Message['reply_to_message'];
    expect(messageToIncoming(message('còn nhiệm vụ 5?', 'group', { reply_to_message }), me)?.text).toBe(
      'còn nhiệm vụ 5?',
    );
    const toSomeoneElse = { ...reply_to_message!, from: lan };
    expect(
      messageToIncoming(message('còn nhiệm vụ 5?', 'group', { reply_to_message: toSomeoneElse }), me),
    ).toBeUndefined();
  });

  it('gives nothing for a message without text or without a sender', () => {
    expect(messageToIncoming(message(undefined, 'private'), me)).toBeUndefined();
    expect(messageToIncoming({ ...message('hi', 'private'), from: undefined } as Message, me)).toBeUndefined();
  });

  it('gives nothing for a message the core could not take (no date, an oversize id), which Telegram never sends', () => {
    const { date: _date, ...undated } = message('/viec', 'private');
    expect(messageToIncoming(undated as Message, me)).toBeUndefined();
    expect(
      messageToIncoming(
        { ...message('/viec', 'private'), from: { ...lan, id: '9'.repeat(200) } } as unknown as Message,
        me,
      ),
    ).toBeUndefined();
  });
});

describe('callbackToIncoming', () => {
  it('maps a pressed button to a choice with the button data as text and a per-press message id', () => {
    const query = {
      id: '99887766',
      from: lan,
      chat_instance: 'c',
      data: 'raw',
      message: message('Chọn nhiệm vụ:', 'private'),
    } as CallbackQuery;
    const now = new Date('2026-11-28T08:00:00Z');
    expect(callbackToIncoming(query, 'task:4', now)).toEqual({
      channel: 'telegram',
      senderId: '42',
      senderName: 'Lan Nguyễn',
      chatId: '42',
      messageId: 'cb:99887766',
      text: 'task:4',
      sentAt: now,
      isChoice: true,
    });
  });

  it('gives nothing for a press the core could not take (a sender id of 200 digits)', () => {
    const query = {
      id: '1',
      from: { ...lan, id: '9'.repeat(200) },
      chat_instance: 'c',
      data: 'raw',
    } as unknown as CallbackQuery;
    expect(callbackToIncoming(query, 'cn:yes', new Date(0))).toBeUndefined();
  });
});
