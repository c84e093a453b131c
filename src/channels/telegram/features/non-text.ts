import { Composer } from 'grammy';
import { BOT_TEXT_ONLY } from '../../../messages/index.js';
import type { AnswerOnceOptions } from '../../answer-once.js';
import { once } from '../answer.js';
import type { TelegramContext } from '../context.js';

/** In a private chat, a photo, sticker or voice message is answered (once) with a note that only text is read. */
export function nonTextFeature(deps: AnswerOnceOptions = {}): Composer<TelegramContext> {
  const composer = new Composer<TelegramContext>();
  composer.chatType('private').on('message', (ctx) =>
    once(ctx, deps, async () => {
      ctx.intent = 'non_text';
      await ctx.reply(BOT_TEXT_ONLY);
    }),
  );
  return composer;
}
