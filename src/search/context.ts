import { daysBetween } from '../calendar/index.js';
import type { BodyDuty, IsoDay, Plan, Task } from '../knowledge/index.js';
import type { Engine } from './engine.js';
import type { LocalityIndex } from './localities.js';
import type { Question } from './question.js';
import type { DutyFact, PlanRef, ProgressLookup, TaskFact, TaskGroup } from './types.js';

/** Most plans one reply lists before asking the user to name a locality. */
export const MAX_PLANS_PER_REPLY = 5;

/** The search index: built once from the plans, read by every question. */
export type SearchIndex = {
  plans: Map<string, Plan>;
  refs: Map<string, PlanRef>;
  /** Plan ids in the order the plans were given. */
  order: string[];
  engine: Engine;
  localities: LocalityIndex;
  /** Every canonical agency the plans name, with the plans naming it. */
  agencies: Map<string, Set<string>>;
};

/** What one question is answered with. */
export type Context = {
  index: SearchIndex;
  q: Question;
  today: IsoDay;
  progress: ProgressLookup | undefined;
  /** The plans the question is about: named, else the asker's, else all. */
  scope: string[];
};

/** The plans a question is about: those it names, else the asker's plan, else every plan. */
export function scopeOf(index: SearchIndex, q: Question, askerPlan: string | undefined): string[] {
  if (q.plans.length > 0) return q.plans;
  if (askerPlan && index.plans.has(askerPlan)) return [askerPlan];
  return index.order;
}

export const planOf = (ctx: Context, id: string): Plan => ctx.index.plans.get(id)!;
export const refOf = (ctx: Context, id: string): PlanRef => ctx.index.refs.get(id)!;

/** A task with its progress and how it stands against its due day on `today`. */
export function factOf(ctx: Context, task: Task): TaskFact {
  const progress = ctx.progress?.(task, ctx.today) ?? null;
  const due = task.deadline.due;
  const open = progress?.status !== 'done';
  const left = due === null ? null : daysBetween(ctx.today, due);
  return {
    plan: refOf(ctx, task.plan),
    task,
    progress,
    daysLate: open && left !== null && left < 0 ? -left : null,
    daysLeft: open && left !== null && left >= 0 ? left : null,
  };
}

/** Dated work of a plan's body and how it stands against its due day on `today` (progress is kept for tasks only). */
export function dutyFactOf(ctx: Context, duty: BodyDuty): DutyFact {
  const left = duty.deadline?.due ? daysBetween(ctx.today, duty.deadline.due) : null;
  return {
    plan: refOf(ctx, duty.plan),
    duty,
    daysLate: left !== null && left < 0 ? -left : null,
    daysLeft: left !== null && left >= 0 ? left : null,
  };
}

/**
 * What `pick` finds in the plans in scope, plan by plan, until enough plans gave something; the plans not
 * looked at are counted as left out (a reply about hundreds of plans lists a few and asks for a locality).
 */
export function firstPlans<T>(ctx: Context, pick: (id: string) => T | null): { kept: T[]; omitted: number } {
  const kept: T[] = [];
  let i = 0;
  for (; i < ctx.scope.length && kept.length < MAX_PLANS_PER_REPLY; i++) {
    const found = pick(ctx.scope[i]!);
    if (found !== null) kept.push(found);
  }
  return { kept, omitted: ctx.scope.length - i };
}

/** One group per plan that has tasks (due or ongoing) or dated duties, until the reply has enough plans. */
export function planGroups(ctx: Context, make: (id: string) => TaskGroup): { kept: TaskGroup[]; omitted: number } {
  return firstPlans(ctx, (id) => {
    const g = make(id);
    return g.tasks.length + g.ongoing.length + (g.duties?.length ?? 0) > 0 ? g : null;
  });
}

/** Keeps the first plans of a list answer; how many were left out. */
export function capPlans<T>(groups: T[]): { kept: T[]; omitted: number } {
  return { kept: groups.slice(0, MAX_PLANS_PER_REPLY), omitted: Math.max(0, groups.length - MAX_PLANS_PER_REPLY) };
}
