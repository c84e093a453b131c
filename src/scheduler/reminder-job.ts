import { planReminders, reminderStates, taskRecipients, unitRecipients } from '../digest/index.js';
import { placeOf, renderReminder } from '../messages/index.js';
import { toIsoDay } from '../calendar/index.js';
import { deliverOnce, notification, type DeliveryOutcome } from './deliver.js';
import type { JobDeps } from './deps.js';
import { membersByGroup, type UserRecord } from '../tasks/index.js';

/**
 * Who could receive a reminder of a plan at all: its active officers (task and reporting reminders) and leaders
 * (reporting reminders with no compiling unit). Asked first, so a plan nobody could be reminded about costs nothing.
 */
const reachable = (users: UserRecord[], plan: string) =>
  users.filter((u) => u.active && u.plan === plan && (u.role === 'officer' || u.role === 'leader'));

/**
 * Sends the reminders owed on the day of `slot` (a firing of the reminder schedule) to the officers leading the task
 * (or of the compiling unit), each once: the key names the reminder's own slot, so a reminder owed for several days goes out once.
 */
export async function runReminders(deps: JobDeps, slot: Date, late: boolean): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  const today = toIsoDay(slot);
  const users = await deps.users.list();
  for (const plan of deps.plans) {
    const reached = reachable(users, plan.id);
    if (reached.length === 0) continue;
    // Task reminders go to officers only: without one, no task's progress needs deriving.
    const members = membersByGroup(await deps.members.listForPlan(plan.id), plan.id);
    const states = reached.some((u) => u.role === 'officer')
      ? await reminderStates(plan, () => deps.progress.listForPlan(plan.id), deps.now(), today, members)
      : [];
    for (const r of planReminders(plan, states, today)) {
      const reminder = { ...r, late: r.late || late };
      const recipients = r.state
        ? taskRecipients(reached, r.state.task, members, r.share)
        : unitRecipients(reached, plan.id, r.units);
      for (const user of recipients) {
        const n = notification(r.kind, user.key, plan.id, `${r.subject}@${r.slot}`, reminder.late);
        outcomes.push(
          await deliverOnce(deps, n, () => ({
            text: renderReminder(reminder, today, plan.meta.number, placeOf(plan.meta.locality)),
          })),
        );
      }
    }
  }
  return outcomes;
}
