import type { Plan } from '../knowledge/index.js';
import type { UserRecord } from '../tasks/index.js';
import { keyOf, type Core } from './core.js';
import type { CommandContext } from './deps.js';

/** The plan each admin without one of their own last named, by user key (in memory: a restart forgets it). */
export type WorkingPlans = {
  get(key: string): string | undefined;
  set(key: string, plan: string): void;
};

export function createWorkingPlans(): WorkingPlans {
  const byUser = new Map<string, string>();
  return { get: (key) => byUser.get(key), set: (key, plan) => void byUser.set(key, plan) };
}

/** An admin registered without a plan works on every plan, one at a time. */
export const worksOnAnyPlan = (user: UserRecord | undefined): boolean => user?.role === 'admin' && user.plan === null;

/** For an admin of every plan, the context with the plan they last named, when it is still loaded. */
export function withWorkingPlan(core: Core, ctx: CommandContext): CommandContext {
  if (ctx.plan || !worksOnAnyPlan(ctx.user)) return ctx;
  const id = core.workingPlans.get(keyOf(ctx));
  const plan = ctx.knowledge.plans.find((p) => p.id === id);
  return plan ? { ...ctx, plan } : ctx;
}

/** Remembers the plan an admin just worked on (named as `nhi-chieu#4`), so `/tiendo 5` next is about it. */
export function rememberPlan(core: Core, ctx: CommandContext, planId: string): void {
  if (worksOnAnyPlan(ctx.user)) core.workingPlans.set(keyOf(ctx), planId);
}

/**
 * For an admin of every plan, a plan id leading the arguments ("/viec hue", "/baocao nhi-chieu nam", "/capnhat hue 3
 * xong") is the plan of this command and is remembered for the next ones; the rest are the arguments. Anyone else's
 * context is left as it is.
 */
export function withNamedPlan(core: Core, ctx: CommandContext): CommandContext | undefined {
  if (!worksOnAnyPlan(ctx.user)) return undefined;
  const m = /^([a-z0-9][a-z0-9_-]*)(?=\s|$)\s*/i.exec(ctx.args);
  const plan: Plan | undefined = m ? ctx.knowledge.plans.find((p) => p.id === m[1]!.toLowerCase()) : undefined;
  if (!m || !plan) return undefined;
  rememberPlan(core, ctx, plan.id);
  return { ...ctx, plan, args: ctx.args.slice(m[0].length) };
}
