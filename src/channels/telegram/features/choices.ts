import { Composer } from 'grammy';
import { BOT_BUTTON_EXPIRED } from '../../../messages/index.js';
import { answer, type AnswerDeps } from '../answer.js';
import type { TelegramContext } from '../context.js';
import { callbackToIncoming } from '../to-message.js';

/**
 * A pressed button: the callback query is answered at once (so the button stops spinning), then the choice's
 * data goes to the chat core as a choice. A button whose short id is no longer known says it has expired.
 */
export function choicesFeature(deps: AnswerDeps): Composer<TelegramContext> {
  const now = deps.now ?? (() => new Date());
  const composer = new Composer<TelegramContext>();
  composer.on('callback_query:data', async (ctx) => {
    const data = deps.callbackData.decode(ctx.callbackQuery.data);
    if (data === undefined) {
      ctx.intent = 'expired_button';
      await ctx.answerCallbackQuery({ text: BOT_BUTTON_EXPIRED, show_alert: true });
      return;
    }
    // Stops the button spinning; it fails for a query answered before (a redelivery), which must not block the answer.
    await ctx.answerCallbackQuery().catch(() => undefined);
    const incoming = callbackToIncoming(ctx.callbackQuery, data, now());
    if (incoming) await answer(ctx, incoming, deps);
  });
  return composer;
}
