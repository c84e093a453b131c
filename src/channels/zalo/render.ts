import type { Choice, Reply, ReplyFile } from '../../chat/index.js';
import {
  FEEDBACK_LABELS,
  ZALO_CHOICE_PROMPT,
  ZALO_FEEDBACK_LINE,
  zaloChoiceLine,
  zaloDocumentNotice,
} from '../../messages/index.js';
import { splitText } from '../split-text.js';

/** Zalo's limit on one text message, in characters. */
export const ZALO_TEXT_LIMIT = 2000;

/** One API call's worth of output: a text message or a photo by public URL. */
export type ZaloOutgoing = { kind: 'text'; text: string } | { kind: 'photo'; url: string };

/**
 * Gives a public URL for a file once it can be fetched there, or undefined when it cannot be published (Zalo only
 * sends photos by URL). Never rejects.
 */
export type PublicUrlFor = (file: ReplyFile) => Promise<string | undefined>;

/**
 * Renders one reply for Zalo: the text (choices appended as a numbered list, since Zalo has no buttons) split into
 * pieces of at most 2000 characters, then its file: a photo when it has a public URL, a document as a text saying
 * where to get it (`url`: its public URL, from a {@link PublicUrlFor}). A photo without a public URL (long polling) is
 * left out with its text, which only captions it.
 */
export function renderReply(reply: Reply, url?: string): ZaloOutgoing[] {
  if (reply.file?.kind === 'photo' && url === undefined) return [];
  const text = withChoices(reply);
  const out: ZaloOutgoing[] =
    text.trim().length > 0 ? splitText(text, ZALO_TEXT_LIMIT).map((piece) => ({ kind: 'text', text: piece })) : [];
  if (reply.file?.kind === 'document') out.push({ kind: 'text', text: zaloDocumentNotice(reply.file.fileName, url) });
  else if (url !== undefined) out.push({ kind: 'photo', url });
  return out;
}

/**
 * Whether the line asking to rate an answer goes under it: only on an answer that may be rated, offers no other
 * choice (whose numbers "1", "2" would clash) and has room for it in its one message (never a message of its own).
 */
const asksFeedback = (reply: Reply): boolean =>
  reply.feedback !== undefined &&
  (reply.choices?.length ?? 0) === 0 &&
  reply.file === undefined &&
  reply.text.trim().length + 1 + ZALO_FEEDBACK_LINE.length <= ZALO_TEXT_LIMIT;

/** The choices a number sent next picks in a reply: its own, or 1 = 👍 and 2 = 👎 under an answer asking for a rating. */
export function numberedChoices(reply: Reply): Choice[] {
  if (reply.feedback && asksFeedback(reply))
    return [
      { label: FEEDBACK_LABELS.up, data: reply.feedback.up },
      { label: FEEDBACK_LABELS.down, data: reply.feedback.down },
    ];
  return reply.choices ?? [];
}

function withChoices(reply: Reply): string {
  if (asksFeedback(reply)) return `${reply.text.trim()}\n${ZALO_FEEDBACK_LINE}`;
  const choices = reply.choices ?? [];
  if (choices.length === 0) return reply.text;
  const list = [ZALO_CHOICE_PROMPT, ...choices.map((choice, i) => zaloChoiceLine(i + 1, choice.label))].join('\n');
  return reply.text.trim().length > 0 ? `${reply.text}\n\n${list}` : list;
}
