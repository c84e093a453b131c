import { loadKnowledge, type Plan, type ReadWarning } from '../knowledge/index.js';

/** One warning as `file:line: message` (line left out when unknown). */
export function formatWarning(w: ReadWarning): string {
  return w.line > 0 ? `${w.file}:${w.line}: ${w.message}` : `${w.file}: ${w.message}`;
}

/** Reads the plans of `dir`, printing each warning to stderr. */
export function loadPlansReporting(dir: string): { plans: Plan[]; warnings: ReadWarning[] } {
  const result = loadKnowledge(dir);
  for (const w of result.warnings) console.error(`warning: ${formatWarning(w)}`);
  return result;
}
