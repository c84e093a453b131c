import { Composer } from 'grammy';
import type { TelegramContext } from '../context.js';
import type { BotLogger } from '../logger.js';

/**
 * Gives every update a child logger and writes one info line per handled update (intent and milliseconds);
 * updates the bot stays silent on are logged at debug only.
 */
export function logUpdatesFeature(log: BotLogger): Composer<TelegramContext> {
  const composer = new Composer<TelegramContext>();
  composer.use(async (ctx, next) => {
    const started = performance.now();
    ctx.log = log.child({ channel: 'telegram', updateId: ctx.update.update_id, userId: ctx.from?.id });
    let thrown = true;
    try {
      await next();
      thrown = false;
    } finally {
      const ms = Math.round(performance.now() - started);
      const failed = thrown || ctx.failed === true;
      if (ctx.intent === undefined && !failed) ctx.log.debug({ ms }, 'telegram: update ignored');
      else
        ctx.log.info(
          { intent: ctx.intent ?? 'unknown', ms, ...(failed ? { failed } : {}) },
          'telegram: update handled',
        );
    }
  });
  return composer;
}
