import ExcelJS from 'exceljs';
import { REPORT_TEXT, reportCells, reportHeading, targetCells } from '../messages/index.js';
import type { ReportModel } from '../digest/index.js';

const WIDTHS = [6, 60, 28, 18, 20, 50, 14];

function addTable(ws: ExcelJS.Worksheet, head: string[], rows: string[][]): void {
  const header = ws.addRow(head);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  for (const r of rows) ws.addRow(r).alignment = { wrapText: true, vertical: 'top' };
}

/**
 * The report as an .xlsx workbook: title rows, then the task table (one row per task, in plan order),
 * then the targets. Rows are plain strings so a reader gets exactly what the report shows.
 */
export async function renderReportXlsx(m: ReportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(REPORT_TEXT.sheetName);
  const h = reportHeading(m);
  ws.addRow([h.title]).font = { bold: true, size: 14 };
  ws.addRow([h.subtitle]).font = { italic: true };
  for (const line of h.meta) ws.addRow([line]);
  ws.addRow([]);
  ws.addRow([REPORT_TEXT.tasksHeading]).font = { bold: true };
  addTable(ws, REPORT_TEXT.columns, m.rows.map(reportCells));
  ws.addRow([]);
  ws.addRow([REPORT_TEXT.targetsHeading]).font = { bold: true };
  if (m.targets.length > 0) addTable(ws, REPORT_TEXT.targetColumns, m.targets.map(targetCells));
  else ws.addRow([REPORT_TEXT.noTargets]);
  WIDTHS.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
