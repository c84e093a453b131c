import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parsePlan } from './parse-plan.js';
import type { Plan, ReadWarning } from './schema.js';

const PLAN_EXTENSIONS = new Set(['.md', '.txt']);

/** Why a file's bytes are not a readable plan, or null when they are. */
function unreadable(text: string): string | null {
  if (text.trim() === '') return 'file is empty';
  const junk = (text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  return junk > 0 && junk / text.length > 0.01 ? 'file is not UTF-8 text; skipped' : null;
}

/** UTF-8, or UTF-16 when the file starts with its byte-order mark (Windows "Unicode" text). */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8');
}

function readOne(dir: string, name: string): { plan: Plan | null; warnings: ReadWarning[] } {
  const file = join(dir, name);
  try {
    const text = decode(readFileSync(file));
    const problem = unreadable(text);
    if (problem) return { plan: null, warnings: [{ file, line: 0, message: problem }] };
    const result = parsePlan(basename(name, extname(name)), file, text);
    const { tasks, sections } = result.plan;
    if (tasks.length === 0 && sections.length === 0) result.warnings.push({ file, line: 0, message: 'no task table and no numbered sections found' });
    return result;
  } catch (err) {
    return { plan: null, warnings: [{ file, line: 0, message: `could not read: ${(err as Error).message}` }] };
  }
}

/**
 * Reads every `.md`/`.txt` plan of a folder (plan id = file stem; README files left out).
 * A bad file gives warnings, never a stop.
 */
export function loadKnowledge(dir: string): { plans: Plan[]; warnings: ReadWarning[] } {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => PLAN_EXTENSIONS.has(extname(n).toLowerCase()) && !/^readme\./i.test(n))
      .sort();
  } catch (err) {
    return { plans: [], warnings: [{ file: dir, line: 0, message: `could not list the folder: ${(err as Error).message}` }] };
  }
  const plans: Plan[] = [];
  const warnings: ReadWarning[] = [];
  for (const name of names) {
    const result = readOne(dir, name);
    if (result.plan) plans.push(result.plan);
    warnings.push(...result.warnings);
  }
  return { plans, warnings };
}
