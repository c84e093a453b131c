import { expandTokens, foldCase, foldCaseBySlice, tokenize } from '../text/index.js';
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
function wordsOf(text: string): Word[] {
  const folded = foldCaseBySlice(text);
  return [...text.matchAll(/[\p{L}\p{N}&]+|[,;:()\-–]/gu)].map((m) => {
    const end = m.index + m[0].length;
    return { text: m[0], key: folded?.slice(m.index, end) ?? foldCase(m[0]), start: m.index, end };
  });
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
function phraseAt(ws: readonly Word[], i: number, set: Phrases): number {
  const reach = Math.min(LONGEST_PHRASE, set.longest, ws.length - i);
  const joined: string[] = [];
  for (let n = 0; n < reach; n++) joined.push(n ? `${joined[n - 1]} ${ws[i + n]!.key}` : ws[i]!.key);
  for (let n = reach; n > 0; n--) if (set.phrases.has(joined[n - 1]!)) return n;
  return 0;
}

/** Skips the qualifiers of a name: "cấp xã", "các xã, phường", "xã Tân Chi", "thuộc UBND xã", "trên địa bàn". */
function skipQualifiers(ws: readonly Word[], i: number, named = false): number {
  for (;;) {
    const level = phraseAt(ws, i, LEVELS);
    const link = phraseAt(ws, i, LINKS);
    const linked = link > 0 && (phraseAt(ws, i + link, LEVELS) > 0 || isCapital(ws[i + link]) || phraseAt(ws, i + link, LINKS) > 0);
    if (level) [i, named] = [i + level, true];
    else if (named && isCapital(ws[i])) i++;
    else if (isJoin(ws[i]) && phraseAt(ws, i + 1, LEVELS)) i++;
    else if (linked) [i, named] = [i + link, true];
    else return i;
  }
}

/** The longest known agency name starting at i ("Sở Nội vụ", "Phòng VHXH"), in words; 0 when none. */
function knownAt(text: string, ws: readonly Word[], i: number): number {
  for (let n = Math.min(LONGEST_KNOWN, ws.length - i); n > 0; n--) {
    const last = ws[i + n - 1]!;
    if (/^\p{L}/u.test(last.text) && KNOWN.has(agencyKeyOf(text.slice(ws[i]!.start, last.end)))) return n;
  }
  return 0;
}

/** A group after "các": its words and qualifiers; null when a word outside the group vocabulary follows. */
function groupEnd(ws: readonly Word[], i: number): number | null {
  for (;;) {
    const n = phraseAt(ws, i, GROUP);
    if (n) i = skipQualifiers(ws, i + n);
    else if (isJoin(ws[i]) && phraseAt(ws, i + 1, GROUP)) i++;
    else break;
  }
  const next = ws[i];
  return next === undefined || /^[,;:(]$/u.test(next.key) || next.key === 'va' ? i : null;
}

/** An agency head followed by a locality ("Công an tỉnh", "Thanh tra thành phố"), in words; 0 otherwise. */
function headWithLocality(ws: readonly Word[], i: number): number {
  const head = isCapital(ws[i]) ? phraseAt(ws, i, HEADS) : 0;
  return head && phraseAt(ws, i + head, LEVELS) ? head : 0;
}

/**
 * Where one agency starting at word i ends (the index of the word after it), when its kind says so: a people's
 * committee or council and its qualifiers ("UBND cấp xã"), a known agency ("Sở Nội vụ thành phố"), an agency head with
 * a locality ("Công an tỉnh"), a group ("các Sở"). Null when the name may go on (an unknown proper name).
 */
function unitEnd(text: string, ws: readonly Word[], i: number): number | null {
  const holder = holderLength(text.slice(ws[i]!.start));
  if (holder) i = ws.findIndex((w) => w.start >= ws[i]!.start + holder);
  if (i < 0) return null;
  const standalone = phraseAt(ws, i, STANDALONE);
  if (standalone) return skipQualifiers(ws, i + standalone, true);
  if (ws[i]!.key === 'cac') return groupEnd(ws, i + 1);
  const head = knownAt(text, ws, i) || headWithLocality(ws, i);
  if (!head) return null;
  const end = skipQualifiers(ws, i + head);
  return isCapital(ws[end]) || ws[end]?.key === '-' || ws[end]?.key === '–' ? null : end;
}

const isSeparator = (w: Word | undefined) => isJoin(w) || w?.key === ';';

/**
 * Where the agencies a text opens with end, as an offset: "Giám đốc các Sở, Chủ tịch UBND cấp xã phấn đấu ..." → the
 * end of "UBND cấp xã". Null when one of them may go on (its end is left to the verb that follows).
 */
export function agencyListEnd(text: string): number | null {
  const ws = wordsOf(text);
  const lead = LEAD_IN.exec(text.trimStart());
  const from = lead ? text.length - text.trimStart().length + lead[0].length : 0;
  let i = ws.findIndex((w) => w.start >= from);
  while (i >= 0 && i < ws.length) {
    const end = unitEnd(text, ws, i);
    if (end === null || end <= i) return null;
    const sep = ws[end];
    if (!isSeparator(sep) || !startsWithAgency(text.slice(sep!.end))) return ws[end - 1]!.end;
    i = end + 1;
  }
  return null;
}
