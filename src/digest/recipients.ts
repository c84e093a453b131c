import type { Task } from '../knowledge/index.js';
import { accessTo, NO_MEMBERS, shareOf, type UnitMembers, type UserRecord } from '../tasks/index.js';

/** Whether a user works on a plan (an admin without a plan sees every plan). */
const onPlan = (u: UserRecord, plan: string) =>
  u.active && (u.plan === plan || (u.plan === null && u.role === 'admin'));

/**
 * Who gets a plan's morning digest: its leaders unless they opted out with /tatdigest, and anyone on the plan
 * who opted in with /nhandigest. `choiceOf` gives a user's explicit choice, or null.
 */
export function digestRecipients(
  users: UserRecord[],
  plan: string,
  choiceOf: (userKey: string) => boolean | null,
): UserRecord[] {
  return users.filter((u) => onPlan(u, plan) && (choiceOf(u.key) ?? u.role === 'leader'));
}

/** The registered officers of some units of a plan; the plan's leaders when no unit is named. */
export function unitRecipients(users: UserRecord[], plan: string, units: string[]): UserRecord[] {
  if (units.length === 0) return users.filter((u) => u.active && u.plan === plan && u.role === 'leader');
  return users.filter(
    (u) => u.active && u.plan === plan && u.role === 'officer' && u.unit !== null && units.includes(u.unit),
  );
}

/**
 * The officers who lead a task: their unit is named as lead, is a declared member of a lead group, or the lead is a
 * group of units without members ("Các phòng, đơn vị"). With `share`, only the officers reporting that unit's share.
 */
export function taskRecipients(
  users: UserRecord[],
  task: Task,
  members: UnitMembers = NO_MEMBERS,
  share: string | null = null,
): UserRecord[] {
  return users.filter(
    (u) =>
      u.role === 'officer' &&
      accessTo(u, task, members) === 'full' &&
      (share === null || shareOf(u, task, members) === share),
  );
}
