import type { CallbackQuery, Document, Message, User, UserFromGetMe } from 'grammy/types';
import { incomingMessageSchema, type IncomingMessage } from '../../chat/index.js';

const COMMAND = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?=\s|$)/;
const NAME_LIMIT = 256;

/**
 * The core's message for a Telegram text message, or undefined when the bot should stay silent: in a group the
 * bot is addressed only by a command (not one for another bot), a mention of its @username, or a reply to one of
 * its messages; a message the core could not take (no date, an id too long: never from Telegram) is dropped.
 * The mention and a command's `@username` suffix are removed from the text.
 */
export function messageToIncoming(message: Message, me: UserFromGetMe): IncomingMessage | undefined {
  if (message.text === undefined || message.from === undefined) return undefined;
  const text = addressedText(message.text, message, me);
  return text === undefined ? undefined : accepted(fromMessage(message, message.from, text));
}

/** What every message a person sent gives the core: who, where, which message, when, and its text. */
const fromMessage = (message: Message, from: User, text: string): IncomingMessage => ({
  channel: 'telegram',
  senderId: String(from.id),
  senderName: displayName(from),
  chatId: String(message.chat.id),
  messageId: messageIdOf(message),
  text,
  sentAt: new Date(message.date * 1000),
  isChoice: false,
  inGroup: message.chat.type !== 'private',
});

/** The core's message for a document: its caption as text, its name and size, and how to download it. */
export function documentToIncoming(
  message: Message,
  document: Document,
  download: () => Promise<Buffer>,
): IncomingMessage | undefined {
  if (message.from === undefined) return undefined;
  const file = { fileName: document.file_name ?? 'tep', size: document.file_size ?? 0, download };
  return accepted({ ...fromMessage(message, message.from, message.caption ?? ''), file });
}

/** The core's id of a message: `<chat id>:<message_id>`, since message_id is unique only within its chat. */
export function messageIdOf(message: Pick<Message, 'chat' | 'message_id'>): string {
  return `${message.chat.id}:${message.message_id}`;
}

/**
 * The core's message for a pressed button: `text` is the choice's data, the callback id makes it unique;
 * undefined when the query is not one the core could take.
 */
export function callbackToIncoming(query: CallbackQuery, data: string, now: Date): IncomingMessage | undefined {
  return accepted({
    channel: 'telegram',
    senderId: String(query.from.id),
    senderName: displayName(query.from),
    chatId: String(query.message?.chat.id ?? query.from.id),
    messageId: `cb:${query.id}`,
    text: data,
    sentAt: now,
    isChoice: true,
  });
}

/** The message if the core accepts it: Telegram's updates always give one, a forged or garbled update may not. */
function accepted(message: IncomingMessage): IncomingMessage | undefined {
  return incomingMessageSchema.safeParse(message).success ? message : undefined;
}

/** The text meant for the bot, or undefined when a group message does not address it. */
export function addressedText(
  text: string,
  message: Pick<Message, 'chat' | 'reply_to_message'>,
  me: UserFromGetMe,
): string | undefined {
  const command = COMMAND.exec(text);
  const target = command?.[2];
  if (target !== undefined && target.toLowerCase() !== me.username.toLowerCase()) return undefined;
  const withoutSuffix = command && target !== undefined ? `/${command[1]}${text.slice(command[0].length)}` : text;
  if (message.chat.type === 'private' || command) return withoutSuffix.trim();
  const mention = new RegExp(`(^|[^\\w@])@${me.username}(?![\\w@])`, 'gi');
  const stripped = withoutSuffix.replace(mention, '$1');
  if (stripped !== withoutSuffix) return tidy(stripped);
  return message.reply_to_message?.from?.id === me.id ? text.trim() : undefined;
}

/** Removes the punctuation and spaces a removed mention leaves behind ("@bot, ai chủ trì?" → "ai chủ trì?"). */
function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/^[\s,:;.!-]+/, '')
    .trim();
}

function displayName(user: User): string {
  return [user.first_name, user.last_name].filter(Boolean).join(' ').slice(0, NAME_LIMIT);
}
