import type { Log, Reply } from '../../chat/index.js';
import type { ChoiceMemory } from './choices.js';
import type { ZaloClient } from './client.js';
import { numberedChoices, renderReply, type PublicUrlFor } from './render.js';

export type ReplySenderDeps = {
  client: Pick<ZaloClient, 'sendMessage' | 'sendPhoto'>;
  choices: ChoiceMemory;
  log: Log;
  publicUrlFor?: PublicUrlFor;
};

/** Sends core replies to one chat; resolves to how many Zalo messages went out. Never throws. */
export type ZaloReplySender = (chatId: string, replies: Reply[], context?: Record<string, unknown>) => Promise<number>;

/**
 * Builds the sender used for answers and pushes (digests, reminders) alike: it remembers the choices shown, so a
 * numbered answer reads back as that choice, then sends in order, stopping at the first failure (later pieces would
 * read out of context), which it logs.
 */
export function createReplySender(deps: ReplySenderDeps): ZaloReplySender {
  return async (chatId, replies, context = {}) => {
    deps.choices.remember(chatId, lastChoices(replies));
    const { publicUrlFor } = deps;
    const urls = await Promise.all(replies.map((r) => (r.file && publicUrlFor ? publicUrlFor(r.file) : undefined)));
    const outgoing = replies.flatMap((reply, i) => renderReply(reply, urls[i]));
    for (const [i, out] of outgoing.entries()) {
      try {
        if (out.kind === 'text') await deps.client.sendMessage(chatId, out.text);
        else await deps.client.sendPhoto(chatId, out.url);
      } catch (err) {
        deps.log('error', 'zalo: sending a reply failed', { ...context, chatId, piece: i, of: outgoing.length, err });
        return i;
      }
    }
    return outgoing.length;
  };
}

/**
 * The choices of the last reply offering some (an answer's rating counts): those are the ones a number refers to, and
 * only in the very next message (any other reply sent in between forgets them).
 */
function lastChoices(replies: Reply[]) {
  for (const reply of [...replies].reverse()) {
    const choices = numberedChoices(reply);
    if (choices.length > 0) return choices;
  }
  return [];
}
