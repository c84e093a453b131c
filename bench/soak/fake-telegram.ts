import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Message, Update, UserFromGetMe } from 'grammy/types';
import {
  failureBody,
  multipartField,
  multipartFileName,
  readRequestBody,
  sendJson,
} from '../../test/support/bot-api-wire.js';
import { createMethods, type ChatOutput, type Params } from './bot-api-methods.js';
import { createUpdateQueue, type UpdateQueue } from './update-queue.js';
import { createLongPoll } from './long-poll.js';

/** What happened in a chat, in the order the server saw it, tagged with the bot process (generation) involved. */
export type ChatEvent = (ChatOutput | { type: 'deliver'; updateId: number }) & { gen: number; at: number };

/** A person talking to the bot in a private chat (chat id = user id). */
export type FakeUser = { id: number; firstName: string; lastName: string };

export type FakeTelegramOptions = {
  token: string;
  /** Share of the bot's sendMessage, sendChatAction, sendPhoto and sendDocument calls answered 429 (retry after 1 s); default 0. */
  floodRate?: number;
  /** Random numbers for the 429s; default Math.random. */
  rnd?: () => number;
};

export type FakeTelegram = {
  /** Give this to the bot as TELEGRAM_API_ROOT. */
  apiRoot: string;
  addUser(user: FakeUser): void;
  /** Queues a text message from the user as a new update; returns its update_id. */
  sendText(userId: number, text: string): number;
  /** Queues an update already delivered again, under the same update_id. */
  redeliver(updateId: number): void;
  /** The current bot process took the update from its own inbox (a killed one held it): recorded as a delivery to it. */
  replayed(updateId: number): void;
  /** Everything that happened in a chat so far. */
  events(chatId: number): readonly ChatEvent[];
  /** Connections opened from now on belong to bot process `gen`. */
  setGeneration(gen: number): void;
  /** Bot process `gen` is dead: its waiting poll is dropped; resolves once all its connections are closed (5 s at most). */
  retire(gen: number): Promise<void>;
  /** The generation that last received the update, if any did. */
  lastDelivery(updateId: number): number | undefined;
  /** Whether the update is still waiting for confirmation. */
  isPending(updateId: number): boolean;
  /** Called when a generation first calls getUpdates (it is up) and each time an update goes out. */
  on(event: 'poll', listener: (gen: number) => void): void;
  on(event: 'deliver', listener: (updateId: number, gen: number) => void): void;
  stats(): { calls: Record<string, number>; flood429: number; refused: number; refusedSamples: string[] };
  stop(): Promise<void>;
};

const BOT: UserFromGetMe = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: 'Trợ lý 226 (soak)',
  username: 'troly226_soak_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
} as UserFromGetMe;
const OUTPUT_METHODS = new Set(['sendMessage', 'sendChatAction', 'sendPhoto', 'sendDocument']);
/** A dead process's connections close at once; this only bounds the wait if one never does. */
const RETIRE_LIMIT_MS = 5_000;
const SAMPLES = 10;

type Chat = { user: FakeUser; events: ChatEvent[]; messageId: number };

/**
 * A fast fake Telegram Bot API on 127.0.0.1 for the soak: getUpdates with Telegram's offset and long-poll
 * semantics (updates go out again until confirmed; a second poller ends the first with 409), the methods the bot
 * calls (see createMethods), 429s now and then. Every connection is tagged with the bot process that opened it, so
 * what a killed process did is told apart from what its successor did.
 */
export async function startFakeTelegram(options: FakeTelegramOptions): Promise<FakeTelegram> {
  const queue = createUpdateQueue();
  const chats = new Map<number, Chat>();
  const updates = new Map<number, Update>();
  const delivered = new Map<number, number>();
  const listeners = { poll: [] as ((gen: number) => void)[], deliver: [] as ((id: number, gen: number) => void)[] };
  const record = (chatId: number, event: ChatEvent) => chats.get(chatId)?.events.push(event);
  const deliver = (list: Update[], gen: number) => {
    const at = Date.now();
    for (const u of list) {
      delivered.set(u.update_id, gen);
      record(u.message!.chat.id, { type: 'deliver', updateId: u.update_id, gen, at });
      for (const l of listeners.deliver) l(u.update_id, gen);
    }
  };
  const longPoll = createLongPoll(queue, deliver);
  const api = createApi(options, queue, chats, record);
  const polled = new Set<number>();
  const gens = await listen(async (req, res, gen) => {
    const call = await readCall(req, options.token);
    if ('status' in call) return sendJson(res, call.status, call.body);
    api.count(call.method);
    if (call.method !== 'getUpdates') return api.answer(res, call.method, call.params, gen);
    if (!polled.has(gen)) {
      polled.add(gen);
      for (const l of listeners.poll) l(gen);
    }
    longPoll.poll(res, call.params, gen);
  });
  let nextUpdateId = 100_000;

  return {
    apiRoot: gens.apiRoot,
    addUser: (user) => void chats.set(user.id, { user, events: [], messageId: 0 }),
    sendText: (userId, text) => {
      const chat = chats.get(userId);
      if (!chat) throw new Error(`fake telegram: unknown user ${userId}`);
      const update: Update = { update_id: nextUpdateId++, message: textMessage(chat.user, ++chat.messageId, text) };
      updates.set(update.update_id, update);
      queue.push(update);
      longPoll.wake();
      return update.update_id;
    },
    redeliver: (updateId) => {
      queue.redeliver(updates.get(updateId)!);
      longPoll.wake();
    },
    replayed: (updateId) => {
      const update = updates.get(updateId);
      if (update) deliver([update], gens.current());
    },
    events: (chatId) => chats.get(chatId)?.events ?? [],
    setGeneration: gens.setGeneration,
    retire: async (gen) => {
      longPoll.drop(gen);
      await gens.closed(gen);
    },
    lastDelivery: (updateId) => delivered.get(updateId),
    isPending: (updateId) => queue.isPending(updateId),
    on: (event: 'poll' | 'deliver', listener: (a: number, b: number) => void) =>
      void (listeners[event] as unknown[]).push(listener),
    stats: api.stats,
    stop: gens.stop,
  };
}

/** The methods besides getUpdates, with 429s injected and refusals counted. */
function createApi(
  options: FakeTelegramOptions,
  queue: UpdateQueue,
  chats: Map<number, Chat>,
  record: (chatId: number, event: ChatEvent) => void,
) {
  const rnd = options.rnd ?? Math.random;
  const calls: Record<string, number> = {};
  const refusedSamples: string[] = [];
  let flood429 = 0;
  let refused = 0;
  // The process of the call being answered: methods answer synchronously, so it is the one recorded.
  let callGen = 0;
  const methods = createMethods({
    bot: BOT,
    knownChat: (id) => chats.has(id),
    record: (chatId, output) => record(chatId, { ...output, gen: callGen, at: Date.now() }),
    dropPending: () => queue.clear(),
  });
  return {
    count: (method: string) => {
      calls[method] = (calls[method] ?? 0) + 1;
    },
    answer: (res: ServerResponse, method: string, params: Params, gen: number) => {
      if (OUTPUT_METHODS.has(method) && rnd() < (options.floodRate ?? 0)) {
        flood429++;
        return sendJson(res, 429, failureBody({ status: 429, retryAfter: 1 }));
      }
      callGen = gen;
      const answer = methods(method, params);
      if (answer.status === 400 && ++refused <= SAMPLES)
        refusedSamples.push(`${method}: ${(answer.body as { description: string }).description}`);
      sendJson(res, answer.status, answer.body);
    },
    stats: () => ({ calls: { ...calls }, flood429, refused, refusedSamples: [...refusedSamples] }),
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse, gen: number) => Promise<void>;

/** The HTTP server on 127.0.0.1: each connection is tagged with the generation current when it opened. */
async function listen(handler: Handler) {
  let gen = 0;
  const socketGen = new WeakMap<Socket, number>();
  const open = new Map<number, number>();
  const server = createServer((req, res) => {
    handler(req, res, socketGen.get(req.socket) ?? gen).catch((err: unknown) =>
      sendJson(res, 500, { ok: false, error_code: 500, description: String(err) }),
    );
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    const g = gen;
    socketGen.set(socket, g);
    open.set(g, (open.get(g) ?? 0) + 1);
    socket.on('close', () => open.set(g, open.get(g)! - 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setGeneration: (g: number) => {
      gen = g;
    },
    current: () => gen,
    closed: async (g: number) => {
      const until = Date.now() + RETIRE_LIMIT_MS;
      while ((open.get(g) ?? 0) > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The method and parameters of a Bot API call, or the answer refusing it (unknown path 404, wrong token 401). */
async function readCall(
  req: IncomingMessage,
  token: string,
): Promise<{ method: string; params: Params } | { status: number; body: object }> {
  const body = await readRequestBody(req);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const route = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
  if (!route) return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
  if (route[1] !== token) return { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
  return {
    method: route[2]!,
    params: { ...Object.fromEntries(url.searchParams), ...readParams(req.headers['content-type'] ?? '', body) },
  };
}

/** A private text message as Telegram delivers it; a leading command gets its bot_command entity. */
function textMessage(user: FakeUser, messageId: number, text: string): Update['message'] & Message.TextMessage {
  const command = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text);
  return {
    message_id: messageId,
    from: { id: user.id, is_bot: false, first_name: user.firstName, last_name: user.lastName, language_code: 'vi' },
    chat: { id: user.id, type: 'private', first_name: user.firstName, last_name: user.lastName },
    date: Math.floor(Date.now() / 1000),
    text,
    ...(command ? { entities: [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] } : {}),
  };
}

/** A call's parameters from a JSON, urlencoded or multipart body. */
function readParams(contentType: string, body: Buffer): Params {
  if (body.length === 0) return {};
  if (contentType.startsWith('application/json')) return JSON.parse(body.toString('utf8')) as Params;
  if (contentType.startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  if (!contentType.startsWith('multipart/form-data')) return {};
  const text = body.toString('latin1');
  const field = (name: string) => {
    const value = multipartField(text, name);
    return value === undefined ? undefined : Buffer.from(value, 'latin1').toString('utf8');
  };
  return {
    chat_id: field('chat_id'),
    caption: field('caption'),
    parse_mode: field('parse_mode'),
    file_name: multipartFileName(text),
  };
}
