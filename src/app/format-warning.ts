import type { ReadWarning } from '../knowledge/index.js';

/** One warning as `file:line: message` (line left out when unknown). */
export function formatWarning(w: ReadWarning): string {
  return w.line > 0 ? `${w.file}:${w.line}: ${w.message}` : `${w.file}: ${w.message}`;
}
