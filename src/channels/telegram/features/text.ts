import { Composer } from 'grammy';
import { answer, type AnswerDeps } from '../answer.js';
import type { TelegramContext } from '../context.js';
import { messageToIncoming } from '../to-message.js';

/** Text messages addressed to the bot go to the chat core; the rest of a group's talk is left alone. */
export function textFeature(deps: AnswerDeps): Composer<TelegramContext> {
  const composer = new Composer<TelegramContext>();
  composer.on('message:text', async (ctx) => {
    const incoming = messageToIncoming(ctx.msg, ctx.me);
    if (incoming) await answer(ctx, incoming, deps);
  });
  return composer;
}
