import { Composer } from 'grammy';
import { parseFeedbackData } from '../../../chat/index.js';
import { once, type AnswerDeps } from '../answer.js';
import type { TelegramContext } from '../context.js';
import { callbackToIncoming } from '../to-message.js';

/**
 * A press of 👍 or 👎 under an answer (callback data `fb:<question>:u|d`, checked by the core's zod schema): the
 * vote goes to the chat core, whose acknowledgement is shown as the button's notice (answerCallbackQuery), not as a
 * new message in the chat. Any other button goes on to the choices feature.
 */
export function feedbackFeature(deps: AnswerDeps): Composer<TelegramContext> {
  const now = deps.now ?? (() => new Date());
  const composer = new Composer<TelegramContext>();
  composer.on('callback_query:data', async (ctx, next) => {
    const data = ctx.callbackQuery.data;
    if (!parseFeedbackData(data)) return next();
    const incoming = callbackToIncoming(ctx.callbackQuery, data, now());
    if (!incoming) return;
    await once(ctx, deps, async () => {
      ctx.intent = 'feedback';
      const [ack] = await deps.handle(incoming);
      await ctx.answerCallbackQuery(ack ? { text: ack.text } : {});
    });
  });
  return composer;
}
