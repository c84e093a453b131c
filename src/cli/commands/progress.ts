import { toIsoDay } from '../../calendar/index.js';
import { trackedItems } from '../../knowledge/index.js';
import { formatTime, stateText, STATUS_LABEL } from '../../messages/index.js';
import { derivePlanStates, membersByGroup, type TaskState } from '../../tasks/index.js';
import { csvLine } from '../csv.js';
import { loadPlansReporting } from '../load-knowledge.js';
import { knowledgeDir, parseOptions, parseToday, PLACE_OPTIONS, todayProblem } from '../options.js';
import { dataSourceOf, withRepositories } from '../with-store.js';

export const summary = 'current state of every task of a plan  --plan ID [--format text|csv] [--today YYYY-MM-DD]';

const USAGE =
  'usage: npm run cli -- progress --plan ID [--format text|csv] [--today YYYY-MM-DD] [--db FILE] [--knowledge DIR]';
const OPTIONS = {
  plan: { type: 'string' },
  format: { type: 'string', default: 'text' },
  today: { type: 'string' },
  ...PLACE_OPTIONS,
} as const;
// state_code is the machine-readable state; state and status are in the words the chat uses, last_update in Hanoi time.
const COLUMNS = [
  'plan',
  'task',
  'period',
  'state_code',
  'state',
  'status',
  'percent',
  'due',
  'days_late',
  'days_left',
  'last_update',
  'by',
  'note',
];

function csvRow(s: TaskState): string {
  const last = s.lastUpdate;
  const cells = [
    s.task.plan,
    s.task.no,
    s.trackingYear,
    s.kind,
    stateText(s),
    s.status && STATUS_LABEL[s.status],
    s.percent,
    s.due,
    s.daysLate,
    s.daysLeft,
    last && formatTime(last.createdAt),
    last?.userName,
    last?.note,
  ];
  return csvLine(cells);
}

const TEXT_HEADER = 'task\tstate\tdue\tlast update';
const textRow = (s: TaskState) =>
  `${s.task.no}\t${stateText(s)}\t${s.due ?? s.task.deadline.raw}\t${s.lastUpdate ? `${s.lastUpdate.userName} ${formatTime(s.lastUpdate.createdAt)}` : '-'}`;

/** What is wrong with the options, or null. */
function optionProblem(v: { plan?: string; format: string; today?: string }): string | null {
  if (!v.plan) return '--plan is required';
  if (v.format !== 'text' && v.format !== 'csv') return `--format must be text or csv, got '${v.format}'`;
  return todayProblem(v.today);
}

/** `progress --plan nhi-chieu [--format csv] [--today 2026-06-01]`: the derived state of every task, from the history up to that day. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions('progress', USAGE, { args, options: OPTIONS });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const problem = optionProblem(values);
  if (problem) {
    console.error(`progress: ${problem}\n${USAGE}`);
    return 1;
  }
  const plans = (await loadPlansReporting(knowledgeDir(values.knowledge))).plans;
  const plan = plans.find((p) => p.id === values.plan);
  if (!plan) {
    console.error(`progress: unknown plan "${values.plan}"; plans: ${plans.map((p) => p.id).join(', ')}`);
    return 1;
  }
  const now = values.today === undefined ? new Date() : parseToday(values.today)!;
  return withRepositories(
    'progress',
    dataSourceOf(values.db),
    async (store) => {
      // As of --today: updates recorded on a later day had not happened yet.
      const records = (await store.progress.listForPlan(plan.id)).filter((r) => toIsoDay(r.createdAt) <= toIsoDay(now));
      const members = membersByGroup(await store.members.listForPlan(plan.id), plan.id);
      const states = derivePlanStates(trackedItems(plan), records, now, members);
      // The byte-order mark makes Excel, where officials open it, read the Vietnamese as UTF-8.
      if (values.format === 'csv') console.log([`\uFEFF${COLUMNS.join(',')}`, ...states.map(csvRow)].join('\n'));
      else console.log([TEXT_HEADER, ...states.map(textRow)].join('\n'));
      return 0;
    },
    { mustExist: true },
  );
}
