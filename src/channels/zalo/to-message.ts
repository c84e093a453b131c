import type { IncomingMessage } from '../../chat/index.js';
import type { ChoiceMemory } from './choices.js';
import type { ZaloUpdate } from './schema.js';

/**
 * Converts a Zalo update into the chat core's message, or undefined when it carries no text the core can read
 * (image, sticker, unsupported). A numbered answer to the choices last shown in the chat becomes that choice's data.
 */
export function toIncomingMessage(update: ZaloUpdate, choices: ChoiceMemory): IncomingMessage | undefined {
  const { message } = update;
  if (update.event_name !== 'message.text.received' || message.text === undefined) return undefined;
  const picked = choices.pick(message.chat.id, message.text);
  return {
    channel: 'zalo',
    senderId: message.from.id,
    senderName: message.from.display_name ?? message.from.name ?? '',
    chatId: message.chat.id,
    messageId: message.message_id,
    text: picked ?? message.text,
    sentAt: new Date(message.date),
    isChoice: picked !== undefined,
    inGroup: message.chat.chat_type?.toUpperCase() === 'GROUP',
  };
}

/**
 * Whether the bot should answer at all: always in a private chat; in a group only a command ("/viec"), so the bot
 * does not answer every message people exchange there (like Telegram's privacy mode).
 */
export function isAddressedToBot(update: ZaloUpdate): boolean {
  const { chat, text } = update.message;
  return chat.chat_type?.toUpperCase() !== 'GROUP' || /^\s*\//.test(text ?? '');
}

/** What the message asks for, for the log line: the command name ("capnhat"), "choice", or "text". */
export function intentOf(message: IncomingMessage): string {
  const command = /^\s*\/([A-Za-z0-9_]+)/.exec(message.text);
  return message.isChoice ? 'choice' : (command?.[1]?.toLowerCase() ?? 'text');
}
