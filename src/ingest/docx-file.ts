import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { docxWithNumberingText } from './docx-numbering.js';
import type { Extraction } from './extraction.js';
import { htmlToPlanText } from './html-text.js';

/**
 * A Word (.docx) plan: mammoth's HTML of it (paragraphs, lists, tables with merged cells) as plan text, its automatic
 * numbering ("I.", "1.", "a)", "-" from numbering.xml) first written out as the labels Word shows.
 */
export async function extractDocx(path: string): Promise<Extraction> {
  const buffer = await docxWithNumberingText(await readFile(path));
  const { value } = await mammoth.convertToHtml({ buffer });
  const text = htmlToPlanText(value);
  return text.trim() ? { ok: true, text, notes: [] } : { ok: false, problem: { code: 'word_empty' } };
}
