import { readFile } from 'node:fs/promises';
import type { Extraction } from './extraction.js';

/** Why decoded bytes are not a readable plan, or null when they are. */
function unreadable(text: string): string | null {
  if (text.trim() === '') return 'file is empty';
  const junk = (text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  return junk > 0 && junk / text.length > 0.01 ? 'file is not UTF-8 text; skipped' : null;
}

/** UTF-8, or UTF-16 when the file starts with its byte-order mark (Windows "Unicode" text). */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8');
}

/** A `.md`/`.txt` plan: its text as written. */
export async function extractText(path: string): Promise<Extraction> {
  const text = decode(await readFile(path));
  const problem = unreadable(text);
  return problem ? { ok: false, problem } : { ok: true, text, notes: [] };
}
