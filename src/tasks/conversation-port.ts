/**
 * Each chat's conversation memory (what it last talked about, the pages of a long reply not yet shown), kept where
 * every instance sees it: a follow-up may reach another instance than the question it follows. The memory is the chat
 * core's own text; the store keeps it as given.
 */
export type ConversationLog = {
  /** The chat's memory, unless it was last kept before `since`. */
  get(chatId: string, since: Date): Promise<string | undefined>;
  /** Keeps the chat's memory as of `now`; memories last kept before `forgetBefore` (any chat's) are dropped. */
  set(chatId: string, memory: string, now: Date, forgetBefore: Date): Promise<void>;
};
