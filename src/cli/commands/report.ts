import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildReport, parsePeriod, renderReportDocx, renderReportMd, renderReportXlsx, type ReportModel } from '../../digest/index.js';
import { isoDaySchema } from '../../knowledge/index.js';
import { createFiguresRepo, openStore } from '../../store/index.js';
import { loadPlansReporting } from '../load-knowledge.js';

export const summary = 'periodic report of a plan  --plan ID --period 2026-H1|2026|2026-Q3 --format xlsx|docx|md --out FILE';

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
  db: { type: 'string' },
  knowledge: { type: 'string' },
} as const;

/** `report --plan nhi-chieu --period 2026-H1 --format xlsx --out bao-cao.xlsx`: "Báo cáo kết quả thực hiện Kế hoạch ...". */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: OPTIONS });
  const period = values.period ? parsePeriod(values.period) : null;
  const today = values.today === undefined ? null : isoDaySchema.safeParse(values.today);
  const render = RENDER[values.format];
  if (!values.plan || !period || !render || !values.out || (today && !today.success)) {
    console.error(USAGE);
    return 1;
  }
  const plans = loadPlansReporting(values.knowledge ?? (process.env.KNOWLEDGE_DIR || 'knowledge')).plans;
  const plan = plans.find((p) => p.id === values.plan);
  if (!plan) {
    console.error(`report: unknown plan "${values.plan}"; plans: ${plans.map((p) => p.id).join(', ')}`);
    return 1;
  }
  const now = today?.success ? new Date(`${today.data}T12:00:00+07:00`) : new Date();
  const store = openStore(values.db ?? (process.env.DATABASE_PATH || 'data/troly.db'));
  try {
    const model = buildReport(plan, store.progress.listForPlan(plan.id), createFiguresRepo(store.db).listForPlan(plan.id), period, now);
    writeFileSync(values.out, await render(model));
    console.log(`report: ${model.rows.length} tasks, ${period.code}, written to ${values.out}`);
    return 0;
  } finally {
    store.close();
  }
}
