import { expandTokens, foldCase, tokenize } from '../text/index.js';
import {
  AGENCY_HEADS, GROUP_HEADS, GROUP_WORDS, HOLDER_PREFIXES, KNOWN_AGENCIES, LEAD_IN_PREFIXES, LOCALITY_LEVELS, LOCALITY_LINKS,
  STANDALONE_AGENCIES,
} from './lexicon.js';

const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const HEAD = new RegExp(
  `^(?:(?:${alternation(AGENCY_HEADS)})\\s+(?:\\p{Lu}|(?:${alternation(LOCALITY_LEVELS)})(?![\\p{L}]))` +
    `|(?:${alternation(STANDALONE_AGENCIES)})(?![\\p{L}\\p{N}])|(?:${alternation(GROUP_HEADS)})\\s)`,
  'u',
);
const HOLDER = new RegExp(`^(?:${alternation(HOLDER_PREFIXES)})\\s+`, 'iu');
export const LEAD_IN = new RegExp(`^(?:${alternation(LEAD_IN_PREFIXES)})\\s+`, 'iu');
const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** How long the post-holder before an agency is ("Giám đốc " in "Giám đốc các Sở"); 0 when there is none. */
function holderLength(text: string): number {
  const holder = HOLDER.exec(text);
  return holder && HEAD.test(capitalize(text.slice(holder[0].length))) ? holder[0].length : 0;
}

/** The agency a post-holder answers for: "Giám đốc các Sở" → "Các Sở", "Trưởng phòng Tư pháp" → "Phòng Tư pháp"; null without one. */
export function afterHolder(text: string): string | null {
  const n = holderLength(text);
  return n ? capitalize(text.slice(n)) : null;
}

/** Whether text starts with an agency name ("Sở Tư pháp", "UBND phường", "Các phòng", "Chủ tịch UBND xã"), not a verb ("Ban hành"). */
export function startsWithAgency(text: string): boolean {
  const t = text.trimStart().replace(LEAD_IN, '');
  return HEAD.test(t) || holderLength(t) > 0;
}

/** The matching key of a name: folded tokens with abbreviations spelt out. */
export const agencyKeyOf = (text: string) => expandTokens(tokenize(text)).join(' ');
/** Known agencies by key. */
export const KNOWN = new Map(KNOWN_AGENCIES.map((name) => [agencyKeyOf(name), name]));

type Word = { text: string; key: string; start: number; end: number };

/**
 * The words of a text, read from its start only as far as they are asked for: the agencies a text opens with end
 * within its first words, and a paragraph may go on for hundreds more.
 */
class Words {
  private readonly list: Word[] = [];
  private readonly pattern = /[\p{L}\p{N}&]+|[,;:()\-–]/gu;
  private done = false;

  constructor(private readonly text: string) {}

  /** The i-th word; undefined past the last. */
  at(i: number): Word | undefined {
    while (!this.done && this.list.length <= i) {
      const m = this.pattern.exec(this.text);
      if (!m) this.done = true;
      else this.list.push({ text: m[0], key: foldCase(m[0]), start: m.index, end: m.index + m[0].length });
    }
    return this.list[i];
  }

  /** How many words there are from i on, counting up to `most`. */
  count(i: number, most: number): number {
    if (most <= 0 || i < 0) return 0;
    this.at(i + most - 1);
    return Math.max(0, Math.min(most, this.list.length - i));
  }

  /** The index of the first word starting at or after `offset`; -1 when none does. */
  firstFrom(offset: number): number {
    for (let k = 0; ; k++) {
      const w = this.at(k);
      if (!w) return -1;
      if (w.start >= offset) return k;
    }
  }
}

/** Folded phrases, and how many words the longest has. */
type Phrases = { phrases: ReadonlySet<string>; longest: number };
const folded = (list: readonly string[]): Phrases => {
  const phrases = new Set(list.map(foldCase));
  return { phrases, longest: Math.max(0, ...[...phrases].map((p) => p.split(' ').length)) };
};
const LEVELS = folded(LOCALITY_LEVELS);
const LINKS = folded(LOCALITY_LINKS);
const GROUP = folded(GROUP_WORDS);
const STANDALONE = folded(STANDALONE_AGENCIES.filter((a) => a !== 'VP'));
const HEADS = folded(AGENCY_HEADS);
const LONGEST_PHRASE = 5;
const LONGEST_KNOWN = 12;
const isCapital = (w: Word | undefined) => w !== undefined && /^\p{Lu}/u.test(w.text);
const isJoin = (w: Word | undefined) => w !== undefined && (w.key === ',' || w.key === 'va');

/** How many words from i form a phrase of the set ("thành phố", "đơn vị"), longest first; 0 when none. */
function phraseAt(ws: Words, i: number, set: Phrases): number {
  const reach = ws.count(i, Math.min(LONGEST_PHRASE, set.longest));
  const joined: string[] = [];
  for (let n = 0; n < reach; n++) joined.push(n ? `${joined[n - 1]} ${ws.at(i + n)!.key}` : ws.at(i)!.key);
  for (let n = reach; n > 0; n--) if (set.phrases.has(joined[n - 1]!)) return n;
  return 0;
}

/** Skips the qualifiers of a name: "cấp xã", "các xã, phường", "xã Tân Chi", "thuộc UBND xã", "trên địa bàn". */
function skipQualifiers(ws: Words, i: number, named = false): number {
  for (;;) {
    const level = phraseAt(ws, i, LEVELS);
    const link = phraseAt(ws, i, LINKS);
    const linked = link > 0 && (phraseAt(ws, i + link, LEVELS) > 0 || isCapital(ws.at(i + link)) || phraseAt(ws, i + link, LINKS) > 0);
    if (level) [i, named] = [i + level, true];
    else if (named && isCapital(ws.at(i))) i++;
    else if (isJoin(ws.at(i)) && phraseAt(ws, i + 1, LEVELS)) i++;
    else if (linked) [i, named] = [i + link, true];
    else return i;
  }
}

/** The longest known agency name starting at i ("Sở Nội vụ", "Phòng VHXH"), in words; 0 when none. */
function knownAt(text: string, ws: Words, i: number): number {
  for (let n = ws.count(i, LONGEST_KNOWN); n > 0; n--) {
    const last = ws.at(i + n - 1)!;
    if (/^\p{L}/u.test(last.text) && KNOWN.has(agencyKeyOf(text.slice(ws.at(i)!.start, last.end)))) return n;
  }
  return 0;
}

/** A group after "các": its words and qualifiers; null when a word outside the group vocabulary follows. */
function groupEnd(ws: Words, i: number): number | null {
  for (;;) {
    const n = phraseAt(ws, i, GROUP);
    if (n) i = skipQualifiers(ws, i + n);
    else if (isJoin(ws.at(i)) && phraseAt(ws, i + 1, GROUP)) i++;
    else break;
  }
  const next = ws.at(i);
  return next === undefined || /^[,;:(]$/u.test(next.key) || next.key === 'va' ? i : null;
}

/** An agency head followed by a locality ("Công an tỉnh", "Thanh tra thành phố"), in words; 0 otherwise. */
function headWithLocality(ws: Words, i: number): number {
  const head = isCapital(ws.at(i)) ? phraseAt(ws, i, HEADS) : 0;
  return head && phraseAt(ws, i + head, LEVELS) ? head : 0;
}

/**
 * Where one agency starting at word i ends (the index of the word after it), when its kind says so: a people's
 * committee or council and its qualifiers ("UBND cấp xã"), a known agency ("Sở Nội vụ thành phố"), an agency head with
 * a locality ("Công an tỉnh"), a group ("các Sở"). Null when the name may go on (an unknown proper name).
 */
function unitEnd(text: string, ws: Words, i: number): number | null {
  const holder = holderLength(text.slice(ws.at(i)!.start));
  if (holder) i = ws.firstFrom(ws.at(i)!.start + holder);
  if (i < 0) return null;
  const standalone = phraseAt(ws, i, STANDALONE);
  if (standalone) return skipQualifiers(ws, i + standalone, true);
  if (ws.at(i)!.key === 'cac') return groupEnd(ws, i + 1);
  const head = knownAt(text, ws, i) || headWithLocality(ws, i);
  if (!head) return null;
  const end = skipQualifiers(ws, i + head);
  return isCapital(ws.at(end)) || ws.at(end)?.key === '-' || ws.at(end)?.key === '–' ? null : end;
}

const isSeparator = (w: Word | undefined) => isJoin(w) || w?.key === ';';

/**
 * Where the agencies a text opens with end, as an offset: "Giám đốc các Sở, Chủ tịch UBND cấp xã phấn đấu ..." → the
 * end of "UBND cấp xã". Null when one of them may go on (its end is left to the verb that follows).
 */
export function agencyListEnd(text: string): number | null {
  const ws = new Words(text);
  const lead = LEAD_IN.exec(text.trimStart());
  const from = lead ? text.length - text.trimStart().length + lead[0].length : 0;
  let i = ws.firstFrom(from);
  while (i >= 0 && ws.at(i) !== undefined) {
    const end = unitEnd(text, ws, i);
    if (end === null || end <= i) return null;
    const sep = ws.at(end);
    if (!isSeparator(sep) || !startsWithAgency(text.slice(sep!.end))) return ws.at(end - 1)!.end;
    i = end + 1;
  }
  return null;
}
