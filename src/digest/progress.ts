import { trackedItems, type Plan } from '../knowledge/index.js';
import {
  derivePlanStates,
  effectiveUpdates,
  NO_MEMBERS,
  type Figure,
  type UnitMembers,
  type UpdateRecord,
} from '../tasks/index.js';
import type { PlanProgress } from './types.js';

/**
 * A plan's progress as it stood at `asOf`: only the updates and figures made by then count, so a report for
 * 2026-H1 drawn up in August shows the state of 30 June. `members`: the plan's declared member units (a task led by
 * a group with members is tracked per member).
 */
export function planProgress(
  plan: Plan,
  records: UpdateRecord[],
  figures: Figure[],
  asOf: Date,
  members: UnitMembers = NO_MEMBERS,
): PlanProgress {
  const known = records.filter((r) => r.plan === plan.id && r.createdAt <= asOf);
  return {
    plan,
    states: derivePlanStates(trackedItems(plan), known, asOf, members),
    updates: effectiveUpdates(known),
    figures: figures.filter((f) => f.plan === plan.id && f.reportedAt <= asOf),
  };
}
