/**
 * The channel-agnostic chat core. Adapters (Telegram, Zalo, terminal) turn platform updates into
 * `IncomingMessage`s and render the `Reply`s; every rule lives here.
 */
export * from './types.js';

/** `createChat({ knowledge, ask, progress, users, invites, clock, log?, commands? })` → the `ChatHandler`. */
export { createChat } from './create-chat.js';

/** The deps, the context a command receives, and the shape of plugged-in commands (`/digest`, `/baocao`...). */
export type { ChatDeps, ChatCommand, CommandContext, CommandHandler } from './deps.js';

/** The one logging port `log(level, msg, data)` (declared in tasks), for the channels that wrap the core. */
export type { Log, LogLevel } from '../tasks/index.js';

/**
 * The plans with their search index, in a holder the running assistant swaps when a plan file changes:
 * `createKnowledgeHolder(loadKnowledge("knowledge").plans)`; `holder.swap(knowledgeOf(plans))`.
 */
export { createKnowledgeHolder, knowledgeOf, type Knowledge, type KnowledgeHolder } from './knowledge.js';

/** The question answerer over the search, and the progress port search reads. */
export { createAsk, createProgressLookup } from './ask.js';

/** `userKeyOf({ channel: 'telegram', senderId: '42' })` → "tg:42". */
export { userKeyOf } from './user-key.js';

/**
 * Flood control around the core: `withRateLimit(chat, { now })` lets a person send 20 messages a minute (10 at once);
 * over that the first message gets "Bạn gửi nhanh quá…" and the rest no reply, and none reaches the core.
 */
export { withRateLimit, type RateLimitOptions } from './rate-limit.js';

/** Keyed token buckets over an injected time (`createTokenBuckets({ count: 1, perMs: 1000, burst: 3 })`); channels pace sends with them. */
export { createTokenBuckets, type TokenBuckets, type TokenRate } from './token-buckets.js';

/** Plan files sent by an admin: the port reading and storing them, what is shown before storing, and why one is refused. */
export type { PlanIntake, PlanUpload, PlanUploadError } from './plan-upload-types.js';
