import type { ProgressStatus, UpdateInput } from '../tasks/index.js';
import type { PlanUpload } from '../tasks/index.js';

/** Where a person is in a guided update or a confirmation (of an update, of a plan file). Held in memory only. */
export type Dialog =
  | { step: 'task' }
  | { step: 'status'; plan: string; no: string }
  | { step: 'note'; plan: string; no: string; status: ProgressStatus | null }
  | { step: 'confirm'; input: UpdateInput }
  | { step: 'plan_file'; upload: PlanUpload };

/** An abandoned dialog is forgotten after this long. */
const TTL_MS = 30 * 60 * 1000;

/** Per-user dialog state with expiry. */
export function createDialogs() {
  const byUser = new Map<string, { dialog: Dialog; at: number }>();
  return {
    get(key: string, now: Date): Dialog | undefined {
      const entry = byUser.get(key);
      if (entry && now.getTime() - entry.at > TTL_MS) byUser.delete(key);
      return byUser.get(key)?.dialog;
    },
    set(key: string, dialog: Dialog, now: Date): void {
      byUser.set(key, { dialog, at: now.getTime() });
    },
    clear(key: string): void {
      byUser.delete(key);
    },
  };
}
export type Dialogs = ReturnType<typeof createDialogs>;
