import type { IsoDay } from '../calendar/index.js';
import { answerPages, NO_MORE_TEXT, smallTalkText } from '../messages/index.js';
import { answerQuestion, type Answer, type Focus, type ProgressLookup, type SearchIndex } from '../search/index.js';
import type { ConversationLog } from '../tasks/index.js';
import { tokenize } from '../text/index.js';
import { z } from 'zod';
import { DETAIL_WORDS } from './lexicon.js';
import { smallTalkOf } from './small-talk.js';

/** What one chat remembers for a while: what was last talked about, and the pages of a long reply not yet shown. */
export type ChatMemory = { focus: Focus | null; pages: string[]; shown: number };

/** Where each chat's memory is kept: in this process's memory, or in the database every instance shares. */
export type ConversationStore = {
  /** The chat's memory, unless it is older than the store keeps one. */
  get(chatId: string, now: Date): Promise<ChatMemory | undefined>;
  set(chatId: string, memory: ChatMemory, now: Date): Promise<void>;
};

/** How long a chat's memory lasts after its last message: a follow-up comes within minutes, not the next day. */
export const CONVERSATION_TTL_MS = 30 * 60_000;
/** Most chats remembered at once; the longest idle is forgotten first. */
const MAX_CHATS = 10_000;

/** A store in this process's memory (lost on restart), keeping each chat for `ttlMs` after its last message. */
export function createMemoryConversations(ttlMs = CONVERSATION_TTL_MS): ConversationStore {
  const chats = new Map<string, { memory: ChatMemory; at: number }>();
  return {
    async get(chatId, now) {
      const kept = chats.get(chatId);
      if (!kept || now.getTime() - kept.at > ttlMs) return undefined;
      return kept.memory;
    },
    async set(chatId, memory, now) {
      chats.delete(chatId);
      chats.set(chatId, { memory, at: now.getTime() });
      if (chats.size > MAX_CHATS) chats.delete(chats.keys().next().value!);
    },
  };
}

/** A memory as the conversation log keeps it: what was talked about as the search left it, and the pages. */
const keptMemorySchema = z.object({
  focus: z.custom<Focus>((value) => typeof value === 'object').nullable(),
  pages: z.array(z.string()),
  shown: z.number().int().nonnegative(),
});

/**
 * A store in the database's conversation log (`store.conversations`), which every instance sees: a follow-up is read
 * in the light of its question whichever instance each reached. A memory that does not read back is forgotten.
 */
export function createStoredConversations(log: ConversationLog, ttlMs = CONVERSATION_TTL_MS): ConversationStore {
  return {
    async get(chatId, now) {
      const kept = await log.get(chatId, new Date(now.getTime() - ttlMs));
      if (kept === undefined) return undefined;
      let json: unknown;
      try {
        json = JSON.parse(kept);
      } catch {
        return undefined;
      }
      const read = keptMemorySchema.safeParse(json);
      return read.success ? read.data : undefined;
    },
    set: (chatId, memory, now) => log.set(chatId, JSON.stringify(memory), now, new Date(now.getTime() - ttlMs)),
  };
}

/** What a conversational reply needs besides the text. */
export type ConverseOptions = {
  today: IsoDay;
  now: Date;
  /** The chat the message came in (its memory); none: the message is read alone. */
  chatId?: string;
  store?: ConversationStore;
  askerPlan?: string;
  /** Reads the progress of the plans an answer looks at; without it, answers leave progress out. */
  progress?: ProgressReader;
};

/**
 * The progress of some plans, read ahead: the search asks for a task's progress synchronously, the store answers
 * through Promises, so the plans an answer needs are read first (see {@link converse}).
 */
export type ProgressReader = (plans: ReadonlySet<string>) => Promise<ProgressLookup>;

const asksDetail = (text: string) => DETAIL_WORDS.includes(tokenize(text).join(' '));

/**
 * The reply to one message of a conversation: small talk answered in kind, "chi tiết" with the next page of the last
 * reply, anything else answered from the plans in the light of what the chat last talked about (for 30 minutes).
 * `answer`: the answer given (null for small talk and further pages).
 */
export async function converse(
  index: SearchIndex,
  text: string,
  options: ConverseOptions,
): Promise<{ text: string; answer: Answer | null }> {
  const small = smallTalkOf(text);
  if (small) return { text: smallTalkText(small), answer: null };
  const { chatId, store, now } = options;
  const memory = chatId !== undefined ? await store?.get(chatId, now) : undefined;
  if (asksDetail(text) && memory) {
    const page = memory.pages[memory.shown];
    if (page === undefined) return { text: NO_MORE_TEXT, answer: null };
    await store!.set(chatId!, { ...memory, shown: memory.shown + 1 }, now);
    return { text: page, answer: null };
  }
  const answerWith = (progress: ProgressLookup | undefined) =>
    answerQuestion(index, text, {
      today: options.today,
      ...(options.askerPlan ? { askerPlan: options.askerPlan } : {}),
      ...(progress ? { progress } : {}),
      ...(memory?.focus ? { focus: memory.focus } : {}),
    });
  const answer = options.progress ? await answerWithProgress(answerWith, options.progress) : answerWith(undefined);
  const pages = answerPages(answer);
  if (chatId !== undefined) await store?.set(chatId, { focus: answer.focus, pages, shown: 1 }, now);
  return { text: pages[0]!, answer };
}

/**
 * Answers twice when the answer looks at progress: first to learn which plans' progress it asks for (answered as
 * unknown), then with those plans' progress read. The search is pure and fast (under a millisecond), so the first
 * pass costs less than reading every plan's progress for each question.
 */
async function answerWithProgress(
  answerWith: (progress: ProgressLookup) => Answer,
  read: ProgressReader,
): Promise<Answer> {
  const wanted = new Set<string>();
  const first = answerWith((task) => {
    wanted.add(task.plan);
    return undefined;
  });
  return wanted.size === 0 ? first : answerWith(await read(wanted));
}
