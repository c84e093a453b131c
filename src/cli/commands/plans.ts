import { parseArgs } from 'node:util';
import type { Plan, ReadWarning } from '../../knowledge/index.js';
import { placeOf } from '../../messages/index.js';
import { loadPlansReporting } from '../load-knowledge.js';
import { knowledgeDir } from '../options.js';
import { addPlan } from '../plans-add.js';

export const summary =
  'list the plans read from the knowledge folder with their counts  [--knowledge DIR] [--json]; add one: plans add FILE [--id ID] [--replace]';

function row(plan: Plan, warnings: readonly ReadWarning[]) {
  const locality = placeOf(plan.meta.locality) ?? '';
  return {
    id: plan.id,
    number: plan.meta.number ?? '-',
    locality: locality || '-',
    date: plan.meta.date ?? '-',
    tasks: plan.tasks.length,
    duties: plan.duties.length,
    targets: plan.targets.length,
    sections: plan.sections.length,
    warnings: warnings.filter((w) => w.file === plan.file).length,
  };
}

function printTable(rows: ReadonlyArray<Record<string, string | number>>): void {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(line(keys));
  for (const r of rows) console.log(line(keys.map((k) => String(r[k]))));
}

/** `plans [--knowledge DIR] [--json]`: one line per plan read; `plans add FILE …` adds one. */
export async function run(args: string[]): Promise<number> {
  if (args[0] === 'add') return addPlan(args.slice(1));
  const { values } = parseArgs({ args, options: { knowledge: { type: 'string' }, json: { type: 'boolean' } } });
  const dir = knowledgeDir(values.knowledge);
  const { plans, warnings } = await loadPlansReporting(dir);
  const rows = plans.map((p) => row(p, warnings));
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else if (rows.length === 0) console.log(`no plans in ${dir}`);
  else printTable(rows);
  return 0;
}
