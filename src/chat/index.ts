/**
 * The channel-agnostic chat core. Adapters (Telegram, Zalo, terminal) turn platform updates into
 * `IncomingMessage`s and render the `Reply`s; every rule lives here.
 */
export * from './types.js';

/** `createChat({ plans, ask, progress, users, invites, clock, log?, commands? })` → the `ChatHandler`. */
export { createChat } from './create-chat.js';

/** The deps, the context a command receives, and the shape of plugged-in commands (`/digest`, `/baocao`...). */
export type { ChatDeps, ChatCommand, CommandContext, CommandHandler, ChatLog } from './deps.js';

/** The question answerer over the search, and the progress port search reads. */
export { createAsk, createProgressLookup } from './ask.js';

/** `userKeyOf({ channel: 'telegram', senderId: '42' })` → "tg:42". */
export { userKeyOf } from './user-key.js';
