import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ExtractOptions, Extraction } from './extraction.js';
import { pagesToPlanText } from './pdf-layout.js';
import { extractScan } from './scan-ocr.js';
import type { PdfPage } from './pdf-page.js';

const CHILD = fileURLToPath(new URL('./pdf-pages-child.mjs', import.meta.url));
/** The heap the reading child may take: a plan PDF needs well under 100 MB; a pathological one fails, not the assistant. */
const CHILD_HEAP_MB = 256;

/** Whether the pages carry almost no text: a scan (pictures of pages) or an empty document. */
export const hasNoTextLayer = (pages: readonly PdfPage[]): boolean =>
  pages.reduce((n, p) => n + p.runs.reduce((m, r) => m + r.text.trim().length, 0), 0) < 20 * pages.length;

/**
 * The pages of a PDF with their text runs and drawn rules, read by pdfjs in a plain `node` child process of its own
 * (`pdf-pages-child.mjs`, with a bounded heap): the library and the document's memory never enter this process.
 */
export async function readPdfPages(path: string): Promise<PdfPage[]> {
  const child = spawn(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, CHILD, path], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Loaders given to this process (tsx) are not for the child: that is the point of it.
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
  const pages: PdfPage[] = [];
  let failure: string | undefined;
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    const got = JSON.parse(line) as PdfPage | { error: string };
    if ('error' in got) failure = got.error;
    else pages.push(got);
  }
  const code = await exited;
  if (failure !== undefined) throw new Error(failure);
  if (code !== 0) throw new Error(`the PDF reader stopped (exit ${code}): ${stderr.trim().split('\n').at(-1) ?? ''}`);
  return pages;
}

/** Whether the file begins as a PDF does: "%PDF-" within its first 1024 bytes (where readers look for it). */
async function looksLikePdf(path: string): Promise<boolean> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(1024), 0, 1024, 0);
    return buffer.subarray(0, bytesRead).includes('%PDF-');
  } finally {
    await file.close();
  }
}

/** A PDF with a text layer (Word → PDF): lines, columns and tables rebuilt from positions; a scan goes to OCR. */
export async function extractPdf(path: string, options: ExtractOptions = {}): Promise<Extraction> {
  if (!(await looksLikePdf(path))) return { ok: false, problem: { code: 'not_pdf' } };
  const pages = await readPdfPages(path);
  if (hasNoTextLayer(pages)) return extractScan(path, options.ocr);
  return { ok: true, text: pagesToPlanText(pages), notes: [] };
}
