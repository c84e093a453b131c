import { z } from 'zod';
import type { Log } from '../../chat/index.js';
import { ZaloApiError } from './errors.js';
import { parseUpdate, type ParsedUpdate, type ZaloUpdate } from './schema.js';
import { createTransport, type TransportOptions } from './transport.js';

export type ZaloClientOptions = TransportOptions & {
  /** Receives malformed or ignored updates seen by processUpdate; default: silent. */
  log?: Log;
};

const botInfoSchema = z.looseObject({
  id: z.string(),
  account_name: z.string().optional(),
  display_name: z.string().optional(),
});
export type ZaloBotInfo = z.infer<typeof botInfoSchema>;

const sentSchema = z.looseObject({ message_id: z.string().optional(), date: z.number().optional() });
export type ZaloSent = z.infer<typeof sentSchema>;

const webhookInfoSchema = z.looseObject({ url: z.string().optional(), updated_at: z.number().optional() });
export type ZaloWebhookInfo = z.infer<typeof webhookInfoSchema>;

const anything = z.unknown();

/** A typed Zalo Bot API client, shaped like the node-zalo-bot SDK so code ports between them. */
export type ZaloClient = ReturnType<typeof createZaloClient>;

/** Builds a client; nothing is called until a method is. */
export function createZaloClient(options: ZaloClientOptions) {
  const call = createTransport(options);
  const log = options.log ?? (() => {});
  const listeners: Array<(update: ZaloUpdate) => void> = [];

  return {
    getMe: () => call('getMe', {}, botInfoSchema),
    sendMessage: (chatId: string, text: string) => call('sendMessage', { chat_id: chatId, text }, sentSchema),
    sendPhoto: (chatId: string, photoUrl: string, extra: { caption?: string } = {}) =>
      call(
        'sendPhoto',
        { chat_id: chatId, photo: photoUrl, ...(extra.caption ? { caption: extra.caption } : {}) },
        sentSchema,
      ),
    sendChatAction: async (chatId: string, action: 'typing' | 'upload_photo') => {
      await call('sendChatAction', { chat_id: chatId, action }, anything);
    },
    /** Long-polls for the next update: the raw update, or undefined when none came in `timeout` seconds (the API's 408). */
    getUpdates: async ({ timeout = 30, signal }: { timeout?: number; signal?: AbortSignal } = {}): Promise<unknown> => {
      try {
        return await call('getUpdates', { timeout: String(timeout) }, anything, { signal, waitMs: timeout * 1000 });
      } catch (err) {
        if (err instanceof ZaloApiError && err.error_code === 408) return undefined;
        throw err;
      }
    },
    setWebHook: (url: string, extra: { secret_token: string }) =>
      call('setWebhook', { url, secret_token: extra.secret_token }, anything),
    deleteWebHook: () => call('deleteWebhook', {}, anything),
    getWebHookInfo: () => call('getWebhookInfo', {}, webhookInfoSchema),
    /** Registers the function every valid update from processUpdate is given to. */
    onUpdate: (listener: (update: ZaloUpdate) => void) => {
      listeners.push(listener);
    },
    /** Validates a raw update (flat or `{ ok, result }`-wrapped) and emits it; malformed ones are logged and skipped, never thrown. */
    processUpdate: (raw: unknown): ParsedUpdate => {
      const parsed = parseUpdate(raw);
      if (parsed.kind === 'malformed') log('warn', 'zalo: malformed update skipped', { problem: parsed.problem });
      else if (parsed.kind === 'ignored') log('debug', 'zalo: event ignored', { event: parsed.eventName });
      else for (const listener of listeners) listener(parsed.update);
      return parsed;
    },
  };
}
