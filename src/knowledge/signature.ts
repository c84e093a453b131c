import type { DocLine } from './doc-lines.js';
import { SIGNER_CAPACITY } from './lexicon.js';
import type { PlanMeta } from './schema.js';

const UPPER_LINE = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
const PERSON = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;
const RECIPIENTS = /^Nơi nhận\s*:?\s*$/iu;

/** The person's name under a capacity line, skipping a stamp such as "(Đã ký)" or "[chữ ký]". */
function nameBelow(lines: readonly DocLine[], at: number): string | null {
  for (const { text } of lines.slice(at + 1, at + 4)) {
    if (PERSON.test(text)) return text;
    if (!/^[([]|^đã ký/iu.test(text)) return null;
  }
  return null;
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
    let first = i;
    while (first > 0 && UPPER_LINE.test(lines[first - 1]!.text) && /^(TM|KT|TL|TUQ|Q)\./u.test(lines[first - 1]!.text)) first--;
    const capacity = m[0];
    const prefix = text.slice(0, m.index).trim();
    const above = [...lines.slice(first, i).map((l) => l.text), prefix].filter(Boolean);
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
    if (!/^[-–+•]/u.test(text)) break;
    const item = text.replace(/^[-–+•]\s*/u, '').replace(/[;.,]+$/u, '').trim();
    if (item && !/^Lưu\b/iu.test(item)) out.push(item);
  }
  return out;
}
