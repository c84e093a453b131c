import { parseArgs } from 'node:util';
import { isoDaySchema } from '../../knowledge/index.js';
import { stateText } from '../../messages/index.js';
import { openStore } from '../../store/index.js';
import { derivePlanStates, type TaskState } from '../../tasks/index.js';
import { loadPlansReporting } from '../load-knowledge.js';

export const summary = 'current state of every task of a plan  --plan ID [--format text|csv] [--today YYYY-MM-DD]';

const USAGE = 'usage: npm run cli -- progress --plan ID [--format text|csv] [--today YYYY-MM-DD]';
const COLUMNS = ['plan', 'task', 'period', 'state', 'status', 'percent', 'due', 'days_late', 'days_left', 'last_update', 'by', 'note'];

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function csvRow(s: TaskState): string {
  const last = s.lastUpdate;
  const cells = [s.task.plan, s.task.no, s.period, s.kind, s.status, s.percent, s.due, s.daysLate, s.daysLeft, last?.createdAt.toISOString(), last?.userName, last?.note];
  return cells.map(csvCell).join(',');
}

const textRow = (s: TaskState) => `${s.task.no}\t${stateText(s)}\t${s.due ?? s.task.deadline.raw}\t${s.lastUpdate ? `${s.lastUpdate.userName} ${s.lastUpdate.createdAt.toISOString()}` : '-'}`;

/** `progress --plan nhi-chieu [--format csv]`: the derived state of every task, from the stored history. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { plan: { type: 'string' }, format: { type: 'string', default: 'text' }, today: { type: 'string' } } });
  const today = values.today === undefined ? null : isoDaySchema.safeParse(values.today);
  if (!values.plan || !['text', 'csv'].includes(values.format) || (today && !today.success)) {
    console.error(USAGE);
    return 1;
  }
  const plans = loadPlansReporting(process.env.KNOWLEDGE_DIR || 'knowledge').plans;
  const plan = plans.find((p) => p.id === values.plan);
  if (!plan) {
    console.error(`progress: unknown plan "${values.plan}"; plans: ${plans.map((p) => p.id).join(', ')}`);
    return 1;
  }
  const now = today?.success ? new Date(`${today.data}T12:00:00+07:00`) : new Date();
  const store = openStore(process.env.DATABASE_PATH || 'data/troly.db');
  try {
    const states = derivePlanStates(plan.tasks, store.progress.listForPlan(plan.id), now);
    if (values.format === 'csv') console.log([COLUMNS.join(','), ...states.map(csvRow)].join('\n'));
    else console.log(states.map(textRow).join('\n'));
    return 0;
  } finally {
    store.close();
  }
}
