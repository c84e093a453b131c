import { readFile } from 'node:fs/promises';
import type { WarningAbout } from '../knowledge/index.js';
import type { Extraction } from './extraction.js';

/** Why decoded bytes are not a readable plan, or null when they are. */
function unreadable(text: string): WarningAbout | null {
  if (text.trim() === '') return { code: 'empty' };
  const junk = (text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  return junk > 0 && junk / text.length > 0.01 ? { code: 'not_text' } : null;
}

/** UTF-8, or UTF-16 (little- or big-endian) when the file starts with its byte-order mark (Windows "Unicode" text). */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  // Node has no UTF-16 BE decoder: swap each pair of bytes and read it as little-endian.
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('utf8');
}

/** A note naming the lines where bytes that were not text were replaced, when a few were (many: `unreadable`). */
function replacedBytes(text: string): WarningAbout[] {
  const lines = text.split('\n').flatMap((line, i) => (line.includes('\ufffd') ? [i + 1] : []));
  if (lines.length === 0) return [];
  const shown = lines.slice(0, 5).join(', ') + (lines.length > 5 ? ', …' : '');
  return [{ code: 'bytes_replaced', subject: shown }];
}

/** A `.md`/`.txt` plan: its text as written. */
export async function extractText(path: string): Promise<Extraction> {
  const text = decode(await readFile(path));
  const problem = unreadable(text);
  return problem ? { ok: false, problem } : { ok: true, text, notes: replacedBytes(text) };
}
