import { findTrackedItem, trackedItems, type Plan, type TrackedItem } from '../knowledge/index.js';
import { fail, ok, type Result } from './result.js';
import type { TaskRef } from './update-input.js';

/** Why a task reference names no task. */
export type ResolveError =
  | { code: 'unknown_task'; no: string; plan: Plan; items: readonly TrackedItem[] }
  | { code: 'unknown_plan'; given: string; plans: Plan[] }
  | { code: 'plan_needed'; no: string; plans: Plan[] };

/**
 * Finds the tracked item (appendix task or body duty) a reference names, case and diacritics aside ("iv.2.b" is
 * "IV.2.b"): in the plan it names ("dai-son#4"), else in `defaultPlan` (the user's), else in the only plan loaded.
 */
export function resolveTask(
  plans: Plan[],
  ref: TaskRef,
  defaultPlan: string | null,
): Result<TrackedItem, ResolveError> {
  const planId = ref.plan ?? defaultPlan ?? (plans.length === 1 ? plans[0]!.id : null);
  if (planId === null) return fail({ code: 'plan_needed', no: ref.no, plans });
  const plan = plans.find((p) => p.id === planId);
  if (!plan) return fail({ code: 'unknown_plan', given: planId, plans });
  const task = findTrackedItem(plan, ref.no);
  return task ? ok(task) : fail({ code: 'unknown_task', no: ref.no, plan, items: trackedItems(plan) });
}
