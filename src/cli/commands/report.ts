import { writeFileSync } from 'node:fs';
import { buildReport, parseReportPeriod, type ReportModel } from '../../digest/index.js';
import { membersByGroup } from '../../tasks/index.js';
import { renderReportDocx, renderReportMd, renderReportXlsx } from '../../reports/index.js';
import { loadPlansReporting } from '../load-knowledge.js';
import { knowledgeDir, parseOptions, parseToday, PLACE_OPTIONS, todayProblem } from '../options.js';
import { dataSourceOf, withRepositories } from '../with-store.js';

export const summary =
  'periodic report of a plan  --plan ID --period 2026-H1|2026|2026-Q3 --format xlsx|docx|md --out FILE';

const USAGE =
  'usage: npm run cli -- report --plan ID --period 2026-H1|2026|2026-Q3|2026-9M --format xlsx|docx|md --out FILE [--today YYYY-MM-DD] [--db FILE] [--knowledge DIR]';

const RENDER: Record<string, (m: ReportModel) => Promise<Buffer | string>> = {
  xlsx: renderReportXlsx,
  docx: renderReportDocx,
  md: async (m) => renderReportMd(m),
};

const OPTIONS = {
  plan: { type: 'string' },
  period: { type: 'string' },
  format: { type: 'string', default: 'xlsx' },
  out: { type: 'string' },
  today: { type: 'string' },
  ...PLACE_OPTIONS,
} as const;

/** What is wrong with the options, or null. */
function optionProblem(v: {
  plan?: string;
  period?: string;
  format: string;
  out?: string;
  today?: string;
}): string | null {
  if (!v.plan) return '--plan is required';
  if (!v.period) return '--period is required';
  if (!parseReportPeriod(v.period)) return `--period must be like 2026, 2026-H1, 2026-Q3 or 2026-9M, got '${v.period}'`;
  if (!Object.hasOwn(RENDER, v.format)) return `--format must be xlsx, docx or md, got '${v.format}'`;
  if (!v.out) return '--out is required (the file to write)';
  return todayProblem(v.today);
}

/** `report --plan nhi-chieu --period 2026-H1 --format xlsx --out bao-cao.xlsx`: "Báo cáo kết quả thực hiện Kế hoạch ...". */
export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions('report', USAGE, { args, options: OPTIONS });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const problem = optionProblem(values);
  if (problem) {
    console.error(`report: ${problem}\n${USAGE}`);
    return 1;
  }
  const period = parseReportPeriod(values.period!)!;
  const today = values.today === undefined ? new Date() : parseToday(values.today)!;
  const render = RENDER[values.format]!;
  const plans = (await loadPlansReporting(knowledgeDir(values.knowledge))).plans;
  const plan = plans.find((p) => p.id === values.plan);
  if (!plan) {
    console.error(`report: unknown plan "${values.plan}"; plans: ${plans.map((p) => p.id).join(', ')}`);
    return 1;
  }
  const out = values.out!;
  return withRepositories('report', dataSourceOf(values.db), async (store) => {
    const model = buildReport(
      plan,
      await store.progress.listForPlan(plan.id),
      await store.figures.listForPlan(plan.id),
      period,
      today,
      membersByGroup(await store.members.listForPlan(plan.id), plan.id),
    );
    writeFileSync(out, await render(model));
    console.log(`report: ${model.rows.length} tasks, ${period.code}, written to ${out}`);
    return 0;
  });
}
