import type { ReportModel } from '../digest/index.js';

/** The report as a .docx document on A4 landscape; docx (and the layout built on it) is loaded on first use. */
export async function renderReportDocx(m: ReportModel): Promise<Buffer> {
  const { buildReportDocx } = await import('./docx-document.js');
  return buildReportDocx(m);
}
