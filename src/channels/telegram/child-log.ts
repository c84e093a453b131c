import type { Log } from '../../chat/index.js';

/** A log that adds `bindings` to every line (per-update context: `channel`, `updateId`, `userId`). */
export function childLog(log: Log, bindings: Record<string, unknown>): Log {
  return (level, msg, data) => log(level, msg, { ...bindings, ...data });
}
