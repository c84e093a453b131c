import fc from 'fast-check';
import type { CallbackQuery, Message, Update, UserFromGetMe } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createTelegramBot } from '../../src/channels/telegram/index.js';
import { callbackToIncoming, messageToIncoming } from '../../src/channels/telegram/to-message.js';
import { incomingMessageSchema, type IncomingMessage } from '../../src/chat/index.js';
import { BOT_TEXT_ONLY } from '../../src/messages/index.js';
import { fuzzParameters, hostileText, mutated } from '../support/fuzz.js';
import { captureLog } from '../support/telegram-server.js';

const me = { id: 666, is_bot: true, first_name: 'Trợ lý 226', username: 'TroLy226Bot' } as UserFromGetMe;
const SENDING = new Set(['sendMessage', 'sendChatAction', 'answerCallbackQuery', 'sendPhoto', 'sendDocument']);

type Json = Record<string, any>;

const person = fc.record(
  {
    id: fc.integer({ min: 1, max: 2 ** 40 }),
    is_bot: fc.boolean(),
    first_name: fc.string({ maxLength: 20 }),
    last_name: fc.string({ maxLength: 300 }),
    username: fc.string({ maxLength: 12 }),
  },
  { requiredKeys: ['id', 'is_bot', 'first_name'] },
);
const privateChat = person.map((p) => ({ id: p.id, type: 'private', first_name: p.first_name }));
const groupChat = fc.record({
  id: fc.integer({ min: -(10 ** 13), max: -1 }),
  type: fc.constantFrom('group', 'supergroup'),
  title: fc.string({ maxLength: 20 }),
});
const chat = fc.oneof(privateChat, groupChat);
const base = { message_id: fc.nat(), date: fc.integer({ min: 0, max: 2 ** 31 }), chat, from: person };

const text = fc.oneof(
  hostileText,
  fc.constantFrom(
    '/viec',
    '/viec@TroLy226Bot',
    '/viec@OtherBot',
    '/capnhat@troly226bot 4 xong',
    '@TroLy226Bot, ai chủ trì?',
    'hỏi @TroLy226Bot@x',
  ),
  fc.tuple(fc.constantFrom('/', '@TroLy226Bot '), hostileText).map(([a, b]) => a + b),
);
const textMessage = fc.record(
  { ...base, text, reply_to_message: fc.record({ message_id: fc.nat(), date: fc.nat(), chat, from: fc.constant(me) }) },
  { requiredKeys: ['message_id', 'date', 'chat', 'from', 'text'] },
);

const NON_TEXT = {
  sticker: { file_id: 's' },
  photo: [{ file_id: 'p', width: 1, height: 1 }],
  voice: { file_id: 'v', duration: 1 },
  location: { latitude: 21, longitude: 105 },
  contact: { phone_number: '1', first_name: 'A' },
};
const nonTextMessage = fc
  .tuple(fc.record(base), fc.constantFrom(...Object.entries(NON_TEXT)))
  .map(([m, [kind, payload]]) => ({ ...m, [kind]: payload, caption: 'ảnh' }));

const callbackQuery = fc.record({
  id: fc.string({ minLength: 1, maxLength: 20 }),
  from: person,
  chat_instance: fc.constant('ci'),
  data: fc.oneof(fc.constantFrom('cn:yes', 'cn:no', 'cn:t:nhi-chieu#4', '~0', '~zz'), hostileText),
  message: fc.record({ message_id: fc.nat(), date: fc.nat(), chat }),
});

/** Update kinds the bot must leave alone (no core, no reply). */
const otherUpdate = fc.oneof(
  textMessage.map((m) => ({ edited_message: m })),
  textMessage.map((m) => ({ channel_post: { ...m, chat: { id: -5, type: 'channel', title: 'Kênh' } } })),
  person.map((from) => ({ inline_query: { id: 'iq', from, query: 'x', offset: '' } })),
  person.map((from) => ({
    my_chat_member: {
      chat: { id: from.id, type: 'private', first_name: 'A' },
      from,
      date: 1,
      old_chat_member: { status: 'member', user: me },
      new_chat_member: { status: 'kicked', user: me, until_date: 0 },
    },
  })),
  fc.constant({
    poll: {
      id: 'p',
      question: 'q',
      options: [],
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: true,
      type: 'regular',
      allows_multiple_answers: false,
    },
  }),
);

const withId = (body: fc.Arbitrary<Json>): fc.Arbitrary<Json> =>
  fc.tuple(fc.nat(), body).map(([update_id, b]) => ({ update_id, ...b }));
const validUpdate = withId(
  fc.oneof(
    textMessage.map((message) => ({ message })),
    nonTextMessage.map((message) => ({ message })),
    callbackQuery.map((callback_query) => ({ callback_query })),
    otherUpdate,
  ),
);
const randomUpdate = withId(
  fc.dictionary(
    fc.oneof(
      fc.constantFrom('message', 'edited_message', 'callback_query', 'channel_post', 'inline_query'),
      fc.string({ maxLength: 8 }),
    ),
    fc.anything({ maxDepth: 3 }),
    { maxKeys: 3 },
  ),
);

/**
 * The update the main property leaves out, for a reason outside the code it checks:
 * - grammY's handleUpdate writes `update_id` into a debug string before any middleware runs, so an id that cannot
 *   become a string (`{ toString: 'a' }`) throws inside grammY; Telegram's ids are integers.
 */
function outOfScope(update: unknown): boolean {
  try {
    void `${(update as Json).update_id}`;
  } catch {
    return true;
  }
  return false;
}

/** Handles one update; the error it rejected with, as a short text, or undefined. */
const rejection = (bot: ReturnType<typeof offlineBot>['bot'], update: unknown): Promise<string | undefined> =>
  bot.handleUpdate(update as Update).then(
    () => undefined,
    (err: unknown) => String((err as { error?: unknown }).error ?? err),
  );

/** A bot over a recording core whose Bot API calls are answered in memory and recorded. */
function offlineBot() {
  const seen: IncomingMessage[] = [];
  const calls: Array<{ method: string; payload: Json }> = [];
  const bot = createTelegramBot({
    token: '123:offline-token',
    log: captureLog(),
    botInfo: me,
    handle: async (message) => {
      seen.push(message);
      return [{ text: `Trả lời: ${message.text.slice(0, 50)}`, choices: [{ label: 'Có', data: 'cn:yes' }] }];
    },
  });
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Json });
    return { ok: true, result: true as never };
  });
  return { bot, seen, calls };
}

describe('Telegram bot.handleUpdate on hostile updates', () => {
  it('never rejects; the core sees only valid messages; the bot only sends', async () => {
    const { bot, seen, calls } = offlineBot();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(validUpdate, mutated(validUpdate), randomUpdate).filter((u) => !outOfScope(u)),
        async (update) => {
          const [seenBefore, callsBefore] = [seen.length, calls.length];
          expect(await rejection(bot, update)).toBeUndefined();
          const reached = seen.slice(seenBefore);
          expect(reached.length).toBeLessThanOrEqual(1);
          for (const message of reached) expect(incomingMessageSchema.safeParse(message).error).toBeUndefined();
          for (const call of calls.slice(callsBefore)) expect(SENDING).toContain(call.method);
        },
      ),
      fuzzParameters(),
    );
  });

  it('leaves non-text updates to the polite reply in a private chat and to silence elsewhere, never to the core', async () => {
    const { bot, seen, calls } = offlineBot();
    const nonText = withId(
      fc.oneof(
        nonTextMessage.map((message) => ({ message })),
        otherUpdate,
      ),
    );
    await fc.assert(
      fc.asyncProperty(nonText, async (update) => {
        const [seenBefore, callsBefore] = [seen.length, calls.length];
        expect(await rejection(bot, update)).toBeUndefined();
        expect(seen.length).toBe(seenBefore);
        const chat = update.message?.chat;
        const polite =
          chat?.type === 'private'
            ? [{ method: 'sendMessage', payload: { chat_id: chat.id, text: BOT_TEXT_ONLY } }]
            : [];
        expect(calls.slice(callsBefore)).toEqual(polite);
      }),
      fuzzParameters(),
    );
  });
});

describe('Telegram bot.handleUpdate on an update whose chat has no id', () => {
  it('resolves for a button press whose chat has no id (the per-chat ordering key does not throw)', async () => {
    const { bot } = offlineBot();
    const update = {
      update_id: 1,
      callback_query: {
        id: 'q',
        from: { id: 1, is_bot: false, first_name: 'A' },
        chat_instance: 'ci',
        data: 'cn:yes',
        message: { message_id: 1, date: 1, chat: {} },
      },
    };
    expect(await rejection(bot, update)).toBeUndefined();
  });
});

describe('messageToIncoming and callbackToIncoming on mutated input', () => {
  it('give the core only valid messages, taken from the update', () => {
    const input = fc.oneof(
      mutated(textMessage, 2).map((m) => ({ message: m as Message })),
      mutated(callbackQuery, 2).map((q) => ({ query: q as CallbackQuery })),
    );
    fc.assert(
      fc.property(input, (given) => {
        let result: IncomingMessage | undefined;
        try {
          result =
            'message' in given
              ? messageToIncoming(given.message, me)
              : callbackToIncoming(given.query, 'cn:yes', new Date(0));
        } catch (err) {
          // Reading a message missing what Telegram always sends may fail; the bot's error boundary catches it.
          expect(err).toBeInstanceOf(TypeError);
          return;
        }
        if (result === undefined) return;
        expect(incomingMessageSchema.safeParse(result).error).toBeUndefined();
        const from = 'message' in given ? given.message.from : given.query.from;
        expect(result.senderId).toBe(String(from?.id));
      }),
      fuzzParameters(),
    );
  });
});
