import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// The package's main entry replaces module.exports, so its default import types do not match at run time.
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { failureBody, multipartField, readRequestBody, sendJson, type InjectedFailure } from './bot-api-wire.js';
import { freePort } from './free-port.js';
import type { Log } from '../../src/channels/index.js';

/** One Bot API call the bot made, as it arrived (body as text; multipart for files). */
export type RecordedCall = { method: string; contentType: string; body: string; raw: Buffer };
export type Button = { text: string; callback_data: string };
/** One message the bot sent to a chat: text or caption, parse mode, buttons, and the file name for photos/documents. */
export type BotMessage = {
  messageId: number;
  text: string;
  parseMode?: string;
  buttons: Button[][];
  file?: { method: string; fileName: string };
};

/** A Telegram user (or a user in a group) talking to the bot through the emulator. */
export type TestUser = {
  userId: number;
  chatId: number;
  /** Sends a text (a command when it starts with "/"), optionally as a reply to one of the bot's messages. */
  send(text: string, options?: { replyTo?: BotMessage }): Promise<void>;
  /** Sends a file as a document message (the bot fetches it with getFile and the file endpoint); `size` as Telegram states it. */
  sendDocument(fileName: string, content: Buffer, options?: { size?: number }): Promise<void>;
  /** Presses a button of a message the bot sent: the one labelled `buttonText`, else the first starting with it. */
  press(message: BotMessage, buttonText: string): Promise<void>;
  /** Waits until the bot has sent `count` new messages to this chat and returns them in order. */
  replies(count: number): Promise<BotMessage[]>;
};

export type TelegramTestServer = {
  token: string;
  /** Give this to the bot as `apiRoot`: a proxy in front of the emulator that can inject failures. */
  apiRoot: string;
  user(options?: { userId?: number; chatId?: number; firstName?: string; group?: boolean }): TestUser;
  failNext(method: string, failure: InjectedFailure): void;
  calls(method: string): RecordedCall[];
  /** Every message the bot has delivered to a chat so far, in order (failed attempts left out); nothing is consumed. */
  messagesTo(chatId: number): BotMessage[];
  /** Waits until the bot has called `method` at least `count` times. */
  waitForCalls(method: string, count?: number): Promise<RecordedCall[]>;
  /** The webhook the bot registered with setWebhook (updates are then POSTed there with the secret header), if any. */
  webhook(): RegisteredWebhook | undefined;
  stop(): Promise<void>;
};

/** What setWebhook registered: where updates go, the secret sent with them, the update kinds asked for. */
export type RegisteredWebhook = {
  url: string;
  secretToken?: string;
  allowedUpdates?: string[];
  dropPendingUpdates?: boolean;
};

/** Methods telegram-test-api does not know; the proxy answers them itself. */
const ANSWERED_BY_PROXY = new Set(['setMyCommands', 'sendChatAction', 'sendPhoto', 'sendDocument', 'setWebhook']);
/** Where the emulator posts updates once a webhook is set; the proxy relays them to the bot's webhook. */
const WEBHOOK_RELAY = '/__webhook-relay';
/** telegram-test-api answers getUpdates at once; pausing on an empty answer keeps polling from spinning. */
const EMPTY_POLL_PAUSE_MS = 20;
const WAIT_LIMIT_MS = 15_000;
const WAIT_STEP_MS = 10;

/**
 * telegram-test-api on 127.0.0.1 (random free port) behind a small node:http proxy, real HTTP both ways. The proxy
 * injects one-off failures (429 with retry_after, 5xx), answers the methods the emulator lacks, and records every call.
 * The proxy listens on `port` when given (a bot already pointed there, waiting for Telegram to come back), else on any.
 */
export async function startTelegramServer(
  token = '123456789:TEST-token_for-telegram',
  options: { port?: number } = {},
): Promise<TelegramTestServer> {
  const emulator = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
  await emulator.start();
  const failures = new Map<string, InjectedFailure[]>();
  /** Files users sent, by file_id: what getFile describes and the file endpoint serves. */
  const files = new Map<string, { path: string; content: Buffer }>();
  const recorded: RecordedCall[] = [];
  /** Updates handed out and not yet confirmed by a later offset: Telegram hands them out again (a restart). */
  const unconfirmed: Array<{ update_id: number }> = [];
  let webhook: RegisteredWebhook | undefined;
  const proxy = createServer((req, res) => {
    const task =
      req.url === WEBHOOK_RELAY
        ? pushToWebhook(req, res)
        : req.url?.startsWith('/file/')
          ? serveFile(req, res)
          : relay(req, res);
    void task.catch((err: unknown) => sendJson(res, 502, { ok: false, error_code: 502, description: String(err) }));
  });

  /**
   * The emulator posts updates to a webhook without Telegram's secret header: it is registered at the relay path
   * instead, which forwards each update to the bot's address with the header, as Telegram does.
   */
  async function pushToWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readRequestBody(req);
    if (!webhook) return sendJson(res, 404, { ok: false });
    const secret: Record<string, string> = webhook.secretToken
      ? { 'x-telegram-bot-api-secret-token': webhook.secretToken }
      : {};
    const answer = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...secret },
      body,
    });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
  }

  /** The Bot API's file endpoint, `/file/bot<token>/<file_path>`: what getFile pointed to, for this token only. */
  async function serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const prefix = `/file/bot${token}/`;
    const path = req.url?.startsWith(prefix) ? req.url.slice(prefix.length) : undefined;
    const file = [...files.values()].find((f) => f.path === path);
    if (!file) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.content);
  }

  function getFile(call: RecordedCall, res: ServerResponse): void {
    const { file_id } = JSON.parse(call.body || '{}') as { file_id?: string };
    const file = file_id ? files.get(file_id) : undefined;
    if (!file) return sendJson(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
    const result = { file_id, file_unique_id: `u-${file_id}`, file_size: file.content.length, file_path: file.path };
    sendJson(res, 200, { ok: true, result });
  }

  function registerWebhook(call: RecordedCall): void {
    const params = JSON.parse(call.body || '{}') as {
      url: string;
      secret_token?: string;
      allowed_updates?: string[];
      drop_pending_updates?: boolean;
    };
    webhook = {
      url: params.url,
      secretToken: params.secret_token,
      allowedUpdates: params.allowed_updates,
      dropPendingUpdates: params.drop_pending_updates,
    };
    emulator.setWebhook({ url: `${apiRoot}${WEBHOOK_RELAY}` }, token);
  }

  async function relay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readRequestBody(req);
    const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? '')?.[1] ?? '';
    const call = { method, contentType: req.headers['content-type'] ?? '', body: body.toString('utf8'), raw: body };
    recorded.push(call);
    const failure = failures.get(method)?.shift();
    if (failure) return sendJson(res, failure.status, failureBody(failure));
    if (method === 'setWebhook') registerWebhook(call);
    if (method === 'deleteWebhook') webhook = undefined;
    if (ANSWERED_BY_PROXY.has(method)) return sendJson(res, 200, { ok: true, result: answerLocally(call) });
    if (method === 'getUpdates') return answerUpdates(call, res);
    if (method === 'getFile') return getFile(call, res);
    const upstream = await fetch(`${emulator.config.apiURL}${req.url}`, {
      method: req.method,
      headers: { 'content-type': call.contentType || 'application/json' },
      ...(req.method === 'GET' ? {} : { body }),
    });
    const text = await upstream.text();
    if (!res.writableEnded) res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(text);
  }

  /**
   * getUpdates as Telegram keeps it (the emulator forgets an update once it is read): an update stays until a call
   * with a higher `offset` confirms it, so updates fetched by a process that stopped before confirming them are
   * handed out again to the next one.
   */
  async function answerUpdates(call: RecordedCall, res: ServerResponse): Promise<void> {
    const params = JSON.parse(call.body || '{}') as { offset?: number; limit?: number };
    unconfirmed.push(...emulator.getUpdates(token));
    const kept = unconfirmed.filter((u) => u.update_id >= (params.offset ?? 0));
    unconfirmed.splice(0, unconfirmed.length, ...kept);
    const result = unconfirmed.slice(0, params.limit ?? 100);
    if (result.length === 0) await sleep(EMPTY_POLL_PAUSE_MS);
    sendJson(res, 200, { ok: true, result });
  }

  /** Files are stored in the emulator as bot messages too, so a test reads every reply in one list. */
  function answerLocally(call: RecordedCall): unknown {
    if (call.method !== 'sendPhoto' && call.method !== 'sendDocument') return true;
    const chat_id = multipartField(call.body, 'chat_id') ?? '';
    // grammY writes `filename=<name>` unquoted; browsers quote it: accept both.
    const fileName = /filename="?([^"\r\n;]*)/.exec(call.body)?.[1] ?? '';
    const message = {
      chat_id,
      text: multipartField(call.body, 'caption') ?? '',
      parse_mode: multipartField(call.body, 'parse_mode'),
      file: { method: call.method, fileName },
    };
    return emulator.addBotMessage(message as never, token);
  }

  await new Promise<void>((resolve) => proxy.listen(options.port ?? 0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const calls = (method: string) => recorded.filter((c) => c.method === method);

  return {
    token,
    apiRoot,
    user: (options = {}) => createUser(emulator, token, options, files),
    failNext: (method, failure) => failures.set(method, [...(failures.get(method) ?? []), failure]),
    calls,
    messagesTo: (chatId) =>
      botMessages(emulator, token, chatId).map((m) =>
        toBotMessage(m.messageId, m.message as unknown as Record<string, unknown>),
      ),
    waitForCalls: (method, count = 1) =>
      waitFor(`${count} call(s) of ${method}`, () => (calls(method).length >= count ? calls(method) : undefined)),
    webhook: () => webhook,
    stop: async () => {
      await closeServer(proxy);
      await emulator.stop();
    },
  };
}

function createUser(
  emulator: TelegramServer,
  token: string,
  options: { userId?: number; chatId?: number; firstName?: string; group?: boolean },
  files: Map<string, { path: string; content: Buffer }>,
): TestUser {
  const userId = options.userId ?? 1001;
  const chatId = options.chatId ?? (options.group ? -1000 - userId : userId);
  const client = emulator.getClient(token, {
    userId,
    chatId,
    firstName: options.firstName ?? 'Lan',
    userName: `user${userId}`,
    type: options.group ? 'group' : 'private',
  });
  const seen = new Set<number>();
  return {
    userId,
    chatId,
    send: async (text, { replyTo } = {}) => {
      const extra = replyTo
        ? {
            reply_to_message: {
              message_id: replyTo.messageId,
              date: 0,
              chat: { id: chatId, type: 'private' },
              from: { id: 666, is_bot: true, first_name: 'Bot' },
            },
          }
        : {};
      if (text.startsWith('/')) await client.sendCommand(client.makeCommand(text, extra as never));
      else await client.sendMessage(client.makeMessage(text, extra as never));
    },
    sendDocument: async (fileName, content, { size } = {}) => {
      const fileId = `file-${files.size + 1}`;
      files.set(fileId, { path: `documents/${fileId}${/\.[^.]*$/.exec(fileName)?.[0] ?? ''}`, content });
      const document = {
        file_id: fileId,
        file_unique_id: `u-${fileId}`,
        file_name: fileName,
        file_size: size ?? content.length,
      };
      await client.sendMessage(client.makeMessage('', { text: undefined, document } as never));
    },
    press: async (message, buttonText) => {
      const buttons = message.buttons.flat();
      const button = buttons.find((b) => b.text === buttonText) ?? buttons.find((b) => b.text.startsWith(buttonText));
      if (!button) throw new Error(`no button "${buttonText}" in: ${buttons.map((b) => b.text).join(' | ')}`);
      await client.sendCallback(
        client.makeCallbackQuery(button.callback_data, { message: { message_id: message.messageId } } as never),
      );
    },
    replies: (count) =>
      waitFor(`${count} bot message(s) in chat ${chatId}`, () => {
        const fresh = botMessages(emulator, token, chatId).filter((m) => !seen.has(m.messageId));
        if (fresh.length < count) return undefined;
        const taken = fresh.slice(0, count);
        taken.forEach((m) => seen.add(m.messageId));
        return taken.map((m) => toBotMessage(m.messageId, m.message as unknown as Record<string, unknown>));
      }),
  };
}

function botMessages(emulator: TelegramServer, token: string, chatId: number) {
  return emulator.storage.botMessages.filter(
    (m) => m.botToken === token && String(m.message.chat_id) === String(chatId),
  );
}

function toBotMessage(messageId: number, message: Record<string, unknown>): BotMessage {
  const markup = message.reply_markup as { inline_keyboard?: Button[][] } | undefined;
  return {
    messageId,
    text: String(message.text ?? ''),
    ...(message.parse_mode ? { parseMode: String(message.parse_mode) } : {}),
    buttons: markup?.inline_keyboard ?? [],
    ...(message.file ? { file: message.file as BotMessage['file'] } : {}),
  };
}

async function waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`telegram test server: gave up waiting for ${what}`);
    await sleep(WAIT_STEP_MS);
  }
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One captured log line: level, message and every field bound or passed. */
export type LogLine = { level: 'debug' | 'info' | 'warn' | 'error'; msg: string; fields: Record<string, unknown> };

/** The channels' log port that keeps every line for assertions. */
export type LogCapture = Log & { lines: LogLine[] };

export function captureLog(): LogCapture {
  const lines: LogLine[] = [];
  const log: Log = (level, msg, data) => void lines.push({ level, msg, fields: { ...data } });
  return Object.assign(log, { lines });
}
