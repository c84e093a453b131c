import type { ChatHandler } from '../../chat/types.js';
import { createChoiceMemory } from './choices.js';
import { createZaloClient, type ZaloClient, type ZaloLog } from './client.js';
import { createUpdateHandler } from './handle-update.js';
import type { PublicUrlFor } from './render.js';
import { createChatSequencer, type ChatSequencer } from './sequencer.js';
import type { Sleep } from './transport.js';

/** What both Zalo modes (long polling, webhook) are built from. */
export type ZaloBotOptions = {
  /** ZALO_BOT_TOKEN. */
  token: string;
  /** ZALO_API_ROOT; default https://bot-api.zaloplatforms.com. */
  apiRoot?: string;
  /** The chat core. */
  handle: ChatHandler;
  log: ZaloLog;
  /** Publishes a chart so Zalo can show it (photos go by URL); without it photos are skipped. */
  publicUrlFor?: PublicUrlFor;
  /** Per-request timeout in milliseconds; default 10,000. */
  timeoutMs?: number;
  /** Injected in tests so retry-after and back-off waits take no time. */
  sleep?: Sleep;
};

/** A client whose valid updates are answered through the chat core, in order per chat, concurrently across chats. */
export type ZaloBot = { client: ZaloClient; sequencer: ChatSequencer };

export function createZaloBot(options: ZaloBotOptions): ZaloBot {
  const { token, apiRoot, log, timeoutMs, sleep } = options;
  const client = createZaloClient({ token, apiRoot, log, timeoutMs, sleep });
  const sequencer = createChatSequencer();
  const answer = createUpdateHandler({ client, handle: options.handle, log, choices: createChoiceMemory(), publicUrlFor: options.publicUrlFor });
  client.onUpdate((update) => sequencer.run(update.message.chat.id, () => answer(update)));
  return { client, sequencer };
}
