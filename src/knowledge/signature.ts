import type { DocLine } from './doc-lines.js';
import { SIGNER_CAPACITY } from './lexicon.js';
import type { PlanMeta } from './schema.js';

const UPPER_LINE = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
const PERSON = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;
const RECIPIENTS = /^Nơi nhận\s*:?\s*$/iu;
const BULLET = /^[-–+•]/u;

/**
 * The person's name under a capacity line, skipping a stamp such as "(Đã ký)" and, where the signature
 * block sits beside the recipients list, the list's lines.
 */
function nameBelow(lines: readonly DocLine[], at: number): string | null {
  for (const { text } of lines.slice(at + 1, at + 10)) {
    if (PERSON.test(text)) return text;
    if (!BULLET.test(text) && !/^[([]|^đã ký/iu.test(text)) return null;
  }
  return null;
}

/** The "TM. ..." / "KT. ..." lines above a capacity line, skipping recipients printed beside them. */
function authorityAbove(lines: readonly DocLine[], at: number): string[] {
  const found: string[] = [];
  for (const { text } of lines.slice(Math.max(0, at - 6), at).reverse()) {
    if (BULLET.test(text)) continue;
    if (!UPPER_LINE.test(text) || !/^(TM|KT|TL|TUQ|Q)\./u.test(text)) break;
    found.unshift(text);
  }
  return found;
}

/**
 * The signer: the upper-case capacity block ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
 * and the name under it.
 */
export function readSigner(lines: readonly DocLine[]): PlanMeta['signer'] {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    const m = UPPER_LINE.test(text) ? SIGNER_CAPACITY.exec(text) : null;
    const name = m ? nameBelow(lines, i) : null;
    if (!m || !name) continue;
    const capacity = m[0];
    const prefix = text.slice(0, m.index).trim();
    const above = [...authorityAbove(lines, i), prefix].filter(Boolean);
    return above.length ? { name, capacity, onBehalf: above.join(' / ') } : { name, capacity };
  }
  return null;
}

/** The "Nơi nhận" list as written, without the archive line ("Lưu: VT, ..."). */
export function readRecipients(lines: readonly DocLine[]): string[] {
  const at = lines.findIndex((l) => RECIPIENTS.test(l.text));
  if (at < 0) return [];
  const out: string[] = [];
  for (const { text } of lines.slice(at + 1)) {
    if (UPPER_LINE.test(text)) continue; // the signature block printed beside the list
    if (!BULLET.test(text)) break;
    const item = text.replace(/^[-–+•]\s*/u, '').replace(/[;.,]+$/u, '').trim();
    if (item && !/^Lưu\b/iu.test(item)) out.push(item);
  }
  return out;
}
