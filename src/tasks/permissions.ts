import type { Task } from '../knowledge/index.js';
import type { UserRecord } from './ports.js';

/** What a user may do to a task: change its status (and add notes), only add notes, or nothing. */
export type Access = 'full' | 'note_only' | 'none';

/**
 * Who may update: an admin any task; a leader any task of their plan; an officer the tasks their unit
 * leads, and notes (no status change) on the tasks their unit coordinates.
 */
export function accessTo(user: UserRecord, task: Task): Access {
  if (!user.active) return 'none';
  if (user.role === 'admin') return 'full';
  if (user.plan !== task.plan) return 'none';
  if (user.role === 'leader') return 'full';
  if (task.lead.some((a) => a.name === user.unit)) return 'full';
  return task.coordinators.some((a) => a.name === user.unit) ? 'note_only' : 'none';
}
