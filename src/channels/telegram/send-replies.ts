import { InputFile, type Api, type Bot } from 'grammy';
import type { Reply } from '../../chat/index.js';
import { callbackDataFor } from './callback-data.js';
import type { TelegramContext } from './context.js';
import { renderReply, type OutgoingMessage } from './render.js';

/**
 * Sends core replies to a chat outside an update (digests, reminders), with buttons that the bot's features
 * understand when pressed; returns how many Telegram messages went out.
 */
export function sendTelegramReplies(bot: Bot<TelegramContext>, chatId: string, replies: Reply[]): Promise<number> {
  return sendReplies(bot.api, chatId, replies, callbackDataFor(bot).encode);
}

/** Sends the core's replies to one chat, in order; returns how many Telegram messages went out. */
export async function sendReplies(
  api: Api,
  chatId: string,
  replies: Reply[],
  encodeData: (data: string) => string,
): Promise<number> {
  let sent = 0;
  for (const reply of replies) {
    for (const message of renderReply(reply, encodeData)) {
      await sendOne(api, chatId, message);
      sent++;
    }
  }
  return sent;
}

async function sendOne(api: Api, chatId: string, message: OutgoingMessage): Promise<void> {
  const reply_markup = message.keyboard;
  if (message.kind === 'text') {
    await api.sendMessage(chatId, message.html, {
      parse_mode: 'HTML',
      reply_markup,
      link_preview_options: { is_disabled: true },
    });
    return;
  }
  const input = new InputFile(message.file.content, message.file.fileName);
  const options = { caption: message.captionHtml, parse_mode: 'HTML' as const, reply_markup };
  if (message.file.kind === 'photo') await api.sendPhoto(chatId, input, options);
  else await api.sendDocument(chatId, input, options);
}
