import {
  findAppendixPlan,
  isAppendixFile,
  loadKnowledge,
  type FolderReading,
  type ReadCache,
  PLAN_FILE_EXTENSIONS,
  readPlanFile as readIngested,
  planIdOf,
  type PlanFileResult,
} from '../ingest/index.js';
import { readWarning, type ReadWarning } from '../knowledge/index.js';

export { findAppendixPlan, isAppendixFile, PLAN_FILE_EXTENSIONS, type PlanFileResult };

/**
 * Every plan of a folder (plan id = file stem) with the warnings met and the reading keys; one bad file only adds
 * warnings; with a cache only the files that changed are read.
 */
export async function readPlanFolder(dir: string, cache?: ReadCache): Promise<FolderReading> {
  return loadKnowledge(dir, { cache });
}

/** Reads one plan file of any supported format as plan `id` (default its stem), wherever it lies; warnings name `path`. */
export async function readPlanFile(
  path: string,
  id = planIdOf(path),
  appendices: readonly string[] = [],
): Promise<PlanFileResult> {
  return readIngested(path, { id, appendices });
}

/** Why the reading of `file` is no plan to serve (no plan, or nothing found in it), or null when it is one. */
export function planProblem(file: string, result: PlanFileResult): ReadWarning | null {
  const { plan } = result;
  if (!plan) return result.warnings[0] ?? readWarning(file, 0, { code: 'unreadable', detail: 'no plan was read' });
  const found = plan.tasks.length + plan.duties.length + plan.sections.length;
  return found === 0 ? readWarning(file, 0, { code: 'no_plan' }) : null;
}
