import type { ChatHandler, IncomingMessage } from '../../chat/index.js';
import type { CallbackData } from './callback-data.js';
import type { TelegramContext } from './context.js';
import { sendReplies } from './send-replies.js';

/** What the features need to answer a message. */
export type AnswerDeps = {
  handle: ChatHandler;
  callbackData: CallbackData;
};

/**
 * Hands one message to the chat core with "typing…" shown meanwhile, then sends the replies.
 * Records the intent on the context for the update's log line.
 */
export async function answer(ctx: TelegramContext, incoming: IncomingMessage, deps: AnswerDeps): Promise<void> {
  ctx.intent = intentOf(incoming);
  ctx.log.debug({ text: incoming.text }, 'telegram: message received');
  // A failed chat action is already logged by the API transformer and must not block the answer.
  const typing = ctx.api.sendChatAction(incoming.chatId, 'typing').catch(() => undefined);
  const replies = await deps.handle(incoming);
  await typing;
  await sendReplies(ctx.api, incoming.chatId, replies, deps.callbackData.encode);
}

/** The command name ("capnhat"), "choice" for a pressed button, or "text". */
export function intentOf(incoming: IncomingMessage): string {
  if (incoming.isChoice) return 'choice';
  return /^\/([A-Za-z0-9_]+)/.exec(incoming.text)?.[1]?.toLowerCase() ?? 'text';
}
