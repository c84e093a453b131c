import { findTrackedItem } from '../knowledge/index.js';
import { NOT_REGISTERED, stateText, undoText } from '../messages/index.js';
import { deriveTaskState, effectiveUpdates, UNDO_WINDOW_MINUTES, UNDO_WINDOW_MS } from '../tasks/index.js';
import { membersOf, planById, type Core } from './core.js';
import type { CommandContext } from './deps.js';
import type { Reply } from './types.js';

/** How many of the sender's latest rows are searched for the update to undo. */
const LOOK_BACK = 50;

/** `/hoantac`: reverts the sender's last update if it is under 15 minutes old, by appending a reversal. */
export async function undoCommand(core: Core, ctx: CommandContext): Promise<Reply[]> {
  const { user, message, now } = ctx;
  if (!user) return [{ text: NOT_REGISTERED }];
  // Newest first; the first row left after dropping reversals and what they reverse is the one to undo.
  const last = effectiveUpdates(await core.deps.progress.listByUser(user.key, LOOK_BACK))[0];
  if (!last) return [{ text: undoText.nothing }];
  if (now.getTime() - last.createdAt.getTime() > UNDO_WINDOW_MS)
    return [{ text: undoText.tooOld(last, UNDO_WINDOW_MINUTES) }];
  const { id, ...row } = last;
  await core.deps.progress.append({
    ...row,
    status: null,
    percent: null,
    note: '',
    userName: user.name,
    channel: message.channel,
    messageId: message.messageId,
    createdAt: now,
    reverts: id,
  });
  core.deps.log?.('info', 'progress update reverted', { id: last.id, user: user.key });
  const plan = planById(ctx.knowledge, last.plan);
  const task = plan && findTrackedItem(plan, last.task);
  const records = await core.deps.progress.listForTask(last.plan, last.task);
  const state = task ? stateText(deriveTaskState(task, records, now, await membersOf(core, last.plan))) : '';
  return [{ text: undoText.done(last, state) }];
}
