import type { ChatHandler, Log } from '../../chat/index.js';
import type { DeliveryLog, UpdateInbox } from '../../tasks/index.js';
import { createChatQueue, ignore, type ChatQueue } from '../chat-queue.js';
import type { Outbox } from '../outbox.js';
import type { Sleep } from '../sleep.js';
import { createChoiceMemory } from './choices.js';
import { createZaloClient, type ZaloClient } from './client.js';
import { createUpdateHandler } from './handle-update.js';
import { createZaloInbox, type ZaloInbox } from './inbox.js';
import type { PublicUrlFor } from './render.js';
import { createReplySender, type ZaloReplySender } from './send-replies.js';

/** What both Zalo modes (long polling, webhook) are built from. */
export type ZaloBotOptions = {
  /** ZALO_BOT_TOKEN. */
  token: string;
  /** ZALO_API_ROOT; default https://bot-api.zaloplatforms.com. */
  apiRoot?: string;
  /** The chat core. */
  handle: ChatHandler;
  log: Log;
  /** Publishes a chart so Zalo can show it (photos go by URL); without it photos are skipped. */
  publicUrlFor?: PublicUrlFor;
  /** Per-request timeout in milliseconds; default 10,000. */
  timeoutMs?: number;
  /** Injected in tests so retry-after and back-off waits take no time. */
  sleep?: Sleep;
  /** Paces sends and keeps each chat's order: give `createOutbox(ZALO_LIMITS)` in production. Default: calls go out at once. */
  outbox?: Outbox;
  /** The delivery log (`store.deliveries`): a message Zalo delivers again is answered once. Without it, every delivery is answered. */
  deliveries?: DeliveryLog;
  /**
   * The inbox (`store.inbox`): each update is kept before Zalo counts it delivered and done once answered;
   * what a killed process held is answered at the next start. Without it, such an update is lost.
   */
  inbox?: UpdateInbox;
};

/** A client whose valid updates are answered through the chat core, in order per chat, concurrently across chats. */
export type ZaloBot = {
  client: ZaloClient;
  /** Each chat's answers and pushes, in order. */
  chats: ChatQueue;
  /** Sends core replies to a chat outside an update (digests, reminders), after the chat's pending answers. */
  send: ZaloReplySender;
  /** Where raw updates come in (from getUpdates or a webhook call): kept in the inbox, then answered. */
  receive: ZaloInbox['processUpdate'];
  /** Answers the updates a previous process kept and never finished; call it once at start. */
  replay: ZaloInbox['replay'];
};

/** Wires a client to the chat core: each valid update from processUpdate (or `receive`, through the inbox) is answered through `handle`. */
export function createZaloBot(options: ZaloBotOptions): ZaloBot {
  const { token, apiRoot, log, timeoutMs, sleep, outbox } = options;
  const client = createZaloClient({ token, apiRoot, log, timeoutMs, sleep, outbox });
  const chats = createChatQueue();
  const choices = createChoiceMemory();
  const send = createReplySender({ client, choices, log, publicUrlFor: options.publicUrlFor });
  const answer = createUpdateHandler({
    client,
    handle: options.handle,
    log,
    choices,
    send,
    deliveries: options.deliveries,
  });
  client.onUpdate((update) => void chats.run(update.message.chat.id, () => answer(update)).catch(ignore));
  // Pushes queue behind the chat's pending answers, so a digest never lands in the middle of one.
  const push: ZaloReplySender = (chatId, replies, context) => chats.run(chatId, () => send(chatId, replies, context));
  const inbox = createZaloInbox({ client, chats, inbox: options.inbox, log });
  return { client, chats, send: push, receive: inbox.processUpdate, replay: inbox.replay };
}
