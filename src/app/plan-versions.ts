import { compareRevisions, type Plan } from '../knowledge/index.js';
import { planRevisionText } from '../messages/index.js';
import type { Log, RevisionStore, UserRecord } from '../tasks/index.js';
import { isAdmin } from './admin-notice.js';

/** Options of {@link createPlanVersions}. */
export type PlanVersionsOptions = {
  revisions: RevisionStore;
  now: () => Date;
  log: Log;
  /** Sends a text to the users `to` picks (createNotice). */
  notify: (text: string, to: (user: UserRecord) => boolean) => Promise<void>;
};

/**
 * Versions of plans: `stamp` marks each plan with its recorded version; `revise` compares a plan read again with the
 * one serving and, when its tasks changed (added, removed, renumbered, deadline or lead), records the next version
 * (progress follows renumbered tasks, dropped ones are retired) and tells the plan's leaders and the admins.
 */
export function createPlanVersions(options: PlanVersionsOptions) {
  const { revisions, log } = options;
  const stamp = async (plans: Plan[]): Promise<Plan[]> => {
    const versions = await revisions.versions();
    return plans.map((p) => (versions.has(p.id) ? { ...p, version: versions.get(p.id) } : p));
  };
  const revise = async (before: Plan, after: Plan): Promise<Plan> => {
    const change = compareRevisions(before, after);
    const { added, removed, renumbered, deadlineChanged, leadChanged } = change;
    if (added.length + removed.length + renumbered.length + deadlineChanged.length + leadChanged.length === 0)
      return before.version ? { ...after, version: before.version } : after;
    const version = await revisions.record(
      after.id,
      {
        renumbered: renumbered.map((m) => ({ from: m.before.no, to: m.after.no })),
        retired: removed.map((t) => ({ no: t.no, content: t.content })),
      },
      options.now(),
      before.version ?? 1,
    );
    if (version === null) {
      // An instance sharing the store read this file first and recorded the change (and told people): its version.
      const recorded = (await revisions.versions()).get(after.id);
      return recorded ? { ...after, version: recorded } : after;
    }
    const revised = { ...after, version };
    log('info', 'knowledge: a plan has a new version', {
      plan: after.id,
      version,
      added: added.length,
      removed: removed.length,
      renumbered: renumbered.length,
    });
    const to = (u: UserRecord) => isAdmin(u) || (u.role === 'leader' && u.plan === after.id);
    void options.notify(planRevisionText(revised, change), to);
    return revised;
  };
  return { stamp, revise };
}
