import { NOT_REGISTERED } from '../messages/index.js';
import { parseUpdateArgs, readNaturalUpdate } from '../tasks/index.js';
import { keyOf, type Core } from './core.js';
import type { CommandContext } from './deps.js';
import { askConfirm, startGuided } from './guided.js';
import { checkAndStore, checkUpdate, refuse } from './record.js';
import type { Reply } from './types.js';

/** `/capnhat <task> <status> [note]` stores at once; `/capnhat` alone starts the guided update. */
export async function updateCommand(core: Core, ctx: CommandContext): Promise<Reply[]> {
  if (!ctx.user) return [{ text: NOT_REGISTERED }];
  if (ctx.args === '') return startGuided(core, ctx);
  const parsed = parseUpdateArgs(ctx.args);
  return parsed.ok ? checkAndStore(core, ctx, parsed.value) : refuse(ctx, parsed.error);
}

/**
 * A sentence such as "Nhiệm vụ 4 đã hoàn thành, ..." is confirmed with yes/no before it is stored.
 * Null when the text does not read as an update (it is then a question).
 */
export function naturalUpdate(core: Core, ctx: CommandContext, text: string): Reply[] | null {
  const parsed = readNaturalUpdate(text);
  if (!parsed) return null;
  if (!ctx.user) return [{ text: NOT_REGISTERED }];
  if (!parsed.ok) return refuse(ctx, parsed.error);
  const checked = checkUpdate(ctx, parsed.value);
  if (!checked.ok) return refuse(ctx, checked.error);
  const { task } = checked.value;
  const input = { ...parsed.value, ref: { plan: task.plan, no: task.no } };
  core.dialogs.set(keyOf(ctx), { step: 'confirm', input }, ctx.now);
  return askConfirm(checked.value);
}
