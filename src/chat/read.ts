import { trackedItems, type Plan } from '../knowledge/index.js';
import { choosePlanText, readText } from '../messages/index.js';
import {
  accessTo,
  derivePlanStates,
  deriveTaskState,
  parseTaskRef,
  resolveTask,
  shareOf,
  type TaskState,
  type UserRecord,
} from '../tasks/index.js';
import { membersOf, type Core } from './core.js';
import type { CommandContext } from './deps.js';
import type { Reply } from './types.js';
import { rememberPlan, worksOnAnyPlan } from './working-plan.js';

/** `/tiendo <task>`: latest state and the last updates with who and when. */
export async function progressCommand(core: Core, ctx: CommandContext): Promise<Reply[]> {
  const ref = parseTaskRef(ctx.args);
  if (!ref) return [{ text: readText.tiendoUsage }];
  const task = resolveTask(ctx.knowledge.plans, ref, ctx.plan?.id ?? null);
  if (!task.ok) return [{ text: readText.resolveError(task.error) }];
  const plan = ctx.knowledge.plans.find((p) => p.id === task.value.plan)!;
  rememberPlan(core, ctx, plan.id);
  const records = await core.deps.progress.listForTask(plan.id, task.value.no);
  const state = deriveTaskState(task.value, records, ctx.now, await membersOf(core, plan.id));
  return [{ text: readText.task(state, plan) }];
}

/**
 * `/viec`: the tasks and body duties of the sender's unit (a leader's: the whole plan) with reference, state and
 * deadline.
 */
export async function unitTasksCommand(core: Core, ctx: CommandContext): Promise<Reply[]> {
  const { user, plan } = ctx;
  if (worksOnAnyPlan(user) && !plan) return [{ text: choosePlanText((id) => `/viec ${id}`, ctx.knowledge.plans) }];
  if (!user || !plan) return [{ text: readText.needPlan }];
  const items = trackedItems(plan);
  const mine = new Set(
    user.role === 'officer' ? items.filter((t) => accessTo(user, t, ctx.members) === 'full') : items,
  );
  const states = (await statesOf(core, plan, ctx.now)).filter((s) => mine.has(s.task));
  return [
    {
      text: readText.unitTasks(
        readText.mine(user, plan),
        states.map((s) => ownShare(user, s, ctx)),
      ),
    },
  ];
}

/** `/quahan`: overdue tasks of the sender's plan (of every plan for anyone without one). */
export async function overdueCommand(core: Core, ctx: CommandContext): Promise<Reply[]> {
  const plans = ctx.plan ? [ctx.plan] : ctx.knowledge.plans;
  const text = await Promise.all(
    plans.map(async (plan) => {
      const overdue = (await statesOf(core, plan, ctx.now)).filter((s) => s.kind === 'overdue');
      return overdue.length === 0
        ? readText.noneOverdue(plan)
        : readText.unitTasks(readText.overdueTitle(plan), overdue);
    }),
  );
  return [{ text: text.join('\n\n') }];
}

const statesOf = async (core: Core, plan: Plan, now: Date) =>
  derivePlanStates(
    trackedItems(plan),
    await core.deps.progress.listForPlan(plan.id),
    now,
    await membersOf(core, plan.id),
  );

/** An officer's view of a task tracked per member: the state of their unit's share. */
function ownShare(user: UserRecord, s: TaskState, ctx: CommandContext): TaskState {
  const share = shareOf(user, s.task, ctx.members);
  return s.shares?.find((sh) => sh.unit === share)?.state ?? s;
}
