import { basename, extname } from 'node:path';
import type { Plan, ReadWarning } from '../knowledge/index.js';
import { extractPlanText } from './read-plan-file.js';

const ATTACHED_TO = /Kèm theo\s+Kế hoạch\s+số\s*(\d+)\s*\/\s*([\p{L}\d-]+)/iu;
const stem = (file: string) => basename(file, extname(file)).toLowerCase();

/**
 * The plan an appendix file belongs to: the plan whose number its title names ("Kèm theo Kế hoạch số 158/KH-UBND"),
 * else the plan whose file stem begins its own ("nhi-chieu-phu-luc.xlsx" → nhi-chieu), the longest such; null when none.
 */
export function planOfAppendix(file: string, text: string, plans: readonly Plan[]): Plan | null {
  const named = ATTACHED_TO.exec(text);
  const number = named ? `${named[1]}/${named[2]}`.toUpperCase() : null;
  const byNumber = number ? plans.find((p) => p.meta.number?.replace(/\s+/g, '').toUpperCase() === number) : undefined;
  if (byNumber) return byNumber;
  const byStem = plans
    .filter((p) => stem(file).startsWith(stem(p.file)))
    .sort((a, b) => stem(b.file).length - stem(a.file).length);
  return byStem[0] ?? null;
}

/**
 * The plan of `plans` an appendix file belongs to (see `planOfAppendix`), read from the file; null when it belongs to
 * none, or cannot be read (the warnings say why).
 */
export async function findAppendixPlan(
  file: string,
  plans: readonly Plan[],
): Promise<{ plan: Plan | null; warnings: ReadWarning[] }> {
  const { text, warnings } = await extractPlanText(file);
  return { plan: text === undefined ? null : planOfAppendix(file, text, plans), warnings };
}
