import type { ChatHandler, Reply } from '../../chat/types.js';
import { ZALO_APOLOGY, ZALO_TEXT_ONLY } from '../../messages/index.js';
import type { ChoiceMemory } from './choices.js';
import type { ZaloClient, ZaloLog } from './client.js';
import { renderReply, type PublicUrlFor, type ZaloOutgoing } from './render.js';
import type { ZaloUpdate } from './schema.js';
import { toIncomingMessage } from './to-message.js';

export type UpdateHandlerDeps = {
  client: Pick<ZaloClient, 'sendMessage' | 'sendPhoto' | 'sendChatAction'>;
  /** The chat core. */
  handle: ChatHandler;
  log: ZaloLog;
  choices: ChoiceMemory;
  publicUrlFor?: PublicUrlFor;
};

/** Builds the function that answers one update end to end: typing, the core, rendering, sending. It never throws. */
export function createUpdateHandler(deps: UpdateHandlerDeps): (update: ZaloUpdate) => Promise<void> {
  return async (update) => {
    const started = performance.now();
    const { message } = update;
    const context = { channel: 'zalo', userId: message.from.id, chatId: message.chat.id, messageId: message.message_id };
    const incoming = toIncomingMessage(update, deps.choices);
    let replies: Reply[] = [{ text: ZALO_TEXT_ONLY }];
    if (incoming) {
      await deps.client.sendChatAction(incoming.chatId, 'typing').catch((err: unknown) => deps.log('debug', 'zalo: typing failed', { ...context, err }));
      replies = await deps.handle(incoming).catch((err: unknown) => {
        deps.log('error', 'zalo: chat handler failed', { ...context, err });
        return [{ text: ZALO_APOLOGY }];
      });
    }
    deps.choices.remember(message.chat.id, lastChoices(replies));
    const outgoing = replies.flatMap((reply) => renderReply(reply, deps.publicUrlFor));
    const sent = await send(deps, message.chat.id, outgoing, context);
    const ms = Math.round(performance.now() - started);
    deps.log('info', 'zalo: update handled', { ...context, event: update.event_name, isChoice: incoming?.isChoice ?? false, sent, ms });
  };
}

/** The choices of the last reply offering some: those are the ones a number refers to. */
function lastChoices(replies: Reply[]) {
  return [...replies].reverse().find((reply) => (reply.choices?.length ?? 0) > 0)?.choices ?? [];
}

/** Sends in order; stops at the first failure (later pieces would read out of context). Returns how many went out. */
async function send(deps: UpdateHandlerDeps, chatId: string, outgoing: ZaloOutgoing[], context: object): Promise<number> {
  for (const [i, out] of outgoing.entries()) {
    try {
      if (out.kind === 'text') await deps.client.sendMessage(chatId, out.text);
      else await deps.client.sendPhoto(chatId, out.url);
    } catch (err) {
      deps.log('error', 'zalo: sending a reply failed', { ...context, piece: i, of: outgoing.length, err });
      return i;
    }
  }
  return outgoing.length;
}
