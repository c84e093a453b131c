import { toIsoDay } from '../calendar/index.js';
import { renderAnswer } from '../messages/index.js';
import { answerQuestion, type ProgressLookup } from '../search/index.js';
import { periodHistory, type ProgressStore } from '../tasks/index.js';
import type { ChatDeps } from './deps.js';

/** The search's progress port, read from the derived task state (latest status of the current period). */
export function createProgressLookup(progress: ProgressStore): ProgressLookup {
  return (task, today) => {
    const last = periodHistory(task, progress.listForTask(task.plan, task.no), today).lastStatusUpdate;
    if (!last?.status) return undefined;
    return {
      status: last.status,
      percent: last.status === 'done' ? 100 : last.percent,
      updatedOn: toIsoDay(last.createdAt),
    };
  };
}

/**
 * The `ask` port of the chat core over the search: answers from the plans and from reported progress,
 * scoped to the asker's plan when they have one, over the search index the message arrived with.
 * `createAsk(store.progress)`.
 */
export function createAsk(progress: ProgressStore): ChatDeps['ask'] {
  const lookup = createProgressLookup(progress);
  return (question, ctx) => {
    const answer = answerQuestion(ctx.knowledge.index, question, {
      today: toIsoDay(ctx.now),
      askerPlan: ctx.plan?.id,
      progress: lookup,
    });
    return [{ text: renderAnswer(answer) }];
  };
}
