import { trackedItems, type Plan } from '../knowledge/index.js';
import { adminRoleText, inviteErrorText, registeredText, welcomeText } from '../messages/index.js';
import { accessTo, type UserRecord } from '../tasks/index.js';
import { foldCase, stripUnsafeChars } from '../text/index.js';
import { CONFIRM_WORDS } from './lexicon.js';
import { planById, keyOf, membersOf, type Core } from './core.js';
import type { CommandContext } from './deps.js';
import type { Reply } from './types.js';

/** `/start CODE` registers the sender with a one-time invite; `/start` alone says how (or who they are). */
export async function startCommand(core: Core, ctx: CommandContext): Promise<Reply[]> {
  const [first = '', ...rest] = ctx.args.split(/\s+/);
  const code = first.toUpperCase();
  if (code === '')
    return [{ text: ctx.user ? registeredText(ctx.user, ctx.plan) : inviteErrorText({ code: 'invite_missing' }, '') }];
  const key = keyOf(ctx);
  const pausedUntil = core.guesses.pausedUntil(key, ctx.now);
  if (pausedUntil) {
    core.deps.log?.('warn', 'invite: code not checked, sender paused after wrong codes', { user: key });
    return [{ text: inviteErrorText({ code: 'invite_paused', until: pausedUntil }, code) }];
  }
  const invite = await core.deps.invites.get(code);
  const wasAdmin = ctx.user?.role === 'admin';
  // An admin trying out an officer's or a leader's code would lose the admin role for good: asked first.
  if (wasAdmin && invite && invite.role !== 'admin' && invite.usedAt === null && invite.expiresAt > ctx.now) {
    if (!CONFIRM_WORDS.includes(foldCase(rest.join(' ')))) {
      return [{ text: adminRoleText.confirmDrop(code, invite, planById(ctx.knowledge, invite.plan)) }];
    }
  }
  // A /start delivered twice (or sent again) by the person who used the code is answered like the first.
  const redeemed =
    invite?.usedBy === key && ctx.user
      ? { ok: true as const, value: ctx.user }
      : await core.deps.invites.redeem(
          code,
          { key, name: stripUnsafeChars(ctx.message.senderName).trim() || key },
          ctx.now,
        );
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
  const welcome = welcomeText(user, plan, await exampleTask(core, ctx, user, plan));
  return [{ text: wasAdmin && user.role !== 'admin' ? `${welcome}\n${adminRoleText.dropped}` : welcome }];
}

/** A task the user may change the status of, so the example /capnhat works as written: "4", or "nhi-chieu#1" for an admin of every plan. */
async function exampleTask(core: Core, ctx: CommandContext, user: UserRecord, plan: Plan | undefined): Promise<string> {
  const items = plan ? trackedItems(plan) : [];
  const members = await membersOf(core, plan?.id);
  const own = items.find((t) => accessTo(user, t, members) === 'full') ?? items[0];
  if (own) return own.no;
  const any = ctx.knowledge.plans.find((p) => trackedItems(p).length > 0);
  return any ? `${any.id}#${trackedItems(any)[0]!.no}` : '1';
}
