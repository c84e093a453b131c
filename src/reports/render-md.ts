import { REPORT_TEXT, reportCells, reportHeading, targetCells, unitCells, UNITS_TEXT } from '../messages/index.js';
import type { ReportModel } from '../digest/index.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
const table = (head: string[], rows: string[][]) =>
  [head, head.map(() => '---'), ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');

/** The report as Markdown: heading, task table, target table, per-unit table. */
export function renderReportMd(m: ReportModel): string {
  const h = reportHeading(m);
  const targets =
    m.targets.length > 0 ? table(REPORT_TEXT.targetColumns, m.targets.map(targetCells)) : REPORT_TEXT.noTargets;
  return [
    `# ${h.title}`,
    `*${h.subtitle}*`,
    '',
    ...h.meta.map((line) => `- ${line}`),
    '',
    `## ${REPORT_TEXT.tasksHeading}`,
    '',
    table(
      REPORT_TEXT.columns,
      m.rows.map((r) => reportCells(m, r)),
    ),
    '',
    `## ${REPORT_TEXT.targetsHeading}`,
    '',
    targets,
    '',
    `## ${UNITS_TEXT.reportHeading}`,
    '',
    table(UNITS_TEXT.reportColumns, m.units.map(unitCells)),
    '',
  ].join('\n');
}
