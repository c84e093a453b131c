import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { loadKnowledge, type Plan, type ReadWarning } from '../knowledge/index.js';

/** What reading one plan file gives: the plan when one was read, and every warning (file named, never thrown). */
export type PlanFileResult = { plan?: Plan; warnings: ReadWarning[] };

/** File name endings read as plans. */
export const PLAN_FILE_EXTENSIONS: readonly string[] = ['.md', '.txt'];

/** Every plan of a folder (plan id = file stem) with the warnings met; one bad file only adds warnings. */
export async function readPlanFolder(dir: string): Promise<{ plans: Plan[]; warnings: ReadWarning[] }> {
  return loadKnowledge(dir);
}

/**
 * Reads one plan file as plan `id` (default its stem), wherever it lies; warnings name `path`. The file is read from a
 * private copy named after the id, so the plan is read exactly as it will be once stored under that name.
 */
export async function readPlanFile(path: string, id = basename(path, extname(path))): Promise<PlanFileResult> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-'));
  try {
    const copy = join(dir, `${id}${extname(path).toLowerCase()}`);
    copyFileSync(path, copy);
    const { plans, warnings } = await readPlanFolder(dir);
    const plan = plans[0] && { ...plans[0], file: path };
    return { ...(plan ? { plan } : {}), warnings: warnings.map((w) => ({ ...w, file: path })) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Why a reading is no plan to serve (no plan, or nothing found in it), or null when it is one. */
export function planProblem(result: PlanFileResult): string | null {
  const { plan } = result;
  if (!plan) return result.warnings[0]?.message ?? 'no plan was read';
  const found = plan.tasks.length + plan.duties.length + plan.sections.length;
  return found === 0 ? 'no task, duty or numbered section was found' : null;
}
