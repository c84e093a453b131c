import mammoth from 'mammoth';
import type { Extraction } from './extraction.js';
import { htmlToPlanText } from './html-text.js';

/** A Word (.docx) plan: mammoth's HTML of it (paragraphs, lists, tables with merged cells) as plan text. */
export async function extractDocx(path: string): Promise<Extraction> {
  const { value } = await mammoth.convertToHtml({ path });
  const text = htmlToPlanText(value);
  return text.trim() ? { ok: true, text, notes: [] } : { ok: false, problem: { code: 'word_empty' } };
}
