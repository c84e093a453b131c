import { daysBetween } from '../../calendar/index.js';
import type { BodyDuty, IsoDay, Plan, Task } from '../../knowledge/index.js';
import type { Question } from '../question/index.js';
import type { IndexData } from './index-data.js';
import type { DutyFact, PlanRef, ProgressLookup, TaskFact, TaskGroup } from './types.js';

/** What one question is answered with. */
export type Context = {
  index: IndexData;
  q: Question;
  today: IsoDay;
  progress: ProgressLookup | undefined;
  /** The plans the question is about: named, else the asker's, else all. */
  scope: string[];
};

/** The plans a question is about: those it names, else the asker's plan, else every plan. */
export function scopeOf(index: IndexData, q: Question, askerPlan: string | undefined): string[] {
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
  for (; i < ctx.scope.length && kept.length < ctx.index.options.maxPlansPerReply; i++) {
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
export function capPlans<T>(ctx: Context, groups: T[]): { kept: T[]; omitted: number } {
  const most = ctx.index.options.maxPlansPerReply;
  return { kept: groups.slice(0, most), omitted: Math.max(0, groups.length - most) };
}
