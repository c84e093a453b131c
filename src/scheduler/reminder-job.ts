import { planReminders, taskRecipients, unitRecipients } from '../digest/index.js';
import { placeOf, renderReminder } from '../messages/index.js';
import { toIsoDay } from '../calendar/index.js';
import { deliverOnce, notification, type DeliveryOutcome } from './deliver.js';
import type { JobDeps } from './deps.js';
import { currentProgress } from './digest-job.js';

/**
 * Sends the reminders owed on the day of `slot` (a firing of the reminder schedule) to the officers leading the task
 * (or of the compiling unit), each once: the key names the reminder's own slot, so a reminder owed for several days goes out once.
 */
export async function runReminders(deps: JobDeps, slot: Date, late: boolean): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  const today = toIsoDay(slot);
  const users = deps.users.list();
  for (const plan of deps.plans) {
    const states = currentProgress(deps, plan, deps.now()).states;
    for (const r of planReminders(plan, states, today)) {
      const reminder = { ...r, late: r.late || late };
      const recipients = r.state ? taskRecipients(users, r.state.task) : unitRecipients(users, plan.id, r.units);
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
