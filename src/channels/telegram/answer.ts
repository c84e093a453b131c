import type { ChatHandler, IncomingMessage } from '../../chat/index.js';
import { answerOnce, type AnswerOnceOptions, type Delivery } from '../answer-once.js';
import type { CallbackData } from './callback-data.js';
import type { TelegramContext } from './context.js';
import { sendReplies } from './send-replies.js';

/** What the features need to answer a message: the core, button data, and the delivery log (`deliveries`, `now`). */
export type AnswerDeps = AnswerOnceOptions & {
  handle: ChatHandler;
  callbackData: CallbackData;
};

/**
 * Hands one message to the chat core with "typing…" sent meanwhile (not waited for), then sends the replies; a message delivered
 * again is answered once. Records the intent on the context for the update's log line.
 */
export async function answer(ctx: TelegramContext, incoming: IncomingMessage, deps: AnswerDeps): Promise<void> {
  ctx.log('debug', 'telegram: message received', { text: incoming.text });
  await once(ctx, deps, async () => {
    ctx.intent = intentOf(incoming);
    // Sent while the answer is computed and never waited for: the reply costs no extra round trip. A failed chat
    // action is already logged by the API transformer and must not block the answer.
    void ctx.api.sendChatAction(incoming.chatId, 'typing').catch(() => undefined);
    const computing = performance.now();
    const replies = await deps.handle(incoming);
    ctx.coreMs = Math.round((performance.now() - computing) * 10) / 10;
    await sendReplies(ctx.api, incoming.chatId, replies, deps.callbackData.encode);
  });
}

/**
 * Runs `work` for the context's update unless it was answered already (claimed by its update_id, the inbox's key); a
 * duplicate is dropped silently, logged at debug (the update then counts as ignored in its log line).
 */
export async function once(ctx: TelegramContext, deps: AnswerOnceOptions, work: () => Promise<void>): Promise<void> {
  const delivery: Delivery = { channel: 'telegram', id: String(ctx.update.update_id) };
  const outcome = await answerOnce(deps, delivery, work);
  if (outcome === 'duplicate') ctx.log('debug', 'telegram: message delivered again, already answered', {});
}

/** The command name ("capnhat"), "choice" for a pressed button, "file" for a document, or "text". */
export function intentOf(incoming: IncomingMessage): string {
  if (incoming.isChoice) return 'choice';
  if (incoming.file) return 'file';
  return /^\/([A-Za-z0-9_]+)/.exec(incoming.text)?.[1]?.toLowerCase() ?? 'text';
}
