import { Composer, type MiddlewareFn } from 'grammy';
import type { TelegramContext } from '../context.js';
import type { Log } from '../../../chat/index.js';
import { childLog } from '../child-log.js';

/**
 * Gives every update a child logger and writes one info line per handled update (intent and milliseconds: in all,
 * waiting for the chat's earlier updates, and the chat core's own work); updates the bot stays silent on are logged
 * at debug only.
 */
export function logUpdatesFeature(log: Log): Composer<TelegramContext> {
  const composer = new Composer<TelegramContext>();
  composer.use(async (ctx, next) => {
    const started = performance.now();
    ctx.receivedAt = started;
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
          ...(ctx.queuedMs === undefined ? {} : { queuedMs: ctx.queuedMs }),
          ...(ctx.coreMs === undefined ? {} : { coreMs: ctx.coreMs }),
          ...(failed ? { failed } : {}),
        });
    }
  });
  return composer;
}

/** Notes how long the update waited for its chat's earlier ones: install it right after `sequentialize`. */
export const noteQueueWait: MiddlewareFn<TelegramContext> = (ctx, next) => {
  if (ctx.receivedAt !== undefined) ctx.queuedMs = Math.round(performance.now() - ctx.receivedAt);
  return next();
};
