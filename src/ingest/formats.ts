import { extname } from 'node:path';
import type { WarningAbout } from '../knowledge/index.js';
import type { Extractor } from './extraction.js';
import { extractText } from './text-file.js';

/**
 * An extractor whose module (and its library: mammoth, pdfjs, exceljs) is imported on first use, so a start that
 * reads Markdown plans never loads them.
 */
const onFirstUse =
  (load: () => Promise<Extractor>): Extractor =>
  async (path, options) =>
    (await load())(path, options);

const extractDocx = onFirstUse(async () => (await import('./docx-file.js')).extractDocx);
const extractPdf = onFirstUse(async () => (await import('./pdf-file.js')).extractPdf);
const extractXlsx = onFirstUse(async () => (await import('./xlsx-file.js')).extractXlsx);

/** How a file is read, by the ending of its name. */
export type Format =
  | { kind: 'plan'; extract: Extractor; rank: number }
  | { kind: 'appendix'; extract: Extractor }
  | { kind: 'unsupported'; advice: WarningAbout };

/** Plan formats; when two files share a stem, the lower rank is read (the office's own file over a conversion). */
const PLAN_FORMATS: Record<string, Format> = {
  '.docx': { kind: 'plan', extract: extractDocx, rank: 0 },
  '.pdf': { kind: 'plan', extract: extractPdf, rank: 1 },
  '.md': { kind: 'plan', extract: extractText, rank: 2 },
  '.txt': { kind: 'plan', extract: extractText, rank: 3 },
};

/** An Excel sheet is the appendix of a plan beside it. */
const APPENDIX: Format = { kind: 'appendix', extract: extractXlsx };

/** Whether a file is read as the appendix of a plan (an Excel sheet): `isAppendixFile("phu-luc.xlsx")`. */
export const isAppendixFile = (path: string): boolean => extname(path).toLowerCase() === '.xlsx';

/** File name endings read as plans or their appendices (`.md`, `.txt`, `.xlsx`, …). */
export const PLAN_FILE_EXTENSIONS: readonly string[] = [...Object.keys(PLAN_FORMATS), '.xlsx'];

const ADVICE: Record<string, WarningAbout> = {
  '.doc': { code: 'old_word' },
  '.rtf': { code: 'rtf' },
  '.odt': { code: 'odt' },
  '.xls': { code: 'old_excel' },
};

/** The format of a file name; anything unknown is unsupported with advice to save it as .docx or PDF. */
export function formatOf(path: string): Format {
  const ext = extname(path).toLowerCase();
  return (
    PLAN_FORMATS[ext] ??
    (ext === '.xlsx' ? APPENDIX : undefined) ?? {
      kind: 'unsupported',
      advice: ADVICE[ext] ?? { code: 'unknown_type', subject: ext },
    }
  );
}
