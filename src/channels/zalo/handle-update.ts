import type { ChatHandler, Log, Reply } from '../../chat/index.js';
import { BOT_APOLOGY, BOT_TEXT_ONLY } from '../../messages/index.js';
import { answerOnce, type AnswerOnceOptions } from '../answer-once.js';
import type { ChoiceMemory } from './choices.js';
import type { ZaloClient } from './client.js';
import type { ZaloUpdate } from './schema.js';
import type { ZaloReplySender } from './send-replies.js';
import { intentOf, isAddressedToBot, toIncomingMessage } from './to-message.js';

/** The delivery log (`deliveries`, `owner`, `now`, `sleep`) makes a message Zalo delivers again answered once. */
export type UpdateHandlerDeps = AnswerOnceOptions & {
  client: Pick<ZaloClient, 'sendChatAction'>;
  /** The chat core. */
  handle: ChatHandler;
  log: Log;
  choices: ChoiceMemory;
  send: ZaloReplySender;
};

type Context = { channel: 'zalo'; userId: string; chatId: string; messageId: string };

/** Builds the function that answers one update end to end: typing, the core, rendering, sending. It never throws. */
export function createUpdateHandler(deps: UpdateHandlerDeps): (update: ZaloUpdate) => Promise<void> {
  return async (update) => {
    const started = performance.now();
    const { message } = update;
    const context: Context = {
      channel: 'zalo',
      userId: message.from.id,
      chatId: message.chat.id,
      messageId: message.message_id,
    };
    if (!isAddressedToBot(update)) return deps.log('debug', 'zalo: group message not addressed to the bot', context);
    const outcome = await answerOnce(deps, { channel: 'zalo', id: context.messageId }, async () => {
      const { intent, sent } = await answerUpdate(update, context, deps);
      const ms = Math.round(performance.now() - started);
      deps.log('info', 'zalo: update handled', { ...context, intent, sent, ms });
    }).catch((err: unknown) =>
      deps.log('error', 'zalo: delivery log failed, message left unanswered', { ...context, err }),
    );
    if (outcome === 'duplicate') deps.log('debug', 'zalo: message delivered again, already answered', context);
  };
}

async function answerUpdate(
  update: ZaloUpdate,
  context: Context,
  deps: UpdateHandlerDeps,
): Promise<{ intent: string; sent: number }> {
  const incoming = toIncomingMessage(update, deps.choices);
  let replies: Reply[] = [{ text: BOT_TEXT_ONLY }];
  if (incoming) {
    deps.log('debug', 'zalo: message received', { ...context, text: incoming.text });
    // Sent while the answer is computed and never waited for: the reply costs no extra round trip.
    void deps.client
      .sendChatAction(incoming.chatId, 'typing')
      .catch((err: unknown) => deps.log('debug', 'zalo: typing failed', { ...context, err }));
    replies = await deps.handle(incoming).catch((err: unknown) => {
      deps.log('error', 'zalo: chat handler failed', { ...context, err });
      return [{ text: BOT_APOLOGY }];
    });
  }
  const sent = await deps.send(update.message.chat.id, replies, context);
  return { intent: incoming ? intentOf(incoming) : 'non_text', sent };
}
