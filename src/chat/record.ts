import { toIsoDay } from '../calendar/index.js';
import { trackedItems, type Plan, type TrackedItem } from '../knowledge/index.js';
import { NOT_REGISTERED, storedText, updateErrorText } from '../messages/index.js';
import {
  checkAccess,
  fail,
  ok,
  shareOf,
  trackingYearOf,
  resolveTask,
  UNDO_WINDOW_MINUTES,
  tasksOf,
  type Result,
  type UpdateError,
  type UpdateInput,
} from '../tasks/index.js';
import { planById, type Core } from './core.js';
import type { CommandContext } from './deps.js';
import type { Reply } from './types.js';
import { rememberPlan } from './working-plan.js';

/** An update whose task exists and which the sender may make. */
export type CheckedUpdate = { input: UpdateInput; task: TrackedItem; plan: Plan };

/** Finds the task of `input` and checks the sender may make this update. */
export function checkUpdate(ctx: CommandContext, input: UpdateInput): Result<CheckedUpdate, UpdateError> {
  if (!ctx.user) return fail({ code: 'not_registered' });
  const resolved = resolveTask(ctx.knowledge.plans, input.ref, ctx.plan?.id ?? null);
  if (!resolved.ok) return resolved;
  const denied = checkAccess(ctx.user, resolved.value, input.status, ctx.members);
  if (denied) return fail(denied);
  return ok({ input, task: resolved.value, plan: planById(ctx.knowledge, resolved.value.plan)! });
}

/** The reply refusing an update, with an example using a task the sender may update. */
export function refuse(ctx: CommandContext, error: UpdateError): Reply[] {
  if (error.code === 'not_registered') return [{ text: NOT_REGISTERED }];
  const own = ctx.user && ctx.plan ? tasksOf(ctx.user, trackedItems(ctx.plan), ctx.members)[0] : undefined;
  const first = ctx.plan ?? ctx.knowledge.plans[0];
  return [{ text: updateErrorText(error, own?.no ?? (first && trackedItems(first)[0]?.no) ?? '1') }];
}

/** Appends the update (committed before this returns) and echoes what was stored. */
export async function storeUpdate(
  core: Core,
  ctx: CommandContext,
  { input, task, plan }: CheckedUpdate,
): Promise<Reply[]> {
  const { message, user, now } = ctx;
  const appended = await core.deps.progress.append({
    plan: task.plan,
    task: task.no,
    trackingYear: trackingYearOf(task, toIsoDay(now)),
    status: input.status,
    percent: input.percent,
    note: input.note,
    userKey: user!.key,
    userName: user!.name,
    channel: message.channel,
    messageId: message.messageId,
    createdAt: now,
    reverts: null,
    unit: task.plan === user!.plan ? shareOf(user!, task, ctx.members) : null,
  });
  if (!appended.ok) return [{ text: storedText(appended.error.existing, plan, UNDO_WINDOW_MINUTES, true) }];
  rememberPlan(core, ctx, task.plan);
  core.deps.log?.('info', 'progress update stored', {
    id: appended.value.id,
    plan: task.plan,
    task: task.no,
    user: user!.key,
  });
  return [{ text: storedText(appended.value, plan, UNDO_WINDOW_MINUTES) }];
}

/** Checks then stores, or refuses. */
export function checkAndStore(core: Core, ctx: CommandContext, input: UpdateInput): Promise<Reply[]> {
  const checked = checkUpdate(ctx, input);
  return checked.ok ? storeUpdate(core, ctx, checked.value) : Promise.resolve(refuse(ctx, checked.error));
}
