import type { Transformer } from 'grammy';
import type { Outbox, OutboxLimits, SendTarget } from '../outbox.js';

/**
 * Telegram's published limits (Bot FAQ): about 30 messages a second overall, about one a second in a chat with short
 * bursts allowed, at most 20 a minute in a group. The bot-wide and group buckets keep burst + refill within those
 * figures (5 + 25 a second, 3 + 17 a minute); a chat may get 3 at once (an answer with its chart and report).
 */
export const TELEGRAM_LIMITS: OutboxLimits = {
  global: { count: 25, perMs: 1_000, burst: 5 },
  perChat: { count: 1, perMs: 1_000, burst: 3 },
  perGroup: { count: 17, perMs: 60_000, burst: 3 },
};

/** Calls that are not messages but still count against the bot's overall rate. */
const GLOBAL_ONLY = new Set(['sendChatAction', 'answerCallbackQuery']);

/**
 * What a Bot API call spends: send* and editMessage* are messages to their `chat_id` (a group when the id is negative
 * or a public @name); chat actions and callback answers only the bot-wide budget; anything else nothing.
 */
export function telegramTarget(method: string, payload: unknown): SendTarget {
  if (GLOBAL_ONLY.has(method)) return 'global';
  if (!method.startsWith('send') && !method.startsWith('editMessage')) return 'free';
  const chat = (payload as { chat_id?: unknown } | undefined)?.chat_id;
  if (typeof chat !== 'number' && typeof chat !== 'string') return 'global';
  const id = String(chat);
  return { chat: id, group: id.startsWith('-') || id.startsWith('@') };
}

/** Outermost transformer: a chat's calls run one after another in call order, each with all its retries. */
export function keepChatOrder(outbox: Outbox): Transformer {
  return (prev, method, payload, signal) =>
    outbox.inOrder(telegramTarget(method, payload), () => prev(method, payload, signal));
}

/** Transformer inside auto-retry: every attempt, retries included, waits for its tokens. */
export function paceCalls(outbox: Outbox): Transformer {
  return async (prev, method, payload, signal) => {
    // grammY's signal (an abort-controller shim type) only ever cuts long polls, which are free.
    await outbox.take(telegramTarget(method, payload));
    return prev(method, payload, signal);
  };
}
