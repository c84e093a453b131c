import { atHanoiTime, toIsoDay } from '../calendar/index.js';
import type { ProgressLookup } from '../search/index.js';
import { deriveTaskState, type ProgressStore, type QuestionLog, type UpdateRecord } from '../tasks/index.js';
import { converse, createMemoryConversations, type ConversationStore } from './conversation.js';
import type { ChatDeps } from './deps.js';
import { feedbackChoices } from './feedback.js';
import { logQuestion } from './log-question.js';
import type { Reply } from './types.js';

/**
 * The search's progress port, read from the derived task state `/tiendo` shows (latest status of the current period;
 * done late is done late). An answer about one task reads that task's rows; one that looks at a second task of the
 * same plan (a list) reads the plan's rows once, grouped by task. Make one lookup per question, never one for the
 * process: what it read is kept.
 */
export function createProgressLookup(progress: ProgressStore): ProgressLookup {
  const plans = new Map<string, { task: string; rows: UpdateRecord[] } | Map<string, UpdateRecord[]>>();
  const rowsOf = (plan: string, task: string): UpdateRecord[] => {
    const known = plans.get(plan);
    if (known instanceof Map) return known.get(task) ?? [];
    if (known?.task === task) return known.rows;
    if (!known) {
      const rows = progress.listForTask(plan, task);
      plans.set(plan, { task, rows });
      return rows;
    }
    const byTask = new Map<string, UpdateRecord[]>();
    for (const r of progress.listForPlan(plan)) {
      const rows = byTask.get(r.task);
      if (rows) rows.push(r);
      else byTask.set(r.task, [r]);
    }
    plans.set(plan, byTask);
    return byTask.get(task) ?? [];
  };
  return (task, today) => {
    const state = deriveTaskState(task, rowsOf(task.plan, task.no), atHanoiTime(today, '12:00'));
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
  return (question, ctx) => {
    const reply = converse(ctx.knowledge.index, question, {
      today: toIsoDay(ctx.now),
      now: ctx.now,
      chatId: `${ctx.message.channel}:${ctx.message.chatId}`,
      store: conversations,
      ...(ctx.plan ? { askerPlan: ctx.plan.id } : {}),
      progress: createProgressLookup(progress),
    });
    if (!questions || !reply.answer) return [{ text: reply.text }];
    const id = logQuestion(questions, question, reply.answer, ctx);
    return [{ text: reply.text, feedback: feedbackChoices(id) } satisfies Reply];
  };
}
