import type { Reply, ReplyFile } from '../../chat/index.js';
import { ZALO_CHOICE_PROMPT, zaloChoiceLine, zaloDocumentNotice } from '../../messages/index.js';
import { splitText } from '../split-text.js';

/** Zalo's limit on one text message, in characters. */
export const ZALO_TEXT_LIMIT = 2000;

/** One API call's worth of output: a text message or a photo by public URL. */
export type ZaloOutgoing = { kind: 'text'; text: string } | { kind: 'photo'; url: string };

/** Gives a public URL for a file, or undefined when it cannot be published (Zalo only sends photos by URL). */
export type PublicUrlFor = (file: ReplyFile) => string | undefined;

/**
 * Renders one reply for Zalo: the text (choices appended as a numbered list, since Zalo has no buttons) split into
 * pieces of at most 2000 characters, then its file: a photo when it has a public URL, a document as a text saying
 * where to get it. A photo without a public URL (long polling) is left out with its text, which only captions it.
 */
export function renderReply(reply: Reply, publicUrlFor?: PublicUrlFor): ZaloOutgoing[] {
  const url = reply.file ? publicUrlFor?.(reply.file) : undefined;
  if (reply.file?.kind === 'photo' && url === undefined) return [];
  const text = withChoices(reply);
  const out: ZaloOutgoing[] =
    text.trim().length > 0 ? splitText(text, ZALO_TEXT_LIMIT).map((piece) => ({ kind: 'text', text: piece })) : [];
  if (reply.file?.kind === 'document') out.push({ kind: 'text', text: zaloDocumentNotice(reply.file.fileName, url) });
  else if (url !== undefined) out.push({ kind: 'photo', url });
  return out;
}

function withChoices(reply: Reply): string {
  const choices = reply.choices ?? [];
  if (choices.length === 0) return reply.text;
  const list = [ZALO_CHOICE_PROMPT, ...choices.map((choice, i) => zaloChoiceLine(i + 1, choice.label))].join('\n');
  return reply.text.trim().length > 0 ? `${reply.text}\n\n${list}` : list;
}
