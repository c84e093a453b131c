import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { ChatHandler, Log } from '../../chat/index.js';
import type { DeliveryLog } from '../../tasks/index.js';
import { UNPACED, type Outbox } from '../outbox.js';
import { logFailedCalls } from './api-log.js';
import { callbackDataFor } from './callback-data.js';
import type { TelegramContext } from './context.js';
import { createErrorHandler } from './error-boundary.js';
import { choicesFeature } from './features/choices.js';
import { documentFeature } from './features/document.js';
import { feedbackFeature } from './features/feedback.js';
import { logUpdatesFeature, noteQueueWait } from './features/log-updates.js';
import { nonTextFeature } from './features/non-text.js';
import { textFeature } from './features/text.js';
import { keepChatOrder, paceCalls } from './pace.js';

/** Options of {@link createTelegramBot}. */
export type TelegramBotOptions = {
  /** The token from @BotFather (TELEGRAM_BOT_TOKEN). Never logged. */
  token: string;
  /** Bot API root; default `https://api.telegram.org` (TELEGRAM_API_ROOT, a local server in tests). */
  apiRoot?: string;
  /** The chat core: one message in, the replies out. */
  handle: ChatHandler;
  /** The process log (`logPortOf(logger)`); each update's lines carry its channel, update and user. */
  log: Log;
  /** The bot's own user as getMe returns it; when given, no getMe call is made at start (tests, webhooks). */
  botInfo?: UserFromGetMe;
  /** Clock for the time of a button press and of delivery claims; default the system clock. */
  now?: () => Date;
  /** The delivery log (`store.deliveries`): a message Telegram delivers again is answered once. Without it, every delivery is answered. */
  deliveries?: DeliveryLog;
  /**
   * Paces sends and keeps each chat's order: give `createOutbox(TELEGRAM_LIMITS)` in production. Default: calls go out
   * at once, as a local test server wants.
   */
  outbox?: Outbox;
};

/** The AbortSignal type grammY's methods take. */
export type GrammySignal = Parameters<Bot['api']['getMe']>[0];

/** Updates of one chat are handled in order; a malformed chat (no id) is not a reason to throw outside the boundary. */
const chatKey = (ctx: TelegramContext): string | undefined => {
  const id: unknown = ctx.chat?.id;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined;
};

/** Waits at most this long when Telegram asks to retry later; a longer wait fails the call instead. */
const MAX_RETRY_AFTER_SECONDS = 60;
const MAX_RETRY_ATTEMPTS = 5;
/**
 * Calls made to start the bot, which auto-retry would repeat without end while the network is down (it retries network
 * errors with no limit): whoever starts the bot retries them instead, with its own bound, back-off and log.
 */
const START_UP_METHODS = new Set(['getMe', 'deleteWebhook', 'setWebhook']);

/**
 * Builds the Telegram bot over the chat core: sends paced and kept in order per chat (with an `outbox`),
 * failed calls logged, 429 and 5xx retried (each retry paced again), updates of one chat handled in order,
 * buttons (👍/👎 under answers acknowledged on the button) and text messages handed to the core, and an error
 * boundary that apologises. The start-up calls (getMe, deleteWebhook, setWebhook) are tried once: start with
 * {@link initTelegramBot} and retry it.
 */
export function createTelegramBot(options: TelegramBotOptions): Bot<TelegramContext> {
  const bot = new Bot<TelegramContext>(options.token, {
    client: options.apiRoot ? { apiRoot: options.apiRoot } : {},
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // The last transformer installed is the outermost: chat order → auto-retry → pacing → logger, so every attempt
  // waits for its tokens and is logged, and a chat's next message waits until the retries of the one before are over.
  const outbox = options.outbox ?? UNPACED;
  bot.api.config.use(logFailedCalls(options.log));
  bot.api.config.use(paceCalls(outbox));
  const retry = autoRetry({ maxDelaySeconds: MAX_RETRY_AFTER_SECONDS, maxRetryAttempts: MAX_RETRY_ATTEMPTS });
  bot.api.config.use((prev, method, payload, signal) =>
    START_UP_METHODS.has(method) ? prev(method, payload, signal) : retry(prev, method, payload, signal),
  );
  bot.api.config.use(keepChatOrder(outbox));

  const { handle, now, deliveries } = options;
  const deps = { handle, callbackData: callbackDataFor(bot), now, deliveries };
  bot.use(logUpdatesFeature(options.log));
  bot.use(sequentialize(chatKey), noteQueueWait);
  const onError = createErrorHandler(options.log);
  // The boundary catches inside the middleware stack, so it works in webhook mode too (grammY calls bot.catch
  // only when it polls); bot.catch covers the two outer middlewares under the runner.
  const apiRoot = options.apiRoot ?? 'https://api.telegram.org';
  const fileUrl = (path: string) => `${apiRoot}/file/bot${options.token}/${path}`;
  bot
    .errorBoundary(onError)
    .use(
      feedbackFeature(deps),
      choicesFeature(deps),
      textFeature(deps),
      documentFeature({ ...deps, fileUrl }),
      nonTextFeature(deps),
    );
  bot.catch(onError);
  return bot;
}

/**
 * Fetches the bot's own user (getMe) once, unless known: grammY's `bot.init()` would retry network errors without
 * end, holding up start-up. Throws what the call threw; gives up when `signal` aborts.
 */
export async function initTelegramBot(bot: Bot<TelegramContext>, signal?: AbortSignal): Promise<void> {
  // grammY types its signal with the abort-controller shim's AbortSignal; Node's is the same at run time.
  if (!bot.isInited()) bot.botInfo = await bot.api.getMe(signal as GrammySignal);
}
