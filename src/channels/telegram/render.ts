import { InlineKeyboard } from 'grammy';
import type { Choice, FeedbackChoices, Reply, ReplyFile, ReplyLink } from '../../chat/index.js';
import { FEEDBACK_LABELS } from '../../messages/index.js';
import { splitText } from '../split-text.js';
import { escapeHtml } from './escape-html.js';

/** Telegram's limit for a message text, in characters after entity parsing. */
export const TEXT_LIMIT = 4096;
/** Telegram's limit for a photo or document caption. */
export const CAPTION_LIMIT = 1024;

/** One Bot API call a reply turns into: a text message, or a file with an optional caption. Texts are HTML. */
export type OutgoingMessage =
  | { kind: 'text'; html: string; keyboard?: InlineKeyboard }
  | { kind: 'file'; file: ReplyFile; captionHtml?: string; keyboard?: InlineKeyboard };

const escapedLength = (text: string) => escapeHtml(text).length;

/**
 * Turns one core reply into the messages to send, in order: the text escaped for HTML and split on line breaks
 * into pieces of at most 4096 escaped characters (split before escaping, so no piece cuts an entity), the choices
 * as one button per row on the last message (then 👍/👎 side by side on an answer that may be rated), and a file
 * with the text as caption when it fits there.
 */
export function renderReply(reply: Reply, encodeData: (data: string) => string): OutgoingMessage[] {
  const keyboard = keyboardOf(reply, encodeData);
  const text = reply.text.trim();
  if (reply.file && escapedLength(text) <= CAPTION_LIMIT) {
    return [
      {
        kind: 'file',
        file: reply.file,
        ...(text ? { captionHtml: escapeHtml(text) } : {}),
        ...(keyboard ? { keyboard } : {}),
      },
    ];
  }
  const pieces = text ? splitText(text, TEXT_LIMIT, escapedLength).map(escapeHtml) : [];
  const messages: OutgoingMessage[] = pieces.map((html) => ({ kind: 'text', html }));
  if (reply.file) messages.push({ kind: 'file', file: reply.file });
  const last = messages.at(-1);
  if (last && keyboard) last.keyboard = keyboard;
  return messages;
}

function keyboardOf(reply: Reply, encodeData: (data: string) => string): InlineKeyboard | undefined {
  if (reply.link) return linkKeyboard(reply.link);
  const choices = reply.choices && reply.choices.length > 0 ? renderKeyboard(reply.choices, encodeData) : undefined;
  if (!reply.feedback) return choices;
  const votes = feedbackButtons(reply.feedback, encodeData);
  return choices ? choices.row(...votes) : InlineKeyboard.from([votes]);
}

/** 👍 and 👎 on one row. */
const feedbackButtons = (feedback: FeedbackChoices, encodeData: (data: string) => string) => [
  InlineKeyboard.text(FEEDBACK_LABELS.up, encodeData(feedback.up)),
  InlineKeyboard.text(FEEDBACK_LABELS.down, encodeData(feedback.down)),
];

/** One button per choice, each on its own row (labels are task titles, too long to sit side by side). */
export function renderKeyboard(choices: Choice[], encodeData: (data: string) => string): InlineKeyboard {
  return InlineKeyboard.from(choices.map((choice) => [InlineKeyboard.text(choice.label, encodeData(choice.data))]));
}

/** A link as a URL button, and the Mini App (web_app) button beside it when there is one. */
function linkKeyboard(link: ReplyLink): InlineKeyboard {
  const keyboard = new InlineKeyboard().url(link.label, link.url);
  return link.miniApp ? keyboard.row().webApp(link.miniApp.label, link.miniApp.url) : keyboard;
}
