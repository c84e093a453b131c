import type { Log } from '../../chat/index.js';
import type { UpdateInbox } from '../../tasks/index.js';
import type { ChatQueue } from '../chat-queue.js';
import { createInboxGate } from '../inbox-gate.js';
import type { ZaloClient } from './client.js';
import { parseUpdate, type ParsedUpdate, type ZaloUpdate } from './schema.js';

/** What {@link createZaloInbox} works with: the bot's client and chat queue, and the store's inbox. */
export type ZaloInboxDeps = {
  client: Pick<ZaloClient, 'processUpdate'>;
  chats: ChatQueue;
  /** Without it, updates go straight to the client's processUpdate and nothing is kept. */
  inbox?: UpdateInbox;
  log: Log;
  now?: () => Date;
};

/** The bot's way in for raw updates, through the inbox. */
export type ZaloInbox = {
  /**
   * Keeps a valid update in the inbox, then hands it to the bot unless it was handled before or is in hand already;
   * resolves once it is kept (not answered).
   */
  processUpdate(raw: unknown): Promise<ParsedUpdate>;
  /**
   * Hands the bot the updates a previous process kept and never finished (at start); with `receivedBefore`, those
   * another instance kept before then and left (see the inbox gate's replay).
   */
  replay(receivedBefore?: Date): Promise<void>;
};

/**
 * Zalo forgets an update once getUpdates returned it (and a webhook call once it was answered), so each valid update
 * is kept in the inbox first (awaited before the platform is answered), and done once answered: the bot's chat queue answers a chat's updates in
 * order, so a task queued right behind the answer runs when it is over. When the inbox fails, the update is answered
 * anyway (logged): it is no longer anywhere else.
 */
export function createZaloInbox(deps: ZaloInboxDeps): ZaloInbox {
  const { client, chats, inbox, log } = deps;
  const gate = createInboxGate<ZaloUpdate>({
    inbox,
    channel: 'zalo',
    idOf: (u) => u.message.message_id,
    log,
    now: deps.now,
  });

  const hand = (update: ZaloUpdate) => {
    const parsed = client.processUpdate(update);
    if (parsed.kind === 'update') void chats.run(update.message.chat.id, async () => gate.settle(update));
    else void gate.settle(update);
  };

  return {
    async processUpdate(raw) {
      const parsed = parseUpdate(raw);
      if (!inbox || parsed.kind !== 'update') return client.processUpdate(raw);
      let admitted: ZaloUpdate[];
      try {
        admitted = await gate.admit([parsed.update]);
      } catch (err) {
        log('error', 'zalo: could not keep an update in the inbox; answering it anyway', {
          messageId: parsed.update.message.message_id,
          err,
        });
        return client.processUpdate(raw);
      }
      for (const update of admitted) hand(update);
      return parsed;
    },
    async replay(receivedBefore) {
      for (const update of await gate.replay(receivedBefore)) hand(update);
    },
  };
}
