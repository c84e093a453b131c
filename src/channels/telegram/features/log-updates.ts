import { Composer } from 'grammy';
import type { TelegramContext } from '../context.js';
import type { Log } from '../../../chat/index.js';
import { childLog } from '../child-log.js';

/**
 * Gives every update a child logger and writes one info line per handled update (intent and milliseconds);
 * updates the bot stays silent on are logged at debug only.
 */
export function logUpdatesFeature(log: Log): Composer<TelegramContext> {
  const composer = new Composer<TelegramContext>();
  composer.use(async (ctx, next) => {
    const started = performance.now();
    ctx.log = childLog(log, { channel: 'telegram', updateId: ctx.update.update_id, userId: ctx.from?.id });
    let thrown = true;
    try {
      await next();
      thrown = false;
    } finally {
      const ms = Math.round(performance.now() - started);
      const failed = thrown || ctx.failed === true;
      if (ctx.intent === undefined && !failed) ctx.log('debug', 'telegram: update ignored', { ms });
      else
        ctx.log('info', 'telegram: update handled', {
          intent: ctx.intent ?? 'unknown',
          ms,
          ...(failed ? { failed } : {}),
        });
    }
  });
  return composer;
}
