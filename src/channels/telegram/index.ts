/**
 * The Telegram channel: a grammY bot over the chat core, by long polling through grammY's runner or by webhook.
 * @example
 * const bot = createTelegramBot({ token, apiRoot, handle: chat.handleMessage, log });
 * const polling = await startTelegramPolling(bot);
 * process.once('SIGTERM', () => void polling.stop());
 */

/** Builds the bot (retries, per-chat order, buttons, HTML replies, error boundary); see {@link TelegramBotOptions}. */
export { createTelegramBot, type TelegramBotOptions } from './create-bot.js';
/** getMe once (grammY's `bot.init()` retries network errors without end): `await initTelegramBot(bot, signal)`. */
export { initTelegramBot } from './create-bot.js';
/** Telegram's sending limits as token buckets (25/s + 5 at once overall, 1/s + 3 per chat, 17/min + 3 per group), for `createOutbox`. */
export { TELEGRAM_LIMITS } from './pace.js';
/**
 * Starts long polling and returns a handle to stop it; with an `inbox` each fetched update is kept before Telegram
 * counts it delivered and handled after a restart if it was not. `registerTelegramCommands` sets the command menu.
 * @example const polling = await startTelegramPolling(bot, { inbox: store.inbox, log });
 */
export {
  startTelegramPolling,
  registerTelegramCommands,
  type TelegramPolling,
  type TelegramPollingOptions,
} from './polling.js';
/**
 * The framework-free webhook endpoint `(headers, rawBody) => { status, body }` checking
 * `X-Telegram-Bot-Api-Secret-Token`; updates are handled in the background, `settled()` waits for them.
 * `registerTelegramWebhook` calls setWebhook with the secret (pending updates kept).
 * @example
 * await bot.init();
 * const webhook = createTelegramWebhook({ bot, secretToken, log }); // mount webhook.handleRequest on POST
 * await registerTelegramWebhook(bot.api, `${PUBLIC_URL}/telegram/...`, secretToken);
 */
export {
  createTelegramWebhook,
  registerTelegramWebhook,
  TELEGRAM_SECRET_HEADER,
  type TelegramWebhook,
  type TelegramWebhookOptions,
} from './webhook.js';
/** Sends core replies to a chat outside an update (digests, reminders): `await sendTelegramReplies(bot, chatId, replies)`. */
export { sendTelegramReplies } from './send-replies.js';
/** The grammY context of this bot (grammY's Context plus the update's logger and intent). */
export type { TelegramContext } from './context.js';
