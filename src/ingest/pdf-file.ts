import { readFile } from 'node:fs/promises';
import { getDocument, OPS, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ExtractOptions, Extraction } from './extraction.js';
import { pagesToPlanText } from './pdf-layout.js';
import { extractScan } from './scan-ocr.js';
import type { PdfPage, Rule, TextRun } from './pdf-page.js';

type Matrix = number[];
type PdfPageProxy = Awaited<ReturnType<Awaited<ReturnType<typeof getDocument>['promise']>['getPage']>>;

/** A point through a matrix. */
const apply = ([x, y]: [number, number], m: Matrix): [number, number] => [
  m[0]! * x + m[2]! * y + m[4]!,
  m[1]! * x + m[3]! * y + m[5]!,
];

/** Thin drawn paths (table borders) in page space: each path's bounding box, when it is a line, after the CTM. */
async function rulesOf(page: PdfPageProxy, view: Matrix): Promise<Rule[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = Util.transform(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const box = args[2] as ArrayLike<number> | null;
      if (!box) return;
      const m = Util.transform(view, ctm);
      const [x1, y1] = apply([box[0]!, box[1]!], m);
      const [x2, y2] = apply([box[2]!, box[3]!], m);
      const rule = { x1: Math.min(x1, x2), y1: Math.min(y1, y2), x2: Math.max(x1, x2), y2: Math.max(y1, y2) };
      const thin = Math.min(rule.x2 - rule.x1, rule.y2 - rule.y1) < 2;
      const long = Math.max(rule.x2 - rule.x1, rule.y2 - rule.y1) > 8;
      if (thin && long) rules.push(rule);
    }
  });
  return rules;
}

async function readPage(page: PdfPageProxy): Promise<PdfPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const t = Util.transform(viewport.transform, item.transform) as number[];
    const size = Math.hypot(t[2]!, t[3]!);
    runs.push({ text: item.str, x: t[4]!, y: t[5]!, width: item.width, size });
  }
  const rules = await rulesOf(page, viewport.transform);
  page.cleanup();
  return { width: viewport.width, height: viewport.height, runs, rules };
}

/** Whether the pages carry almost no text: a scan (pictures of pages) or an empty document. */
export const hasNoTextLayer = (pages: readonly PdfPage[]): boolean =>
  pages.reduce((n, p) => n + p.runs.reduce((m, r) => m + r.text.trim().length, 0), 0) < 20 * pages.length;

/** The pages of a PDF with their text runs and drawn rules. */
export async function readPdfPages(path: string): Promise<PdfPage[]> {
  const data = new Uint8Array(await readFile(path));
  const doc = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(await doc.getPage(n)));
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** A PDF with a text layer (Word → PDF): lines, columns and tables rebuilt from positions; a scan goes to OCR. */
export async function extractPdf(path: string, options: ExtractOptions = {}): Promise<Extraction> {
  const pages = await readPdfPages(path);
  if (hasNoTextLayer(pages)) return extractScan(path, options.ocr);
  return { ok: true, text: pagesToPlanText(pages), notes: [] };
}
