// @ts-check
/**
 * Reads the pages of one PDF with pdfjs and writes each as a line of JSON (`PdfPage`: text runs and drawn rules in page
 * space, y growing downwards) to stdout; on failure one line `{"error": message}` and exit code 1.
 *   node pdf-pages-child.mjs FILE
 * Plain JavaScript run by plain `node` on purpose: under the TypeScript loader (tsx) the pdfjs modules alone take over
 * 200 MB, and a child of its own keeps a plan PDF's memory out of the assistant's process (see `pdf-file.ts`).
 */
import { readFile } from 'node:fs/promises';
import { getDocument, OPS, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** @typedef {number[]} Matrix */
/** @typedef {import('./pdf-page.js').Rule} Rule */
/** @typedef {import('./pdf-page.js').PdfPage} PdfPage */

/**
 * A point through a matrix.
 * @param {number} x @param {number} y @param {Matrix} m @returns {[number, number]}
 */
function apply(x, y, m) {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  return [a * x + c * y + e, b * x + d * y + f];
}

/**
 * Thin drawn paths (table borders) in page space: each path's bounding box, when it is a line, after the CTM.
 * @param {import('pdfjs-dist').PDFPageProxy} page @param {Matrix} view @returns {Promise<Rule[]>}
 */
async function rulesOf(page, view) {
  const { fnArray, argsArray } = await page.getOperatorList();
  /** @type {Rule[]} */
  const rules = [];
  /** @type {Matrix[]} */
  const stack = [];
  /** @type {Matrix} */
  let ctm = [1, 0, 0, 1, 0, 0];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = Util.transform(ctm, args);
    else if (fn === OPS.constructPath) {
      /** @type {ArrayLike<number> | null} */
      const box = args[2];
      if (!box || box.length < 4) return;
      const m = Util.transform(view, ctm);
      const [x1, y1] = apply(box[0] ?? 0, box[1] ?? 0, m);
      const [x2, y2] = apply(box[2] ?? 0, box[3] ?? 0, m);
      const rule = { x1: Math.min(x1, x2), y1: Math.min(y1, y2), x2: Math.max(x1, x2), y2: Math.max(y1, y2) };
      const thin = Math.min(rule.x2 - rule.x1, rule.y2 - rule.y1) < 2;
      const long = Math.max(rule.x2 - rule.x1, rule.y2 - rule.y1) > 8;
      if (thin && long) rules.push(rule);
    }
  });
  return rules;
}

/** @param {import('pdfjs-dist').PDFPageProxy} page @returns {Promise<PdfPage>} */
async function readPage(page) {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  /** @type {PdfPage['runs']} */
  const runs = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const t = Util.transform(viewport.transform, item.transform);
    runs.push({ text: item.str, x: t[4], y: t[5], width: item.width, size: Math.hypot(t[2], t[3]) });
  }
  const rules = await rulesOf(page, viewport.transform);
  return { width: viewport.width, height: viewport.height, runs, rules };
}

/** @param {string} path */
async function main(path) {
  const data = new Uint8Array(await readFile(path));
  const doc = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    // One page at a time, written and let go before the next: memory stays that of a page, not of the document.
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const read = await readPage(page);
      page.cleanup();
      if (!process.stdout.write(`${JSON.stringify(read)}\n`))
        await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  } finally {
    await doc.destroy();
  }
}

try {
  await main(process.argv[2] ?? '');
} catch (err) {
  process.stdout.write(`${JSON.stringify({ error: err instanceof Error ? err.message : String(err) })}\n`);
  process.exitCode = 1;
}
