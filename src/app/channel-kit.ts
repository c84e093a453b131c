import { createOutbox, withRateLimit, type Outbox } from '../channels/index.js';
import { TELEGRAM_LIMITS } from '../channels/telegram/index.js';
import { ZALO_LIMITS } from '../channels/zalo/index.js';
import type { ChatHandler } from '../chat/index.js';
import type { Config } from '../config.js';
import type { DeliveryLog } from '../tasks/index.js';

/** What every bot channel gets besides its token: the chat handler as people reach it, and each platform's outbox. */
export type ChannelKit = {
  /** The chat core behind the per-person flood control (RATE_LIMIT_PER_MINUTE; 0 leaves it out). */
  handle: ChatHandler;
  telegram: { outbox?: Outbox; deliveries: DeliveryLog };
  zalo: { outbox?: Outbox; deliveries: DeliveryLog };
};

/**
 * Flood control in and out, as configured: a person sending faster than RATE_LIMIT_PER_MINUTE is told to slow down;
 * with SEND_PACING=on (the default) replies are queued within each platform's limits. Every message is answered once
 * through the delivery log, however often the platform delivers it. Built once per process.
 */
export function createChannelKit(
  config: Config,
  chat: ChatHandler,
  deliveries: DeliveryLog,
  now: () => Date = () => new Date(),
): ChannelKit {
  const perMinute = config.RATE_LIMIT_PER_MINUTE;
  const handle = perMinute === 0 ? chat : withRateLimit(chat, { now, maxMessages: perMinute, perMs: 60_000 });
  const paced = config.SEND_PACING === 'on';
  return {
    handle,
    telegram: { deliveries, ...(paced ? { outbox: createOutbox(TELEGRAM_LIMITS) } : {}) },
    zalo: { deliveries, ...(paced ? { outbox: createOutbox(ZALO_LIMITS) } : {}) },
  };
}
