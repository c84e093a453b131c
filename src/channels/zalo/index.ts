import { createZaloBot, type ZaloBotOptions } from './bot.js';
import type { ZaloBotInfo } from './client.js';
import { startZaloPoller } from './poller.js';
import type { ZaloReplySender } from './send-replies.js';
import { createZaloWebhookHandler, type ZaloWebhookHandler } from './webhook.js';

/**
 * The Zalo channel: our typed Zalo Bot API client (shaped like the node-zalo-bot SDK) and the bot over the chat core,
 * by long polling (`startZaloBot`) or webhook (`createZaloWebhookBot`). Zalo has no buttons: choices are a numbered
 * list, and a numbered answer comes back to the core as that choice. Texts over 2,000 characters are split.
 */

/** The Zalo Bot API client: `createZaloClient({ token, apiRoot, timeoutMs })`, then sendMessage, getUpdates, setWebHook… */
export { createZaloClient, type ZaloClient, type ZaloClientOptions, type ZaloBotInfo } from './client.js';
/** What a failed call throws: ZaloApiError (the API said no: error_code, description, method) or ZaloHttpError (network). */
export { ZaloApiError, ZaloHttpError } from './errors.js';
/** The framework-free webhook endpoint `(headers, rawBody) => { status, body }`, checking `X-Bot-Api-Secret-Token`. */
export {
  createZaloWebhookHandler,
  ZALO_SECRET_HEADER,
  type ZaloWebhookHandler,
  type WebhookHeaders,
  type WebhookResponse,
} from './webhook.js';
/** Zalo's per-message text limit (2,000) and the port that publishes chart photos by URL. */
export { ZALO_TEXT_LIMIT, type PublicUrlFor } from './render.js';
/** Conservative sending limits for Zalo, which publishes none (8/s + 2 at once overall, 1/s + 3 per chat), for `createOutbox`. */
export { ZALO_LIMITS } from './pace.js';
/** Options shared by both modes; the push sender; a validated update. */
export type { ZaloBotOptions } from './bot.js';
export type { ZaloReplySender } from './send-replies.js';
export type { ZaloUpdate } from './schema.js';

/** Options of `startZaloBot`: those of both modes plus the polling ones. */
export type StartZaloBotOptions = ZaloBotOptions & {
  /** Seconds one getUpdates call waits for an update; default 30. */
  pollTimeoutSeconds?: number;
  /** Chats answered at the same time before polling pauses; default 32. */
  maxChatsInFlight?: number;
};

/**
 * Runs the Zalo bot by long polling. Checks the token with getMe (throws ZaloApiError / ZaloHttpError when that
 * fails, like grammY's bot.start), removes any webhook (the two modes exclude each other), then polls until stopped.
 * With an `inbox`, each update is kept as getUpdates returns it, and those a killed process held are answered first.
 * `stop()` stops taking updates and resolves once the updates already taken are answered; `send(chatId, replies)`
 * pushes core replies (digests, reminders) to a chat.
 * @example
 * const zalo = await startZaloBot({ token: config.ZALO_BOT_TOKEN, apiRoot: config.ZALO_API_ROOT, handle: chat, log: logPortOf(logger) });
 * process.once('SIGTERM', () => void zalo.stop());
 */
export async function startZaloBot(
  options: StartZaloBotOptions,
): Promise<{ me: ZaloBotInfo; send: ZaloReplySender; stop(): Promise<void> }> {
  const { client, chats, send, receive, replay } = createZaloBot(options);
  const me = await client.getMe();
  await client
    .deleteWebHook()
    .catch((err: unknown) => options.log('warn', 'zalo: could not remove the webhook', { err }));
  await replay();
  const maxChats = options.maxChatsInFlight ?? 32;
  const poller = startZaloPoller({
    client: { getUpdates: client.getUpdates, processUpdate: receive },
    log: options.log,
    timeoutSeconds: options.pollTimeoutSeconds,
    sleep: options.sleep,
    ready: () => chats.below(maxChats),
  });
  options.log('info', 'zalo: polling started', { bot: me.account_name ?? me.id });
  return {
    me,
    send,
    async stop() {
      await poller.stop();
      await chats.settled();
    },
  };
}

/**
 * Builds the Zalo bot for webhook mode (issue 7 mounts `handleRequest` on its HTTP server at the webhook path).
 * `register(url)` calls setWebhook with the secret; `send(chatId, replies)` pushes core replies to a chat;
 * `settled()` resolves once every acknowledged update is answered. With an `inbox`, an update is kept before it is
 * acknowledged, and those a killed process held are answered at once.
 * @example const zalo = createZaloWebhookBot({ token, secretToken, handle, log }); await zalo.register(`${PUBLIC_URL}/zalo`);
 */
export function createZaloWebhookBot(options: ZaloBotOptions & { secretToken: string; maxBodyBytes?: number }): {
  handleRequest: ZaloWebhookHandler;
  register(url: string): Promise<void>;
  send: ZaloReplySender;
  settled(): Promise<void>;
  /** Answers what another instance kept before `receivedBefore` and never finished (instances sharing a store). */
  takeLeftOver(receivedBefore: Date): Promise<void>;
} {
  const { client, chats, send, receive, replay } = createZaloBot(options);
  const { secretToken, maxBodyBytes, log } = options;
  const replayed = replay();
  return {
    handleRequest: createZaloWebhookHandler({ secretToken, maxBodyBytes, log, processUpdate: receive }),
    register: async (url) => {
      await client.setWebHook(url, { secret_token: secretToken });
    },
    send,
    settled: async () => {
      await replayed;
      await chats.settled();
    },
    takeLeftOver: (receivedBefore) => replay(receivedBefore),
  };
}
