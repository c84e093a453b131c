import { formatWarning } from '../app/index.js';
import { loadKnowledge } from '../ingest/index.js';
import type { Plan, ReadWarning } from '../knowledge/index.js';

/** Reads the plans of `dir`, printing each warning to stderr. */
export async function loadPlansReporting(dir: string): Promise<{ plans: Plan[]; warnings: ReadWarning[] }> {
  const result = await loadKnowledge(dir);
  for (const w of result.warnings) console.error(`warning: ${formatWarning(w)}`);
  return result;
}
