import { basename, extname } from 'node:path';
import { parsePlan, readWarning, type Plan, type ReadWarning, type WarningAbout } from '../knowledge/index.js';
import type { ExtractOptions } from './extraction.js';
import { formatOf } from './formats.js';

/** Options of `readPlanFile`. */
export type ReadPlanOptions = ExtractOptions & {
  /** Plan id; default the file stem ("KH-158.pdf" → "KH-158"). */
  id?: string;
  /** Appendix files (.xlsx) read as the end of this plan; default none. */
  appendices?: readonly string[];
};

/** What reading one plan file gives: the plan when one was read, and every warning (file named, never thrown). */
export type PlanFileResult = { plan?: Plan; warnings: ReadWarning[] };

/** A plan's id from its file name: the stem. */
export const planIdOf = (path: string): string => basename(path, extname(path));

const warn = (file: string, about: WarningAbout): ReadWarning => readWarning(file, 0, about);

/** The plan text of a file (extraction notes as warnings), or the warning saying why there is none. */
export async function extractPlanText(
  path: string,
  options: ExtractOptions = {},
): Promise<{ text?: string; warnings: ReadWarning[] }> {
  const format = formatOf(path);
  if (format.kind === 'unsupported') return { warnings: [warn(path, format.advice)] };
  try {
    const got = await format.extract(path, options);
    if (!got.ok) return { warnings: [warn(path, got.problem)] };
    return { text: got.text, warnings: got.notes.map((n) => warn(path, n)) };
  } catch (err) {
    return { warnings: [warn(path, { code: 'unreadable', detail: (err as Error).message })] };
  }
}

/** Parses extracted plan text through the one shared plan reader, adding a warning when nothing plan-like was found. */
export function parsePlanText(id: string, path: string, text: string): PlanFileResult {
  const { plan, warnings } = parsePlan(id, path, text);
  if (plan.tasks.length === 0 && plan.sections.length === 0) warnings.push(warn(path, { code: 'nothing_found' }));
  return { plan, warnings };
}

/**
 * Reads one plan file of any supported format into a `Plan`: the format's text is extracted, then read by the same
 * reader as a `.md` plan. An unsupported or unreadable file gives a warning naming it and no plan.
 */
export async function readPlanFile(path: string, options: ReadPlanOptions = {}): Promise<PlanFileResult> {
  if (formatOf(path).kind === 'appendix') return { warnings: [warn(path, { code: 'appendix_alone' })] };
  const { text, warnings } = await extractPlanText(path, options);
  if (text === undefined) return { warnings };
  const parts = [text];
  for (const appendix of options.appendices ?? []) {
    const got = await extractPlanText(appendix, options);
    warnings.push(...got.warnings);
    if (got.text !== undefined) parts.push(got.text);
  }
  const read = parsePlanText(options.id ?? planIdOf(path), path, parts.join('\n'));
  return { plan: read.plan, warnings: [...warnings, ...read.warnings] };
}
