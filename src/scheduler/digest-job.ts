import { buildDigest, digestRecipients, planProgress, type PlanDigest, type PlanProgress } from '../digest/index.js';
import type { Reply } from '../chat/index.js';
import type { Plan } from '../knowledge/index.js';
import { membersByGroup } from '../tasks/index.js';
import { chartLabels, renderDigest } from '../messages/index.js';
import { chartSvg, svgToPng } from '../reports/index.js';
import { deliverOnce, notification, type DeliveryOutcome } from './deliver.js';
import type { JobDeps } from './deps.js';
import { runBefore } from './schedule.js';

/** The digest of a plan now, as the text and (unless nothing moved) the chart: also what /digest answers. */
export async function digestReplies(
  progress: PlanProgress,
  now: Date,
  since: Date | null,
  late = false,
): Promise<Reply[]> {
  const digest: PlanDigest = buildDigest(progress, now, since);
  const text: Reply = { text: renderDigest(digest, late) };
  if (digest.quiet) return [text];
  const labels = chartLabels(digest);
  const png = await svgToPng(chartSvg(digest.units, labels));
  const file = {
    fileName: `tien-do-${digest.planId}-${digest.today}.png`,
    mimeType: 'image/png',
    content: png,
    kind: 'photo' as const,
  };
  return [text, { text: labels.title, file }];
}

/** A plan's progress as the store holds it now. */
export async function currentProgress(
  deps: Pick<JobDeps, 'progress' | 'figures' | 'members'>,
  plan: Plan,
  now: Date,
): Promise<PlanProgress> {
  const [members, records, figures] = await Promise.all([
    deps.members.listForPlan(plan.id),
    deps.progress.listForPlan(plan.id),
    deps.figures.listForPlan(plan.id),
  ]);
  return planProgress(plan, records, figures, now, membersByGroup(members, plan.id));
}

/**
 * Sends the digest of `slot` (a firing of DIGEST_CRON) to every recipient of every plan, each message once:
 * the text as `digest`, the chart as `digest_chart` (none on a quiet day). Re-running for a slot only sends what is missing.
 */
export async function runDigest(deps: JobDeps, slot: Date, late: boolean): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  const since = runBefore(deps.digestCron, slot);
  const [users, choices] = await Promise.all([deps.users.list(), deps.subscriptions.all()]);
  for (const plan of deps.plans) {
    const recipients = digestRecipients(users, plan.id, (key) => choices.get(key) ?? null);
    if (recipients.length === 0) continue;
    // Built only once something is claimed: a sweep that finds everything sent renders nothing.
    let replies: Promise<Reply[]> | undefined;
    const build = () =>
      (replies ??= currentProgress(deps, plan, deps.now()).then((p) => digestReplies(p, deps.now(), since, late)));
    for (const user of recipients) {
      for (const [i, kind] of ['digest', 'digest_chart'].entries()) {
        const n = notification(kind, user.key, plan.id, slot.toISOString(), late);
        outcomes.push(await deliverOnce(deps, n, async () => (await build())[i] ?? null));
      }
    }
  }
  return outcomes;
}
