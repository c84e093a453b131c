import { atHanoiTime, toIsoDay } from '../calendar/index.js';
import type { ProgressLookup } from '../search/index.js';
import { deriveTaskState, type ProgressStore } from '../tasks/index.js';
import { converse, createMemoryConversations, type ConversationStore } from './conversation.js';
import type { ChatDeps } from './deps.js';

/**
 * The search's progress port, read from the derived task state `/tiendo` shows (latest status of the current period;
 * done late is done late).
 */
export function createProgressLookup(progress: ProgressStore): ProgressLookup {
  return (task, today) => {
    const state = deriveTaskState(task, progress.listForTask(task.plan, task.no), atHanoiTime(today, '12:00'));
    const last = state.lastStatusUpdate;
    if (!last?.status) return undefined;
    return {
      status: last.status,
      percent: last.status === 'done' ? 100 : last.percent,
      updatedOn: toIsoDay(last.createdAt),
      ...(state.kind === 'done_late' ? { doneLateDays: state.daysLate } : {}),
    };
  };
}

/**
 * The `ask` port of the chat core over the search: answers from the plans and from reported progress,
 * scoped to the asker's plan when they have one, over the search index the message arrived with, as one conversation
 * per chat (follow-ups, "chi tiết", small talk; `conversations` keeps each chat's memory).
 * `createAsk(store.progress)`.
 */
export function createAsk(
  progress: ProgressStore,
  conversations: ConversationStore = createMemoryConversations(),
): ChatDeps['ask'] {
  const lookup = createProgressLookup(progress);
  return (question, ctx) => {
    const reply = converse(ctx.knowledge.index, question, {
      today: toIsoDay(ctx.now),
      now: ctx.now,
      chatId: `${ctx.message.channel}:${ctx.message.chatId}`,
      store: conversations,
      ...(ctx.plan ? { askerPlan: ctx.plan.id } : {}),
      progress: lookup,
    });
    return [{ text: reply.text }];
  };
}
