import { Composer } from 'grammy';
import { BOT_TEXT_ONLY } from '../../../messages/index.js';
import type { TelegramContext } from '../context.js';

/** In a private chat, a photo, sticker or voice message is answered with a note that only text is read. */
export function nonTextFeature(): Composer<TelegramContext> {
  const composer = new Composer<TelegramContext>();
  composer.chatType('private').on('message', async (ctx) => {
    ctx.intent = 'non_text';
    await ctx.reply(BOT_TEXT_ONLY);
  });
  return composer;
}
