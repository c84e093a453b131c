import type { IsoDay } from '../../knowledge/index.js';
import { answerDue, answerOverdue } from './answer-due.js';
import { answerAgencyTasks } from './answer-lists.js';
import { passagesOf } from './answer-passages.js';
import {
  answerFunding,
  answerLegal,
  answerMeetingRules,
  answerMeta,
  answerReporting,
  answerTargets,
} from './answer-rules.js';
import { givesAmount } from './amounts.js';
import { answerNamedList } from './answer-named-list.js';
import { answerAmount, answerTask } from './answer-task.js';
import { capPlans, scopeOf, type Context } from './context.js';
import type { IndexData } from './index-data.js';
import { readQuestion, type Intent } from '../question/index.js';
import { citationsOf, tasksOf } from './sources.js';
import { focusOf, followUp } from './follow-up.js';
import type { Answer, AnswerBody, Focus, ProgressLookup } from './types.js';

/** What `answerQuestion` needs besides the question. */
export type AnswerOptions = {
  /** The day period and overdue questions are read against. */
  today: IsoDay;
  /** The asker's plan id, used when the question names no locality (default: every plan). */
  askerPlan?: string;
  /** Progress reported by chat; without it, "quá hạn" answers come from deadlines alone. */
  progress?: ProgressLookup;
  /** What the conversation was last about (the previous answer's `focus`), for follow-ups ("hạn khi nào?"). */
  focus?: Focus;
};

type Built = { body: AnswerBody; omitted: number };

const BUILDERS: Record<Intent, (ctx: Context) => Built> = {
  lead: answerTask,
  coordinators: answerTask,
  product: answerTask,
  deadline: answerTask,
  task: answerTask,
  status: answerTask,
  overdue: answerOverdue,
  due_in_period: answerDue,
  agency_tasks: answerAgencyTasks,
  targets: answerTargets,
  meeting_rules: answerMeetingRules,
  reporting: answerReporting,
  legal: answerLegal,
  plan_meta: answerMeta,
  funding: answerFunding,
  named_list: answerNamedList,
  passages: (ctx) => (ctx.q.asksAmount ? answerAmount(ctx) : null) ?? { body: passagesOf(ctx), omitted: 0 },
};

function build(ctx: Context): Built {
  if (ctx.q.unknownPlace) {
    const { kept, omitted } = capPlans(ctx, ctx.index.order);
    return {
      body: { kind: 'unknown_place', place: ctx.q.unknownPlace, known: kept.map((id) => ctx.index.refs.get(id)!) },
      omitted,
    };
  }
  return ctx.scope.length > 0 ? BUILDERS[ctx.q.intent](ctx) : { body: { kind: 'out_of_scope', plans: [] }, omitted: 0 };
}

/**
 * A question for an amount ("tổng cộng bao nhiêu tỷ đồng", "có bao nhiêu cán bộ đã hoàn thành") is not answered by
 * passages on the topic that hold no such figure: the plans do not say it.
 */
function unanswered(ctx: Context, body: AnswerBody): boolean {
  return body.kind === 'passages' && ctx.q.asksAmount && !body.items.some((p) => givesAmount(`${p.title} ${p.text}`));
}

/** "Not covered", naming the plans asked about when the question was about some only. */
function outOfScope(ctx: Context): AnswerBody {
  const some = ctx.scope.length > 0 && ctx.scope.length < ctx.index.order.length;
  return {
    kind: 'out_of_scope',
    plans: some ? capPlans(ctx, ctx.scope).kept.map((id) => ctx.index.refs.get(id)!) : [],
  };
}

/** Answers one question from the plans (see `index.ts`). */
export function answer(index: IndexData, text: string, options: AnswerOptions): Answer {
  const read = (t: string) => readQuestion(t, options.today, index.localities, index.listNames);
  const q = followUp(read(text), options.focus, read);
  const ctx: Context = {
    index,
    q,
    today: options.today,
    progress: options.progress,
    scope: scopeOf(index, q, options.askerPlan),
  };
  const built = build(ctx);
  const { body, omitted } =
    built.body.kind === 'out_of_scope' || unanswered(ctx, built.body) ? { body: outOfScope(ctx), omitted: 0 } : built;
  const intent = body.kind === 'out_of_scope' || body.kind === 'unknown_place' ? 'out_of_scope' : q.intent;
  const tasks = tasksOf(body);
  const focus = focusOf(q, options.focus, tasks);
  return { intent, body, citations: citationsOf(body), tasks, omittedPlans: omitted, focus };
}
