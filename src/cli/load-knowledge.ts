import { formatWarning } from '../app/format-warning.js';
import { loadKnowledge, type Plan, type ReadWarning } from '../knowledge/index.js';

/** Reads the plans of `dir`, printing each warning to stderr. */
export function loadPlansReporting(dir: string): { plans: Plan[]; warnings: ReadWarning[] } {
  const result = loadKnowledge(dir);
  for (const w of result.warnings) console.error(`warning: ${formatWarning(w)}`);
  return result;
}
