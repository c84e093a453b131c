import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readWarning, type Plan, type ReadWarning } from '../knowledge/index.js';
import { formatOf } from './formats.js';
import { planOfAppendix } from './appendix-match.js';
import type { ReadCache } from './read-cache.js';
import { cachedExtract, cachedRead, type CacheUse, type Reading } from './cached-read.js';
import { planIdOf } from './read-plan-file.js';

/** Files that are never plans: READMEs and hidden files (".DS_Store", "~$plan.docx" lock files of Word). */
const IGNORED = /^(readme\.|\.|~\$)/i;

/** The plan files of a folder, one per stem (the best-ranked format), with a warning for each file left out. */
function choosePlanFiles(names: readonly string[], dir: string): { chosen: string[]; warnings: ReadWarning[] } {
  const byStem = new Map<string, { name: string; rank: number }[]>();
  const warnings: ReadWarning[] = [];
  for (const name of names) {
    const format = formatOf(name);
    if (format.kind === 'unsupported') warnings.push(readWarning(join(dir, name), 0, format.advice));
    if (format.kind !== 'plan') continue;
    const stem = planIdOf(name).toLowerCase();
    byStem.set(stem, [...(byStem.get(stem) ?? []), { name, rank: format.rank }]);
  }
  const chosen = [...byStem.values()].map((files) => {
    const [best, ...others] = [...files].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
    for (const o of others)
      warnings.push(readWarning(join(dir, o.name), 0, { code: 'same_name', subject: best!.name }));
    return best!.name;
  });
  return { chosen: chosen.sort(), warnings };
}

/** Each appendix file read again with the plan it belongs to (see `planOfAppendix`); a warning for one that has none. */
async function attachAppendices(
  files: readonly string[],
  readings: Reading[],
  warnings: ReadWarning[],
  cache: CacheUse | undefined,
): Promise<void> {
  const plans = readings.flatMap((r) => (r.result.plan ? [r.result.plan] : []));
  const byPlan = new Map<Plan, string[]>();
  for (const file of files) {
    const { text, warnings: problems } = await cachedExtract(file, cache);
    if (text === undefined) {
      warnings.push(...problems);
      continue;
    }
    const plan = planOfAppendix(file, text, plans);
    if (plan) byPlan.set(plan, [...(byPlan.get(plan) ?? []), file]);
    else warnings.push(readWarning(file, 0, { code: 'appendix_unmatched' }));
  }
  for (const [plan, appendices] of byPlan) {
    const reading = await cachedRead(plan.file, { id: plan.id, appendices }, cache);
    const { result } = reading;
    if (!result.plan) continue;
    readings[readings.findIndex((r) => r.result.plan === plan)] = reading;
    const own = new Set([plan.file, ...appendices]);
    warnings.splice(0, warnings.length, ...warnings.filter((w) => !own.has(w.file)), ...result.warnings);
  }
}

/** Options of {@link loadKnowledge}. */
export type LoadKnowledgeOptions = {
  /**
   * What each file read as, kept between starts (`createReadCache`): a file whose bytes (and appendices) and reader
   * version are unchanged is not read again. Default none: every file is read.
   */
  cache?: ReadCache;
};

/**
 * The plans of a folder, the warnings met, and each plan's reading key by plan id: it changes whenever the plan's
 * files or the reader change (a key for what is built from the plans, as the search index).
 */
export type FolderReading = { plans: Plan[]; warnings: ReadWarning[]; keys: Map<string, string> };

/**
 * Reads every plan file of a folder (plan id = file stem; README and hidden files left out) in any supported format.
 * A bad or unsupported file gives warnings, never a stop. With a `cache`, only the files that changed are read and
 * the entries of files gone are removed.
 */
export async function loadKnowledge(dir: string, options: LoadKnowledgeOptions = {}): Promise<FolderReading> {
  const cache = options.cache && { cache: options.cache, used: new Set<string>() };
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
      warnings: [readWarning(dir, 0, { code: 'folder_unlisted', detail: (err as Error).message })],
      keys: new Map(),
    };
  }
  const { chosen, warnings } = choosePlanFiles(names, dir);
  const readings: Reading[] = [];
  for (const name of chosen) {
    const reading = await cachedRead(join(dir, name), {}, cache);
    readings.push(reading);
    warnings.push(...reading.result.warnings);
  }
  const appendices = names.filter((n) => formatOf(n).kind === 'appendix').map((n) => join(dir, n));
  await attachAppendices(appendices, readings, warnings, cache);
  if (cache) cache.cache.keep(cache.used);
  const plans = readings.flatMap((r) => (r.result.plan ? [r.result.plan] : []));
  return {
    plans,
    warnings,
    keys: new Map(readings.flatMap((r) => (r.result.plan ? [[r.result.plan.id, r.key]] : []))),
  };
}
