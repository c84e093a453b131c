import type ExcelJS from 'exceljs';
import { REPORT_TEXT, reportCells, reportHeading, targetCells, unitCells, UNITS_TEXT } from '../messages/index.js';
import type { ReportModel } from '../digest/index.js';
import { TASK_COLUMN_WIDTHS } from './columns.js';

const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Tall enough for a 14 pt title with its diacritics (Ố, Ệ) not cut at the top. */
const TITLE_HEIGHT = 24;

/** Adds a bordered table; returns the number of its header row. */
function addTable(ws: ExcelJS.Worksheet, head: string[], rows: string[][]): number {
  const header = ws.addRow(head);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.border = BORDER;
  });
  for (const r of rows) {
    const row = ws.addRow(r);
    row.alignment = { wrapText: true, vertical: 'top' };
    for (let i = 1; i <= head.length; i++) row.getCell(i).border = BORDER;
  }
  return header.number;
}

function addSignatures(ws: ExcelJS.Worksheet): void {
  ws.addRow([]);
  const [left, right] = REPORT_TEXT.signers;
  const names = ws.addRow(['', left[0], '', '', '', right[0]]);
  names.font = { bold: true };
  ws.addRow(['', left[1], '', '', '', right[1]]).font = { italic: true };
  for (const row of [names, ws.lastRow!]) row.alignment = { horizontal: 'center' };
}

/**
 * The report as an .xlsx workbook ready to print: A4 landscape, one page wide, the task table's header repeated on
 * every page; title rows and the "Kèm theo" line, then the bordered task table (one row per task, in plan order),
 * the targets, the per-unit table (the units that need a push first) and the signature block. Cells are plain strings so a reader gets exactly what the report shows.
 */
export async function renderReportXlsx(m: ReportModel): Promise<Buffer> {
  // Loaded on first use: exceljs costs about 300 ms and 28 MB, and only reports need it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet(REPORT_TEXT.sheetName);
  const h = reportHeading(m);
  const title = ws.addRow([h.title]);
  title.font = { bold: true, size: 14 };
  title.height = TITLE_HEIGHT;
  ws.addRow([h.attached]).font = { italic: true };
  ws.addRow([h.subtitle]).font = { italic: true };
  for (const line of h.meta) ws.addRow([line]);
  ws.addRow([]);
  ws.addRow([REPORT_TEXT.tasksHeading]).font = { bold: true };
  const headerRow = addTable(
    ws,
    REPORT_TEXT.columns,
    m.rows.map((r) => reportCells(m, r)),
  );
  ws.addRow([]);
  ws.addRow([REPORT_TEXT.targetsHeading]).font = { bold: true };
  if (m.targets.length > 0) addTable(ws, REPORT_TEXT.targetColumns, m.targets.map(targetCells));
  else ws.addRow([REPORT_TEXT.noTargets]);
  ws.addRow([]);
  ws.addRow([UNITS_TEXT.reportHeading]).font = { bold: true };
  addTable(ws, UNITS_TEXT.reportColumns, m.units.map(unitCells));
  addSignatures(ws);
  // Scaled to one A4 landscape page width by fitToWidth.
  TASK_COLUMN_WIDTHS.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
