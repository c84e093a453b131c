import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message the bot sent (sendMessage or sendPhoto), as the fake server recorded it. */
export type SentMessage = {
  method: 'sendMessage' | 'sendPhoto';
  chat_id: string;
  text?: string;
  photo?: string;
  caption?: string;
};
/** A failure to answer the next call of a method with, once. */
export type InjectedFailure = { errorCode: number; description?: string; retryAfter?: number };

type Waiter = { res: ServerResponse; timer: NodeJS.Timeout };

/**
 * A local Zalo Bot API on 127.0.0.1 following the platform's facts: `POST /bot<TOKEN>/<method>` with JSON,
 * `{ ok, result }` or `{ ok: false, error_code, description }`, getUpdates long-polls for ONE update (408 when none),
 * text limited to 2000 characters. Tests enqueue updates, read what was sent, and inject one-off failures.
 */
export async function startFakeZaloServer(options: { token: string; botName?: string }) {
  const queue: object[] = [];
  const pollers: Waiter[] = [];
  const failures = new Map<string, InjectedFailure>();
  const sentWaiters: Array<{ count: number; resolve: () => void }> = [];
  const state = {
    sent: [] as SentMessage[],
    actions: [] as Array<{ chat_id: string; action: string }>,
    calls: [] as string[],
    webhook: undefined as { url: string; secret_token: string } | undefined,
  };
  let nextMessageId = 1;

  const reply = (res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) => {
    if (res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };
  const fail = (res: ServerResponse, status: number, description: string, extra: object = {}) =>
    reply(res, status, { ok: false, error_code: status, description, ...extra });
  const ok = (res: ServerResponse, result: unknown) => reply(res, 200, { ok: true, result });

  function record(res: ServerResponse, message: SentMessage) {
    state.sent.push(message);
    ok(res, { message_id: `sent-${state.sent.length}`, date: Date.now() });
    for (const waiter of sentWaiters.filter((w) => state.sent.length >= w.count)) {
      sentWaiters.splice(sentWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  function poll(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>) {
    const update = queue.shift();
    if (update) return ok(res, update);
    const seconds = Math.min(Number(body.timeout ?? 30) || 30, 60);
    const waiter: Waiter = { res, timer: setTimeout(() => expire(waiter), seconds * 1000) };
    pollers.push(waiter);
    req.socket.once('close', () => expire(waiter));
  }
  function expire(waiter: Waiter) {
    clearTimeout(waiter.timer);
    const i = pollers.indexOf(waiter);
    if (i >= 0) pollers.splice(i, 1);
    fail(waiter.res, 408, 'Request timeout');
  }

  function route(req: IncomingMessage, res: ServerResponse, method: string, body: Record<string, unknown>) {
    const chatId = String(body.chat_id ?? '');
    switch (method) {
      case 'getMe':
        return ok(res, {
          id: 'bot-1',
          account_name: options.botName ?? 'bot.troly226',
          account_type: 'BASIC',
          can_join_groups: false,
        });
      case 'getUpdates':
        if (state.webhook) return fail(res, 400, 'Webhook is active');
        return poll(req, res, body);
      case 'sendMessage': {
        const text = typeof body.text === 'string' ? body.text : '';
        if (!chatId || text.length === 0 || text.length > 2000)
          return fail(res, 400, 'Bad Request: text must be 1-2000 characters');
        return record(res, { method, chat_id: chatId, text });
      }
      case 'sendPhoto':
        if (!chatId || typeof body.photo !== 'string') return fail(res, 400, 'Bad Request: photo is required');
        return record(res, {
          method,
          chat_id: chatId,
          photo: body.photo,
          ...(typeof body.caption === 'string' ? { caption: body.caption } : {}),
        });
      case 'sendChatAction':
        state.actions.push({ chat_id: chatId, action: String(body.action) });
        return ok(res, {});
      case 'setWebhook':
        state.webhook = { url: String(body.url), secret_token: String(body.secret_token) };
        return ok(res, { url: state.webhook.url, updated_at: Date.now() });
      case 'deleteWebhook':
        state.webhook = undefined;
        return ok(res, { url: '', updated_at: Date.now() });
      case 'getWebhookInfo':
        return ok(res, { url: state.webhook?.url ?? '', updated_at: Date.now() });
      default:
        return fail(res, 404, 'Not Found');
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) return fail(res, 404, 'Not Found');
      if (match[1] !== options.token) return fail(res, 401, 'Unauthorized');
      const method = match[2]!;
      state.calls.push(method);
      const failure = failures.get(method);
      if (failure) {
        failures.delete(method);
        const headers: Record<string, string> =
          failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {};
        const parameters = failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {};
        return reply(
          res,
          failure.errorCode,
          {
            ok: false,
            error_code: failure.errorCode,
            description: failure.description ?? 'Injected failure',
            ...parameters,
          },
          headers,
        );
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        return fail(res, 400, 'Bad Request: body is not JSON');
      }
      route(req, res, method, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    ...state,
    get webhook() {
      return state.webhook;
    },
    /** Queues one raw update; a pending getUpdates receives it at once. */
    enqueue(update: object) {
      const waiter = pollers.shift();
      if (!waiter) return void queue.push(update);
      clearTimeout(waiter.timer);
      ok(waiter.res, update);
    },
    /** Queues a text message from a person, as Zalo would send it; returns the update. */
    sendText(from: { id: string; name?: string }, text: string, chatId = from.id) {
      const update = {
        event_name: 'message.text.received',
        message: {
          message_id: `in-${nextMessageId++}`,
          from: { id: from.id, display_name: from.name ?? 'Người dùng', is_bot: false },
          chat: { id: chatId, chat_type: 'PRIVATE' },
          date: Date.now(),
          text,
        },
      };
      this.enqueue(update);
      return update;
    },
    /** Makes the next call of `method` fail once, e.g. `{ errorCode: 429, retryAfter: 2 }` or `{ errorCode: 500 }`. */
    failNext(method: string, failure: InjectedFailure) {
      failures.set(method, failure);
    },
    /** Resolves once at least `count` messages have been sent in total. */
    waitForSent(count: number): Promise<SentMessage[]> {
      if (state.sent.length >= count) return Promise.resolve(state.sent);
      return new Promise((resolve) => sentWaiters.push({ count, resolve: () => resolve(state.sent) }));
    },
    async close() {
      for (const waiter of [...pollers]) expire(waiter);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeZaloServer = Awaited<ReturnType<typeof startFakeZaloServer>>;
