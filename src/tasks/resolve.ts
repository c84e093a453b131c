import type { Plan, Task } from '../knowledge/index.js';
import { fail, ok, type Result } from './result.js';
import type { TaskRef } from './update-input.js';

/** Why a task reference names no task. */
export type ResolveError =
  | { code: 'unknown_task'; no: string; plan: Plan }
  | { code: 'unknown_plan'; given: string; plans: Plan[] }
  | { code: 'plan_needed'; plans: Plan[] };

/**
 * Finds the task a reference names: in the plan it names ("dai-son#4"), else in `defaultPlan`
 * (the user's), else in the only plan loaded.
 */
export function resolveTask(plans: Plan[], ref: TaskRef, defaultPlan: string | null): Result<Task, ResolveError> {
  const planId = ref.plan ?? defaultPlan ?? (plans.length === 1 ? plans[0]!.id : null);
  if (planId === null) return fail({ code: 'plan_needed', plans });
  const plan = plans.find((p) => p.id === planId);
  if (!plan) return fail({ code: 'unknown_plan', given: planId, plans });
  const task = plan.tasks.find((t) => t.no === ref.no);
  return task ? ok(task) : fail({ code: 'unknown_task', no: ref.no, plan });
}
