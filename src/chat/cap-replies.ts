import { replyCutText } from '../messages/index.js';
import { cutAtWord } from '../text/index.js';
import type { Reply } from './types.js';

/** At most this many messages answer one message. */
export const MAX_REPLIES = 5;
/** At most this many characters of text in all of them: about three Telegram messages, six on Zalo. */
export const MAX_REPLY_CHARS = 12_000;

/**
 * The replies kept within MAX_REPLIES and MAX_REPLY_CHARS, whatever the data behind them (a plan with its task
 * table pasted forty times gave answers of hundreds of messages): the reply that reaches a limit is cut at a word
 * and says it was shortened, the ones after it are dropped. Files and choices of kept replies stay.
 */
export function capReplies(replies: Reply[]): Reply[] {
  const kept: Reply[] = [];
  let room = MAX_REPLY_CHARS;
  for (const [i, reply] of replies.entries()) {
    const lastAllowed = kept.length === MAX_REPLIES - 1 && i < replies.length - 1;
    if (reply.text.length > room || lastAllowed) return [...kept, { ...reply, text: shortened(reply.text, room) }];
    kept.push(reply);
    room -= reply.text.length;
  }
  return kept;
}

const shortened = (text: string, room: number): string =>
  `${cutAtWord(text, Math.max(0, room - replyCutText.length - 1))}\n${replyCutText}`;
