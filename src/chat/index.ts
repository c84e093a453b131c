/**
 * The channel-agnostic chat core. Adapters (Telegram, Zalo, terminal) turn platform updates into
 * `IncomingMessage`s and render the `Reply`s; every rule lives here.
 */
export * from './types.js';

/** `createChat({ knowledge, ask, progress, users, invites, clock, reportCommands, log? })` → the `ChatHandler`. */
export { createChat } from './create-chat.js';

/** The deps, the context a command receives, and the digest and report commands the composition root gives. */
export type {
  ChatDeps,
  CommandContext,
  CommandHandler,
  DashboardLinks,
  ReportCommandId,
  ReportCommands,
} from './deps.js';

/** The one logging port `log(level, msg, data)` (declared in tasks), for the channels that wrap the core. */
export type { Log, LogLevel } from '../tasks/index.js';

/**
 * The plans with their search index, in a holder the running assistant swaps when a plan file changes:
 * `createKnowledgeHolder(loadKnowledge("knowledge").plans)`; `holder.swap(knowledgeOf(plans))`.
 */
export { createKnowledgeHolder, knowledgeOf, type Knowledge, type KnowledgeHolder } from './knowledge.js';

/** The question answerer over the search, and the progress port search reads. */
export { createAsk, createProgressReader, type AskOptions } from './ask.js';

/**
 * Votes on answers: `feedbackChoices(12)` → `{ up: "fb:12:u", down: "fb:12:d" }`, the data the channels send back;
 * `parseFeedbackData("fb:12:d")` → `{ questionId: 12, vote: "down" }` (zod-checked; undefined for anything else).
 */
export { feedbackChoices, feedbackDataSchema, parseFeedbackData, type FeedbackData } from './feedback.js';

/**
 * One conversation per chat: `converse(index, text, { today, now, chatId, store })` answers small talk, "chi tiết"
 * (the next page) and follow-ups ("hạn khi nào?") from what the chat last talked about; the store is a port
 * (`createMemoryConversations()` keeps each chat 30 minutes in this process, `createStoredConversations(log)` in the
 * database every instance shares).
 */
export {
  converse,
  createMemoryConversations,
  createStoredConversations,
  CONVERSATION_TTL_MS,
  type ChatMemory,
  type ConversationStore,
  type ConverseOptions,
} from './conversation.js';

/** `userKeyOf({ channel: 'telegram', senderId: '42' })` → "tg:42". */
export { userKeyOf } from './user-key.js';
