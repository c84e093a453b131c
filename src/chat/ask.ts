import { atHanoiTime, toIsoDay } from '../calendar/index.js';
import { deriveTaskState, type ProgressStore, type QuestionLog, type UpdateRecord } from '../tasks/index.js';
import { converse, createMemoryConversations, type ConversationStore, type ProgressReader } from './conversation.js';
import type { ChatDeps } from './deps.js';
import { feedbackChoices } from './feedback.js';
import { logQuestion } from './log-question.js';
import type { Reply } from './types.js';

/**
 * The search's progress port over the plans asked for, each plan's rows read once: the derived task state `/tiendo`
 * shows (latest status of the current period; done late is done late).
 */
export function createProgressReader(progress: ProgressStore): ProgressReader {
  return async (plans) => {
    const byTask = new Map<string, UpdateRecord[]>();
    for (const rows of await Promise.all([...plans].map((plan) => progress.listForPlan(plan))))
      for (const row of rows) {
        const key = `${row.plan}\u0000${row.task}`;
        const list = byTask.get(key);
        if (list) list.push(row);
        else byTask.set(key, [row]);
      }
    return (task, today) => {
      const rows = byTask.get(`${task.plan}\u0000${task.no}`) ?? [];
      const state = deriveTaskState(task, rows, atHanoiTime(today, '12:00'));
      const last = state.lastStatusUpdate;
      if (!last?.status) return undefined;
      return {
        status: last.status,
        percent: last.status === 'done' ? 100 : last.percent,
        updatedOn: toIsoDay(last.createdAt),
        ...(state.kind === 'done_late' ? { doneLateDays: state.daysLate } : {}),
      };
    };
  };
}

/** Options of {@link createAsk}. */
export type AskOptions = {
  /** Keeps each chat's memory; default `createMemoryConversations()` (30 minutes, this process). */
  conversations?: ConversationStore;
  /** Where every question answered from the plans is logged; its answer then offers 👍/👎. Default: none kept. */
  questions?: QuestionLog;
};

/**
 * The `ask` port of the chat core over the search: answers from the plans and from reported progress,
 * scoped to the asker's plan when they have one, over the search index the message arrived with, as one conversation
 * per chat (follow-ups, "chi tiết", small talk; `conversations` keeps each chat's memory). With a question log, each
 * question answered from the plans (not small talk, not a further page) is logged and its answer may be rated.
 * `createAsk(store.progress, { questions: store.questions })`.
 */
export function createAsk(progress: ProgressStore, options: AskOptions = {}): ChatDeps['ask'] {
  const { conversations = createMemoryConversations(), questions } = options;
  const reader = createProgressReader(progress);
  return async (question, ctx) => {
    const reply = await converse(ctx.knowledge.index, question, {
      today: toIsoDay(ctx.now),
      now: ctx.now,
      chatId: `${ctx.message.channel}:${ctx.message.chatId}`,
      store: conversations,
      ...(ctx.plan ? { askerPlan: ctx.plan.id } : {}),
      progress: reader,
    });
    if (!questions || !reply.answer) return [{ text: reply.text }];
    const id = await logQuestion(questions, question, reply.answer, ctx);
    return [{ text: reply.text, feedback: feedbackChoices(id) } satisfies Reply];
  };
}
