import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plan, ReadWarning } from '../knowledge/index.js';
import { formatOf } from './formats.js';
import { planOfAppendix } from './appendix-match.js';
import { extractPlanText, planIdOf, readPlanFile } from './read-plan-file.js';

/** Files that are never plans: READMEs and hidden files (".DS_Store", "~$plan.docx" lock files of Word). */
const IGNORED = /^(readme\.|\.|~\$)/i;

/** The plan files of a folder, one per stem (the best-ranked format), with a warning for each file left out. */
function choosePlanFiles(names: readonly string[], dir: string): { chosen: string[]; warnings: ReadWarning[] } {
  const byStem = new Map<string, { name: string; rank: number }[]>();
  const warnings: ReadWarning[] = [];
  for (const name of names) {
    const format = formatOf(name);
    if (format.kind === 'unsupported') warnings.push({ file: join(dir, name), line: 0, message: format.advice });
    if (format.kind !== 'plan') continue;
    const stem = planIdOf(name).toLowerCase();
    byStem.set(stem, [...(byStem.get(stem) ?? []), { name, rank: format.rank }]);
  }
  const chosen = [...byStem.values()].map((files) => {
    const [best, ...others] = [...files].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
    for (const o of others)
      warnings.push({
        file: join(dir, o.name),
        line: 0,
        message: `same name as ${best!.name}; only ${best!.name} is read (one plan per name: rename or remove one)`,
      });
    return best!.name;
  });
  return { chosen: chosen.sort(), warnings };
}

/** Each appendix file read again with the plan it belongs to (see `planOfAppendix`); a warning for one that has none. */
async function attachAppendices(files: readonly string[], plans: Plan[], warnings: ReadWarning[]): Promise<void> {
  const byPlan = new Map<Plan, string[]>();
  for (const file of files) {
    const { text, warnings: problems } = await extractPlanText(file);
    if (text === undefined) {
      warnings.push(...problems);
      continue;
    }
    const plan = planOfAppendix(file, text, plans);
    if (plan) byPlan.set(plan, [...(byPlan.get(plan) ?? []), file]);
    else
      warnings.push({
        file,
        line: 0,
        message:
          'appendix of no plan in the folder: name it after its plan (e.g. KH-158-phu-luc.xlsx beside KH-158.pdf) or title it "Kèm theo Kế hoạch số …"',
      });
  }
  for (const [plan, appendices] of byPlan) {
    const result = await readPlanFile(plan.file, { id: plan.id, appendices });
    if (!result.plan) continue;
    plans[plans.indexOf(plan)] = result.plan;
    const own = new Set([plan.file, ...appendices]);
    warnings.splice(0, warnings.length, ...warnings.filter((w) => !own.has(w.file)), ...result.warnings);
  }
}

/**
 * Reads every plan file of a folder (plan id = file stem; README and hidden files left out) in any supported format.
 * A bad or unsupported file gives warnings, never a stop.
 */
export async function loadKnowledge(dir: string): Promise<{ plans: Plan[]; warnings: ReadWarning[] }> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries
      .filter((e) => e.isFile() && !IGNORED.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch (err) {
    return {
      plans: [],
      warnings: [{ file: dir, line: 0, message: `could not list the folder: ${(err as Error).message}` }],
    };
  }
  const { chosen, warnings } = choosePlanFiles(names, dir);
  const plans: Plan[] = [];
  for (const name of chosen) {
    const result = await readPlanFile(join(dir, name));
    if (result.plan) plans.push(result.plan);
    warnings.push(...result.warnings);
  }
  await attachAppendices(
    names.filter((n) => formatOf(n).kind === 'appendix').map((n) => join(dir, n)),
    plans,
    warnings,
  );
  return { plans, warnings };
}
