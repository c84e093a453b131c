import type { Task } from '../../knowledge/index.js';
import { capPlans, dutyFactOf, factOf, planOf, refOf, type Context } from './context.js';
import { bestPerPlan } from '../retrieval/index.js';
import { findRelevant } from './relevant.js';
import { givesAmount } from './amounts.js';
import { passagesOf } from './answer-passages.js';
import { isTaskNumbered, numberedInGroups } from '../question/index.js';
import type { AnswerBody, DutyFact, TaskField, TaskFact } from './types.js';

type Built = { body: AnswerBody; omitted: number };

/** The tasks a question names by number, in its plans (plans without such a task are skipped). */
function tasksByNumber(ctx: Context): Task[] {
  return ctx.scope.flatMap((id) =>
    ctx.q.taskNos.flatMap((no) => planOf(ctx, id).tasks.filter((t) => isTaskNumbered(t, no))),
  );
}

/** The task each plan holds that best matches the question's words. */
function tasksByContent(ctx: Context): Task[] {
  return bestPerPlan(findRelevant(ctx, ['task'], 30)).map((h) => planOf(ctx, h.doc.plan).tasks[h.doc.ref]!);
}

/** No task of that number: the plans asked about, and the tasks of that number inside a group ("1" → II.1, III.1). */
function unknownTask(ctx: Context): Built {
  const { kept, omitted } = capPlans(ctx, ctx.scope);
  const inGroups = [
    ...new Set(kept.flatMap((id) => ctx.q.taskNos.flatMap((no) => numberedInGroups(planOf(ctx, id).tasks, no)))),
  ];
  return {
    body: { kind: 'unknown_task', plans: kept.map((id) => refOf(ctx, id)), nos: ctx.q.taskNos, inGroups },
    omitted,
  };
}

/** The dated body duty of each plan that best matches the question's words ("hoàn thành trong quý IV/2026"). */
function datedDuties(ctx: Context): DutyFact[] {
  const duties = findRelevant(ctx, ['duty'], 10).filter(
    (h) => planOf(ctx, h.doc.plan).duties[h.doc.ref]!.deadline?.due,
  );
  return capPlans(ctx, bestPerPlan(duties)).kept.map((h) =>
    dutyFactOf(ctx, planOf(ctx, h.doc.plan).duties[h.doc.ref]!),
  );
}

/**
 * An amount asked of a task in other words ("bồi dưỡng kỹ năng số mở mấy lớp"): the product of the task the words
 * match when it gives one ("02 lớp bồi dưỡng"); null otherwise.
 */
export function answerAmount(ctx: Context): Built | null {
  const tasks = tasksByContent(ctx).filter((t) => givesAmount(t.product));
  if (tasks.length === 0) return null;
  const { kept, omitted } = capPlans(ctx, [...new Set(tasks.map((t) => t.plan))]);
  const items = tasks.filter((t) => kept.includes(t.plan)).map((t) => factOf(ctx, t));
  return { body: { kind: 'task_field', field: 'product', items }, omitted };
}

const fieldOf = (intent: string): TaskField =>
  intent === 'lead' || intent === 'coordinators' || intent === 'product' || intent === 'deadline' ? intent : 'task';

function bodyOf(ctx: Context, facts: TaskFact[]): AnswerBody {
  if (ctx.q.intent === 'status')
    return { kind: 'task_status', items: facts, today: ctx.today, withProgress: ctx.progress !== undefined };
  return { kind: 'task_field', field: fieldOf(ctx.q.intent), items: facts };
}

/**
 * Questions about one task (lead, coordinators, product, deadline, the whole task, whether it is late or done):
 * the task named by number, else the one whose content matches the question's words, in each plan asked about.
 * A lead question with no matching task falls back to the body duties that match.
 */
export function answerTask(ctx: Context): Built {
  const byNumber = ctx.q.taskNos.length > 0;
  const tasks = byNumber ? tasksByNumber(ctx) : tasksByContent(ctx);
  if (tasks.length === 0) {
    if (byNumber) return unknownTask(ctx);
    const dated = ctx.q.intent === 'status' || ctx.q.intent === 'deadline' ? datedDuties(ctx) : [];
    if (dated.length > 0) return { body: { kind: 'duty_status', items: dated, today: ctx.today }, omitted: 0 };
    return {
      body: passagesOf(
        ctx,
        ctx.q.intent === 'lead' || ctx.q.intent === 'coordinators' ? ['duty', 'section'] : undefined,
      ),
      omitted: 0,
    };
  }
  const plans = [...new Set(tasks.map((t) => t.plan))];
  const { kept, omitted } = capPlans(ctx, plans);
  const facts = tasks.filter((t) => kept.includes(t.plan)).map((t) => factOf(ctx, t));
  return { body: bodyOf(ctx, facts), omitted };
}
