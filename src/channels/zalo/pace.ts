import type { OutboxLimits, SendTarget } from '../outbox.js';

/**
 * Zalo does not publish its Bot API rate limits, so these are conservative guesses, below Telegram's published ones:
 * at most 10 messages a second for the bot (a burst of 2 plus 8 a second) and about one a second in a chat, with a
 * burst of 3 so that an answer split in three parts goes at once. A 429 is still retried after the server's
 * retry-after (transport.ts). Zalo chat ids do not tell groups apart, so there is no group bucket.
 */
export const ZALO_LIMITS: OutboxLimits = {
  global: { count: 8, perMs: 1_000, burst: 2 },
  perChat: { count: 1, perMs: 1_000, burst: 3 },
};

/** What a Zalo call spends: sendMessage/sendPhoto are messages to their `chat_id`, a chat action only the bot-wide budget. */
export function zaloTarget(method: string, body: object): SendTarget {
  if (method === 'sendChatAction') return 'global';
  if (method !== 'sendMessage' && method !== 'sendPhoto') return 'free';
  const chat = (body as { chat_id?: unknown }).chat_id;
  return typeof chat === 'string' ? { chat } : 'global';
}
