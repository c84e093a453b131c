import { trackedItems } from '../knowledge/index.js';
import { inviteErrorText, registeredText, welcomeText } from '../messages/index.js';
import { accessTo } from '../tasks/index.js';
import { stripUnsafeChars } from '../text/index.js';
import { planById, keyOf, membersOf, type Core } from './core.js';
import type { CommandContext } from './deps.js';
import type { Reply } from './types.js';

/** `/start CODE` registers the sender with a one-time invite; `/start` alone says how (or who they are). */
export function startCommand(core: Core, ctx: CommandContext): Reply[] {
  const code = ctx.args.split(/\s+/)[0]!.toUpperCase();
  if (code === '')
    return [{ text: ctx.user ? registeredText(ctx.user, ctx.plan) : inviteErrorText({ code: 'invite_missing' }, '') }];
  const key = keyOf(ctx);
  const pausedUntil = core.guesses.pausedUntil(key, ctx.now);
  if (pausedUntil) {
    core.deps.log?.('warn', 'invite: code not checked, sender paused after wrong codes', { user: key });
    return [{ text: inviteErrorText({ code: 'invite_paused', until: pausedUntil }, code) }];
  }
  const invite = core.deps.invites.get(code);
  // A /start delivered twice (or sent again) by the person who used the code is answered like the first.
  const redeemed =
    invite?.usedBy === key && ctx.user
      ? { ok: true as const, value: ctx.user }
      : core.deps.invites.redeem(code, { key, name: stripUnsafeChars(ctx.message.senderName).trim() || key }, ctx.now);
  if (!redeemed.ok) {
    // Never the code itself: a log line must not hand a valid code to whoever reads the log.
    const refusals = core.guesses.refused(key, ctx.now);
    core.deps.log?.('warn', 'invite: code refused', { user: key, reason: redeemed.error.code, refusals });
    return [{ text: inviteErrorText(redeemed.error, code) }];
  }
  core.guesses.clear(key);
  const user = redeemed.value;
  const plan = planById(ctx.knowledge, user.plan);
  core.deps.log?.('info', 'user registered', { user: key, role: user.role, plan: user.plan, unit: user.unit });
  // A task the user may change the status of, so the example /capnhat works as written.
  const items = plan ? trackedItems(plan) : [];
  const members = membersOf(core, plan?.id);
  const example = items.find((t) => accessTo(user, t, members) === 'full')?.no ?? items[0]?.no ?? '1';
  return [{ text: welcomeText(user, plan, example) }];
}
