/**
 * Reports as files and pictures: the periodic report (digest's `ReportModel`) as .xlsx, .docx or Markdown, and the
 * per-unit progress chart as SVG then PNG. An outer concern above `digest` and `messages`: it lays out the words
 * `messages` renders with exceljs, docx and resvg.
 */
/** The per-unit progress chart: `svgToPng(chartSvg(digest.units, labels))`. */
export { chartSvg, svgToPng, type ChartLabels } from './chart.js';
/** The report as Markdown text. */
export { renderReportMd } from './render-md.js';
/** The report as an .xlsx workbook (exceljs). */
export { renderReportXlsx } from './render-xlsx.js';
/** The report as a .docx document (docx). */
export { renderReportDocx } from './render-docx.js';
