import type { UserFromGetMe } from 'grammy/types';
import { textProblem } from './telegram-html.js';

/** A call's parameters as read from JSON, a form or multipart (numbers may arrive as strings). */
export type Params = Record<string, unknown>;
/** What to answer a call with. */
export type MethodAnswer = { status: number; body: object };
/** Something the bot did in a chat: showed "typing…" or sent a message (text, or a file's caption and name). */
export type ChatOutput = { type: 'action' } | { type: 'send'; method: string; text: string };

export type MethodDeps = {
  bot: UserFromGetMe;
  /** Whether a chat with this id exists (a user of the fake server). */
  knownChat(chatId: number): boolean;
  /** Called for every accepted action or message, before the answer goes out. */
  record(chatId: number, output: ChatOutput): void;
  /** deleteWebhook with drop_pending_updates. */
  dropPending(): void;
  /** setWebhook (its url and secret_token), or deleteWebhook (undefined). */
  webhook(target: { url: string; secret: string } | undefined): void;
};

const ok = (result: unknown): MethodAnswer => ({ status: 200, body: { ok: true, result } });
const badRequest = (description: string): MethodAnswer => ({
  status: 400,
  body: { ok: false, error_code: 400, description: `Bad Request: ${description}` },
});
const NOT_FOUND: MethodAnswer = { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };

/**
 * The Bot API methods the bot calls besides getUpdates, answered the way Telegram does: messages get ids and are
 * checked (chat exists, text not empty and at most 4096 characters, HTML that parses, caption at most 1024), every
 * other call the bot makes succeeds. An unknown method is 404.
 */
export function createMethods(deps: MethodDeps): (method: string, params: Params) => MethodAnswer {
  let messageId = 0;
  const message = (chatId: number, fields: object) => ({
    message_id: ++messageId,
    from: { id: deps.bot.id, is_bot: true, first_name: deps.bot.first_name, username: deps.bot.username },
    chat: { id: chatId, type: 'private' },
    date: Math.floor(Date.now() / 1000),
    ...fields,
  });
  const chatOf = (params: Params): number | undefined => {
    const id = Number(params.chat_id);
    return Number.isSafeInteger(id) && deps.knownChat(id) ? id : undefined;
  };

  const methods: Record<string, (params: Params) => MethodAnswer> = {
    getMe: () => ok(deps.bot),
    deleteWebhook: (params) => {
      if (params.drop_pending_updates === true || params.drop_pending_updates === 'true') deps.dropPending();
      deps.webhook(undefined);
      return ok(true);
    },
    setWebhook: (params) => {
      const url = String(params.url ?? '');
      if (!/^https?:\/\//.test(url)) return badRequest('bad webhook: An HTTPS URL must be provided for webhook');
      deps.webhook({ url, secret: String(params.secret_token ?? '') });
      return ok(true);
    },
    setMyCommands: () => ok(true),
    answerCallbackQuery: () => ok(true),
    sendChatAction: (params) => {
      const chatId = chatOf(params);
      if (chatId === undefined) return badRequest('chat not found');
      deps.record(chatId, { type: 'action' });
      return ok(true);
    },
    sendMessage: (params) => send(params, 'sendMessage', 'text'),
    sendPhoto: (params) => send(params, 'sendPhoto', 'caption'),
    sendDocument: (params) => send(params, 'sendDocument', 'caption'),
    editMessageReplyMarkup: (params) => (chatOf(params) === undefined ? badRequest('chat not found') : ok(true)),
  };

  function send(params: Params, method: string, field: 'text' | 'caption'): MethodAnswer {
    const chatId = chatOf(params);
    if (chatId === undefined) return badRequest('chat not found');
    const text = String(params[field] ?? '');
    const problem = textProblem(text, params.parse_mode, field);
    if (problem) return badRequest(problem);
    const shown = field === 'caption' ? `[${method} ${String(params.file_name ?? '')}] ${text}` : text;
    deps.record(chatId, { type: 'send', method, text: shown });
    return ok(message(chatId, field === 'text' ? { text } : { caption: text }));
  }

  return (method, params) => (Object.hasOwn(methods, method) ? methods[method]!(params) : NOT_FOUND);
}
