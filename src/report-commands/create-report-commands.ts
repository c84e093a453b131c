import type { CommandContext, Reply, ReportCommands } from '../chat/index.js';
import {
  buildReport,
  evaluateTargets,
  parseFigures,
  parseReportPeriod,
  reportPeriodContaining,
  type ReportPeriod,
} from '../digest/index.js';
import { toIsoDay } from '../calendar/index.js';
import type { Plan } from '../knowledge/index.js';
import { choosePlanText, DIGEST_REPLIES as R, renderFiguresError, targetLine } from '../messages/index.js';
import { renderReportXlsx } from '../reports/index.js';
import { foldCase } from '../text/index.js';
import {
  membersByGroup,
  type FiguresStore,
  type MemberStore,
  type ProgressStore,
  type SubscriptionStore,
} from '../tasks/index.js';
import { currentProgress, digestReplies, latestRun } from '../scheduler/index.js';

/** What the digest commands read and write. Getters are fine (a test may reopen the store). */
export type ReportCommandDeps = {
  progress: ProgressStore;
  subscriptions: SubscriptionStore;
  figures: FiguresStore;
  /** Member units of the plans' groups (the digest and report count each member's share). */
  members: MemberStore;
  /** DIGEST_CRON: `/digest` tells what moved since the last scheduled digest. */
  digestCron: string;
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PERIOD_WORDS: Record<string, 'half' | 'year' | 'quarter'> = { '6thang': 'half', nam: 'year', quy: 'quarter' };
const text = (t: string): Reply[] => [{ text: t }];

/** The plans a registered user follows: theirs, or every plan for an admin without one. */
function plansOf(ctx: CommandContext): Plan[] {
  if (ctx.plan) return [ctx.plan];
  return ctx.user?.role === 'admin' ? ctx.knowledge.plans : [];
}

/** "6thang" / "6 tháng" / "nam" / "quý" → that period around now; "2026-H1" as written; "" → the current half. */
function reportPeriodOf(args: string, now: Date): ReportPeriod | null {
  const word = foldCase(args).replace(/\s+/g, '');
  if (word === '') return reportPeriodContaining('half', now);
  // Own keys only: "/baocao constructor" is no period.
  const kind = Object.hasOwn(PERIOD_WORDS, word) ? PERIOD_WORDS[word] : undefined;
  return kind ? reportPeriodContaining(kind, now) : parseReportPeriod(args);
}

function subscription(deps: ReportCommandDeps, on: boolean) {
  return async (ctx: CommandContext): Promise<Reply[]> => {
    if (!ctx.user) return text(R.notRegistered);
    const before = (await deps.subscriptions.get(ctx.user.key)) ?? ctx.user.role === 'leader';
    await deps.subscriptions.set(ctx.user.key, on, ctx.now);
    if (on) return text(before ? R.alreadySubscribed : R.subscribed);
    return text(before ? R.unsubscribed : R.notSubscribed);
  };
}

function digest(deps: ReportCommandDeps) {
  return async (ctx: CommandContext): Promise<Reply[]> => {
    if (!ctx.user) return text(R.notRegistered);
    const plans = plansOf(ctx);
    if (plans.length === 0) return text(R.noPlan);
    const since = latestRun(deps.digestCron, ctx.now);
    const replies = await Promise.all(
      plans.map(async (plan) => digestReplies(await currentProgress(deps, plan, ctx.now), ctx.now, since)),
    );
    return replies.flat();
  };
}

function report(deps: ReportCommandDeps) {
  return async (ctx: CommandContext): Promise<Reply[]> => {
    if (!ctx.user) return text(R.notRegistered);
    if (ctx.user.role === 'officer') return text(R.leadersOnly);
    const period = reportPeriodOf(ctx.args, ctx.now);
    if (!period) return text(R.badPeriod);
    const plans = plansOf(ctx);
    if (plans.length === 0) return text(R.noPlan);
    const replies: Reply[] = [];
    for (const plan of plans) {
      const model = buildReport(
        plan,
        await deps.progress.listForPlan(plan.id),
        await deps.figures.listForPlan(plan.id),
        period,
        ctx.now,
        membersByGroup(await deps.members.listForPlan(plan.id), plan.id),
      );
      const content = await renderReportXlsx(model);
      const fileName = `bao-cao-${plan.id}-${period.code}.xlsx`;
      replies.push({ text: R.reportCaption(model), file: { fileName, mimeType: XLSX, content, kind: 'document' } });
    }
    return replies;
  };
}

function figures(deps: ReportCommandDeps) {
  return async (ctx: CommandContext): Promise<Reply[]> => {
    if (!ctx.user) return text(R.notRegistered);
    if (!ctx.plan && ctx.user.role === 'admin' && ctx.user.plan === null)
      return text(choosePlanText((id) => `/solieu ${id} hoinghi 2026 tong=40 tructuyen=26`, ctx.knowledge.plans));
    if (!ctx.plan) return text(R.noPlan);
    const parsed = parseFigures(ctx.args, Number(toIsoDay(ctx.now).slice(0, 4)));
    if (!parsed.ok) return text(renderFiguresError(parsed.error));
    const { plan, user, now } = ctx;
    const unit = user.unit ?? plan.meta.issuer ?? plan.id;
    await deps.figures.add(
      parsed.value.map((f) => ({ ...f, plan: plan.id, unit, reportedAt: now })),
      user.key,
    );
    const years = [...new Set(parsed.value.map((f) => f.year))].sort();
    const all = await deps.figures.listForPlan(plan.id);
    const lines = years.flatMap((y) =>
      evaluateTargets(plan.targets, all, y)
        .filter((r) => r.actual !== null)
        .map((r) => `${y}: ${targetLine(r)}`),
    );
    return text(R.figuresSaved(parsed.value, lines));
  };
}

/**
 * The handlers of the digest and report commands, for `createChat({ reportCommands })`: /digest, /nhandigest,
 * /tatdigest, /baocao [6thang|nam|quy|2026-H1], /solieu.
 */
export function createReportCommands(deps: ReportCommandDeps): ReportCommands {
  return {
    digest: digest(deps),
    subscribe: subscription(deps, true),
    unsubscribe: subscription(deps, false),
    report: report(deps),
    figures: figures(deps),
  };
}
