import type { BotError } from 'grammy';
import { BOT_APOLOGY } from '../../messages/index.js';
import type { TelegramContext } from './context.js';
import type { Log } from '../../chat/index.js';

/**
 * The bot's error handler (`bot.catch`): logs the failure with the update's logger and tells the person, so one
 * failing update never stops polling nor leaves a question unanswered.
 */
export function createErrorHandler(log: Log): (err: BotError<TelegramContext>) => Promise<void> {
  return async (err) => {
    const ctx = err.ctx;
    ctx.failed = true;
    // ctx.log is missing only when the failure happened before the logging middleware ran.
    (ctx.log ?? log)('error', 'telegram: update failed', {
      channel: 'telegram',
      updateId: ctx.update.update_id,
      err: err.error,
    });
    // A garbled update may hold `chat: null` or a chat without an id: nobody to apologise to, and no throw from here.
    const chatId = ctx.chat?.id;
    if (chatId === undefined || chatId === null) return;
    await ctx.api.sendMessage(chatId, BOT_APOLOGY).catch(() => undefined);
  };
}
