import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Extraction } from './extraction.js';

const run = promisify(execFile);

/** Whether `tesseract` with its Vietnamese data and `pdftoppm` can be run here. */
async function canOcr(): Promise<boolean> {
  try {
    const { stdout, stderr } = await run('tesseract', ['--list-langs']);
    await run('pdftoppm', ['-v']);
    return /^vie$/m.test(`${stdout}\n${stderr}`);
  } catch {
    return false;
  }
}

/**
 * A scanned PDF: read by OCR (pdftoppm pictures at 300 dpi, tesseract in Vietnamese) where that is installed, with a
 * note that the reading must be checked; otherwise no plan and a warning saying it is a scan and what it needs.
 */
export async function extractScan(path: string, ocr = true): Promise<Extraction> {
  if (!ocr || !(await canOcr()))
    return {
      ok: false,
      problem: { code: 'scan_no_ocr' },
    };
  const dir = await mkdtemp(join(tmpdir(), 'ocr-'));
  try {
    await run('pdftoppm', ['-r', '300', '-gray', '-png', path, join(dir, 'page')]);
    const pages: string[] = [];
    for (const image of (await readdir(dir)).sort()) {
      const { stdout } = await run('tesseract', [join(dir, image), 'stdout', '-l', 'vie', '--psm', '4'], {
        maxBuffer: 16 << 20,
      });
      pages.push(stdout);
    }
    const text = pages.join('\n');
    if (!text.trim()) return { ok: false, problem: { code: 'scan_ocr_empty' } };
    return {
      ok: true,
      text,
      notes: [{ code: 'scan_ocr' }],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
