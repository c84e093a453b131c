import type { NamedList } from '../../knowledge/index.js';
import { passagesOf } from './answer-passages.js';
import { capPlans, refOf, type Context } from './context.js';
import type { AnswerBody } from './types.js';

/**
 * A named list ("6 rõ", "3 không") with its items and where it is: from the plans in scope that enumerate it, else
 * from any plan that does (a plan may only name the list another one spells out); the passages when none does.
 */
export function answerNamedList(ctx: Context): { body: AnswerBody; omitted: number } {
  const all = ctx.index.lists.get(ctx.q.listName ?? '') ?? [];
  const inScope = new Set(ctx.scope);
  const here = all.filter((l) => inScope.has(l.plan));
  const { kept, omitted } = capPlans(ctx, distinct(here.length > 0 ? here : all));
  if (kept.length === 0) return { body: passagesOf(ctx), omitted: 0 };
  return { body: { kind: 'named_list', items: kept.map((list) => ({ plan: refOf(ctx, list.plan), list })) }, omitted };
}

/** The first list of each plan (a plan spelling a list out twice is cited once). */
const distinct = (lists: readonly NamedList[]) =>
  lists.filter((l, i) => lists.findIndex((o) => o.plan === l.plan) === i);
