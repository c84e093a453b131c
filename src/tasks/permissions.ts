import type { Task } from '../knowledge/index.js';
import { belongsTo, NO_MEMBERS, type UnitMembers } from './members.js';
import type { UserRecord } from './ports.js';

/** What a user may do to a task: change its status (and add notes), only add notes, or nothing. */
export type Access = 'full' | 'note_only' | 'none';

/**
 * Who may update: an admin any task; a leader any task of their plan; an officer the tasks their unit
 * leads, and notes (no status change) on the tasks their unit coordinates. A group of units named as lead
 * or coordinator ("Các phòng, đơn vị", "UBND các xã, phường") includes its declared `members`, or every unit of the
 * plan while it has none.
 */
export function accessTo(user: UserRecord, task: Task, members: UnitMembers = NO_MEMBERS): Access {
  if (!user.active) return 'none';
  if (user.role === 'admin') return 'full';
  if (user.plan !== task.plan) return 'none';
  if (user.role === 'leader') return 'full';
  // A unit named outright outranks membership of a group: "Phòng VHXH" as coordinator of a task led by
  // "Các phòng, đơn vị" only adds notes.
  const unit = user.unit;
  if (unit === null) return 'none';
  // A declared member outranks an undeclared group the same way.
  const by = (list: Task['lead'], how: 'named' | 'member' | 'group') =>
    list.some((a) => belongsTo(unit, a.name, members) === how);
  for (const how of ['named', 'member', 'group'] as const) {
    if (by(task.lead, how)) return 'full';
    if (by(task.coordinators, how)) return 'note_only';
  }
  return 'none';
}

/** Why a user may not make an update. */
export type AccessError =
  | { code: 'not_registered' }
  | { code: 'not_your_task'; task: Task; unit: string | null }
  | { code: 'note_only'; task: Task };

/** Checks that `user` may record `status` (null: a note only) on `task`. */
export function checkAccess(
  user: UserRecord | undefined,
  task: Task,
  status: string | null,
  members: UnitMembers = NO_MEMBERS,
): AccessError | null {
  if (!user?.active) return { code: 'not_registered' };
  const access = accessTo(user, task, members);
  if (access === 'none') return { code: 'not_your_task', task, unit: user.unit };
  return access === 'note_only' && status !== null ? { code: 'note_only', task } : null;
}

/** The tasks `user` may update at all (fully or by notes), in plan order. */
export function tasksOf<T extends Task>(user: UserRecord, tasks: readonly T[], members: UnitMembers = NO_MEMBERS): T[] {
  return tasks.filter((t) => accessTo(user, t, members) !== 'none');
}
