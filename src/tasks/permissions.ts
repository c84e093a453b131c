import type { Task } from '../knowledge/index.js';
import { foldCase } from '../text/index.js';
import { COLLECTIVE_WORDS } from './lexicon.js';
import type { UserRecord } from './ports.js';

/** What a user may do to a task: change its status (and add notes), only add notes, or nothing. */
export type Access = 'full' | 'note_only' | 'none';

/**
 * Who may update: an admin any task; a leader any task of their plan; an officer the tasks their unit
 * leads, and notes (no status change) on the tasks their unit coordinates. A group of units named as lead
 * or coordinator ("Các phòng, đơn vị", "UBND các xã, phường") includes every unit of the plan.
 */
export function accessTo(user: UserRecord, task: Task): Access {
  if (!user.active) return 'none';
  if (user.role === 'admin') return 'full';
  if (user.plan !== task.plan) return 'none';
  if (user.role === 'leader') return 'full';
  // A unit named outright outranks membership of a group: "Phòng VHXH" as coordinator of a task led by
  // "Các phòng, đơn vị" only adds notes.
  const unit = user.unit;
  if (unit === null) return 'none';
  if (task.lead.some((a) => a.name === unit)) return 'full';
  if (task.coordinators.some((a) => a.name === unit)) return 'note_only';
  if (task.lead.some((a) => isCollective(a.name))) return 'full';
  return task.coordinators.some((a) => isCollective(a.name)) ? 'note_only' : 'none';
}

const isCollective = (name: string) =>
  foldCase(name)
    .split(/[\s,]+/)
    .some((w) => COLLECTIVE_WORDS.includes(w));

/** Why a user may not make an update. */
export type AccessError =
  | { code: 'not_registered' }
  | { code: 'not_your_task'; task: Task; unit: string | null }
  | { code: 'note_only'; task: Task };

/** Checks that `user` may record `status` (null: a note only) on `task`. */
export function checkAccess(user: UserRecord | undefined, task: Task, status: string | null): AccessError | null {
  if (!user?.active) return { code: 'not_registered' };
  const access = accessTo(user, task);
  if (access === 'none') return { code: 'not_your_task', task, unit: user.unit };
  return access === 'note_only' && status !== null ? { code: 'note_only', task } : null;
}

/** The tasks `user` may update at all (fully or by notes), in plan order. */
export function tasksOf(user: UserRecord, tasks: Task[]): Task[] {
  return tasks.filter((t) => accessTo(user, t) !== 'none');
}
