export { splitText } from './split-text.js';
/** The one logging port the channels take, `log(level, msg, data)` (`logPortOf(logger)` over pino, in log.ts). */
export type { Log } from '../chat/index.js';
/** What both channels' webhook endpoints share: the handler shape, its answers, the secret/size/JSON gate. */
export {
  createWebhookGate,
  DEFAULT_MAX_BODY_BYTES,
  type WebhookHandler,
  type WebhookHeaders,
  type WebhookResponse,
} from './webhook-common.js';
/** Answers each incoming message once through the store's `DeliveryLog`, whichever channel it came by. */
export { answerOnce, PROCESS_OWNER, BUSY_RETRY_MS, type AnswerOnceOptions, type Delivery } from './answer-once.js';
/**
 * Paces outgoing messages with token buckets (bot-wide, per chat, per group) and keeps each chat's order. The
 * channels send unpaced unless given one, so production passes one per channel; local test servers need none.
 * @example createTelegramBot({ token, handle, log, outbox: createOutbox(TELEGRAM_LIMITS) });
 * startZaloBot({ token, handle, log, outbox: createOutbox(ZALO_LIMITS) });
 */
/**
 * Flood control at the channel edge: `withRateLimit(chat, { now })` lets a person send 20 messages a minute (10 at
 * once); over that the first message gets "Bạn gửi nhanh quá…" and the rest no reply, and none reaches the core.
 */
export { withRateLimit, type RateLimitOptions } from './rate-limit.js';
/**
 * Spaces the work on a polled batch: one update started per turn of the event loop, so the platform's responses to
 * sent replies (and the delivery claims they finish) are taken between two updates of a big batch.
 */
export { createTurns, type Turns } from './turns.js';
/** Keyed token buckets over an injected time (`createTokenBuckets({ count: 1, perMs: 1000, burst: 3 })`); the outbox paces sends with them. */
export { createTokenBuckets, type TokenBuckets, type TokenRate } from './token-buckets.js';
export { createOutbox, UNPACED, type Outbox, type OutboxClock, type OutboxLimits, type SendTarget } from './outbox.js';
