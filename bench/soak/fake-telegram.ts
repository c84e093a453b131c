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
import { createWebhookPush, type PushAnswer, type WebhookTarget } from './webhook-push.js';

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
  /**
   * Webhook delivery: updates are posted to the url given to setWebhook (getUpdates is refused while it is set) and
   * `answeredBy` tells which bot process answered a post, from the answer's headers (default: the current
   * generation). Default: none, getUpdates.
   */
  webhook?: { answeredBy?(headers: Headers): number | undefined };
};

export type FakeTelegram = {
  /** Give this to the bot as TELEGRAM_API_ROOT. */
  apiRoot: string;
  /** The API root for bot process `gen`: its calls are known to be its own whatever connection they come on. */
  apiRootOf(gen: number): string;
  addUser(user: FakeUser): void;
  /** Queues a text message from the user as a new update; returns its update_id. */
  sendText(userId: number, text: string): number;
  /** Queues an update already delivered again, under the same update_id. */
  redeliver(updateId: number): void;
  /**
   * Bot process `gen` (default the current generation) took the update from its inbox (a killed process held it):
   * recorded as a delivery to it.
   */
  replayed(updateId: number, gen?: number): void;
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
  /** Called when a generation first calls getUpdates or setWebhook (it is up) and each time an update goes out. */
  on(event: 'poll', listener: (gen: number) => void): void;
  on(event: 'deliver', listener: (updateId: number, gen: number) => void): void;
  stats(): {
    calls: Record<string, number>;
    flood429: number;
    refused: number;
    refusedSamples: string[];
    /** Webhook posts, and the posts made again by what went wrong ("connection" or the status); none when polling. */
    webhookPosts?: { posts: number; retried: Record<string, number> };
  };
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
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** A post that gets no answer in this long is abandoned and made again (a proxy that hangs). */
const PUSH_TIMEOUT_MS = 30_000;
const WEBHOOK_ACTIVE = {
  ok: false,
  error_code: 409,
  description:
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
};

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
      const posted = posting.get(u.update_id);
      posting.delete(u.update_id);
      // A post's delivery stands where the post started: the bot may answer before its 200 gets back here.
      if (posted) Object.assign(posted, { gen, at });
      else record(u.message!.chat.id, { type: 'deliver', updateId: u.update_id, gen, at });
      for (const l of listeners.deliver) l(u.update_id, gen);
    }
  };
  /** Deliveries by webhook whose post started and whose 200 has not come yet (generation 0 until it does). */
  const posting = new Map<number, ChatEvent>();
  const longPoll = createLongPoll(queue, deliver);
  let webhookSet = false;
  const push = options.webhook
    ? createWebhookPush({
        post: (update, target) => postUpdate(update, target, options.webhook?.answeredBy ?? (() => gens.current())),
        onPost: (update) => {
          const event: ChatEvent = { type: 'deliver', updateId: update.update_id, gen: 0, at: Date.now() };
          posting.set(update.update_id, event);
          record(update.message!.chat.id, event);
        },
        onDeliver: (update, gen) => deliver([update], gen),
      })
    : undefined;
  const api = createApi(options, queue, chats, record, (target) => {
    webhookSet = target !== undefined;
    push?.setTarget(target);
  });
  const up = new Set<number>();
  const gens = await listen(async (req, res, socketGen) => {
    const call = await readCall(req, options.token);
    if ('status' in call) return sendJson(res, call.status, call.body);
    const gen = call.gen ?? socketGen;
    if (call.gen !== undefined) gens.tag(req.socket, call.gen);
    api.count(call.method);
    const isUp = call.method === 'getUpdates' || call.method === 'setWebhook';
    if (isUp && !up.has(gen)) {
      up.add(gen);
      for (const l of listeners.poll) l(gen);
    }
    if (call.method !== 'getUpdates') return api.answer(res, call.method, call.params, gen);
    if (webhookSet) return sendJson(res, 409, WEBHOOK_ACTIVE);
    longPoll.poll(res, call.params, gen);
  });
  let nextUpdateId = 100_000;
  const enqueue = (update: Update) => {
    if (push) return push.push(update.message!.chat.id, update);
    queue.push(update);
    longPoll.wake();
  };

  return {
    apiRoot: gens.apiRoot,
    apiRootOf: (gen) => `${gens.apiRoot}/g/${gen}`,
    addUser: (user) => void chats.set(user.id, { user, events: [], messageId: 0 }),
    sendText: (userId, text) => {
      const chat = chats.get(userId);
      if (!chat) throw new Error(`fake telegram: unknown user ${userId}`);
      const update: Update = { update_id: nextUpdateId++, message: textMessage(chat.user, ++chat.messageId, text) };
      updates.set(update.update_id, update);
      enqueue(update);
      return update.update_id;
    },
    redeliver: (updateId) => {
      const update = updates.get(updateId)!;
      if (push) return push.push(update.message!.chat.id, update);
      queue.redeliver(update);
      longPoll.wake();
    },
    replayed: (updateId, gen) => {
      const update = updates.get(updateId);
      if (update) deliver([update], gen ?? gens.current());
    },
    events: (chatId) => chats.get(chatId)?.events ?? [],
    setGeneration: gens.setGeneration,
    retire: async (gen) => {
      longPoll.drop(gen);
      await gens.closed(gen);
    },
    lastDelivery: (updateId) => delivered.get(updateId),
    isPending: (updateId) => (push ? push.isPending(updateId) : queue.isPending(updateId)),
    on: (event: 'poll' | 'deliver', listener: (a: number, b: number) => void) =>
      void (listeners[event] as unknown[]).push(listener),
    stats: () => ({ ...api.stats(), ...(push ? { webhookPosts: push.stats() } : {}) }),
    stop: async () => {
      push?.stop();
      await gens.stop();
    },
  };
}

/** Posts an update as Telegram does: JSON, with the secret in its header; the answer is read in full. */
async function postUpdate(
  update: Update,
  target: WebhookTarget,
  answeredBy: (headers: Headers) => number | undefined,
): Promise<PushAnswer> {
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SECRET_HEADER]: target.secret },
    body: JSON.stringify(update),
    signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
  });
  await res.text();
  return { status: res.status, gen: answeredBy(res.headers) ?? 0 };
}

/** The methods besides getUpdates, with 429s injected and refusals counted. */
function createApi(
  options: FakeTelegramOptions,
  queue: UpdateQueue,
  chats: Map<number, Chat>,
  record: (chatId: number, event: ChatEvent) => void,
  webhook: (target: WebhookTarget | undefined) => void,
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
    webhook,
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

/**
 * The HTTP server on 127.0.0.1: each connection is tagged with the generation current when it opened, or with the
 * generation named in its calls' path (`tag`): a connection belongs to one process.
 */
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
    socket.on('close', () => {
      const tagged = socketGen.get(socket)!;
      open.set(tagged, open.get(tagged)! - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setGeneration: (g: number) => {
      gen = g;
    },
    current: () => gen,
    tag: (socket: Socket, g: number) => {
      const before = socketGen.get(socket);
      if (before === g || socket.destroyed) return;
      socketGen.set(socket, g);
      if (before !== undefined) open.set(before, open.get(before)! - 1);
      open.set(g, (open.get(g) ?? 0) + 1);
    },
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
): Promise<{ method: string; params: Params; gen?: number } | { status: number; body: object }> {
  const body = await readRequestBody(req);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const route = /^(?:\/g\/(\d+))?\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
  if (!route) return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
  if (route[2] !== token) return { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
  return {
    method: route[3]!,
    ...(route[1] === undefined ? {} : { gen: Number(route[1]) }),
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
