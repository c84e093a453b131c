import { parseArgs } from 'node:util';
import { trackedItems, type TrackedItem } from '../../knowledge/index.js';
import { loadPlansReporting } from '../load-knowledge.js';
import { knowledgeDir } from '../options.js';

export const summary =
  'print what progress is tracked on in one plan: appendix tasks, then body duties by section  --plan ID [--json] [--knowledge DIR]';

function printTask(t: TrackedItem): void {
  const due = t.deadline.due ? ` → due ${t.deadline.due}` : '';
  console.log(`${t.no}. ${t.source === 'body' ? '[body duty] ' : ''}${t.content}`);
  console.log(`   lead: ${t.lead.map((a) => a.name).join('; ') || '-'}`);
  console.log(`   coordinators: ${t.coordinators.map((a) => a.name).join('; ') || '-'}`);
  console.log(`   product: ${t.product || '-'}`);
  console.log(`   deadline: ${t.deadline.raw || '-'} (${t.deadline.kind}${due})`);
}

/** `tasks --plan ID [--json] [--knowledge DIR]`. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { plan: { type: 'string' }, json: { type: 'boolean' }, knowledge: { type: 'string' } },
  });
  if (!values.plan) {
    console.error('usage: npm run cli -- tasks --plan ID [--json] [--knowledge DIR]');
    return 1;
  }
  const { plans } = await loadPlansReporting(knowledgeDir(values.knowledge));
  const plan = plans.find((p) => p.id === values.plan);
  if (!plan) {
    console.error(`unknown plan '${values.plan}' (known: ${plans.map((p) => p.id).join(', ') || 'none'})`);
    return 1;
  }
  const items = trackedItems(plan);
  if (values.json) console.log(JSON.stringify(items, null, 2));
  else items.forEach(printTask);
  return 0;
}
