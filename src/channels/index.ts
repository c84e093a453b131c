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
export { createOutbox, UNPACED, type Outbox, type OutboxClock, type OutboxLimits, type SendTarget } from './outbox.js';
