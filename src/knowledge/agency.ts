import {
  abbreviate, collapseSpaces, expandAbbreviations, expandTokens, foldCase, foldCaseBySlice, tokenize,
} from '../text/index.js';
import type { AgencyRef } from './schema.js';
import { afterHolder, agencyKeyOf, agencyListEnd, KNOWN, LEAD_IN, startsWithAgency } from './agency-extent.js';
import { ASSIGNING_VERBS, BARE_BODIES, DUTY_VERBS, LOCALITY_LEVELS } from './lexicon.js';

const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');

const LOCALITY_TAIL = new RegExp(`\\s(?:${alternation(LOCALITY_LEVELS)})((?:\\s+\\p{Lu}[\\p{L}]*)*)$`, 'u');
const VERB = new RegExp(`(?<=\\s)(?<!cac )(?:${alternation(DUTY_VERBS)})(?=[\\s,.;:]|$)`, 'g');

/** Where the first duty verb starts; a capitalized one is part of a name ("Bộ phận Tiếp nhận và trả kết quả"). */
function verbAt(text: string, folded: string): number {
  for (const m of folded.matchAll(VERB)) if (!/\p{Lu}/u.test(text.charAt(m.index))) return m.index;
  return -1;
}
const MAX_AGENCY_LENGTH = 220;
const ASSIGNED = new RegExp(`^\\s*(?:${alternation(ASSIGNING_VERBS)})\\s+`);

/**
 * The agency a heading or paragraph opens with: "Sở Tư pháp:" → "Sở Tư pháp";
 * "Văn phòng HĐND&UBND xã phối hợp với ..." → "Văn phòng HĐND&UBND xã"; a lead-in is left out ("Giao Sở Nội vụ chủ trì" →
 * "Sở Nội vụ"); work handed on is the assignee's ("UBND tỉnh giao Sở Nội vụ làm đầu mối" → "Sở Nội vụ"). Null when it
 * opens otherwise.
 */
export function agencyHead(text: string, isTitle: boolean): string | null {
  if (!startsWithAgency(text)) return null;
  // Folded once: the verb is looked for in the whole text, the assigning verb after the agency.
  const sliceable = foldCaseBySlice(text);
  const verb = verbAt(text, sliceable ?? foldCase(text));
  const ends = [text.indexOf(':'), text.indexOf('('), verb, agencyListEnd(text) ?? -1].filter((i) => i > 0);
  const end = ends.length ? Math.min(...ends) : isTitle ? text.length : -1;
  if (end < 0 || end > MAX_AGENCY_LENGTH) return null;
  const head = text.slice(0, end).trimStart().replace(LEAD_IN, '').replace(/[\s,;:.-]+$/u, '').trim();
  const after = text.slice(end);
  const assigned = ASSIGNED.exec(sliceable?.slice(end) ?? foldCase(after));
  const assignee = assigned ? after.slice(assigned[0].length) : '';
  if (assigned && startsWithAgency(assignee)) return agencyHead(assignee, false) ?? (head || null);
  return head || null;
}

/** Strips tags, abbreviations in brackets, lead-ins and holders: "Thủ trưởng các các sở:" → "các sở". */
function tidy(raw: string): string {
  let t = collapseSpaces(raw.replace(/<[^>]*>/g, ' ').replace(/\*+/g, ''));
  // "(VHXH)" and a trailing qualifier "(Bộ phận Một cửa)" name no other agency.
  t = t.replace(/\(\s*[\p{Lu}&-]{2,}\s*\)/gu, ' ').replace(/\s*\([^()]*\)\s*$/u, '').replace(/(?<!\p{L})([Cc]ác)\s+các(?!\p{L})/gu, '$1');
  t = t.replace(LEAD_IN, '');
  t = afterHolder(t) ?? t;
  return collapseSpaces(t).replace(/^[\s,;:.\-–]+|[\s,;:.\-–]+$/g, '');
}

function spell(text: string): string {
  let t = expandAbbreviations(text, ['UBND', 'HĐND']);
  t = abbreviate(t, ['UBND', 'HĐND']);
  t = t.replace(/HĐND\s*(?:&|-|và)\s*UBND/gu, 'HĐND và UBND').replace(/\s*&\s*/g, ' và ');
  return collapseSpaces(t.replace(/(\p{L})\s*-\s*(\p{L})/gu, '$1 - $2'));
}

function dropLocality(text: string): string {
  const m = LOCALITY_TAIL.exec(text);
  if (!m) return text;
  const rest = text.slice(0, m.index).replace(/\s+(?:của|thuộc|trực thuộc|tại|trên địa bàn)$/u, '').trim();
  const restKey = agencyKeyOf(rest);
  if (!rest || /(?:,|(?:^|\s)(?:các|cấp))$/u.test(rest) || (BARE_BODIES as readonly string[]).includes(restKey)) return text;
  return rest;
}

/** Shortest key of a known agency a one-letter slip is mended in ("so tu phao" is Sở Tư pháp). */
const MIN_MENDED_KEY = 8;

/** Whether two keys differ by one letter changed, added or dropped. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const rest = (x: string, skip: number) => x.slice(i + skip);
  return rest(a, 1) === rest(b, 1) || rest(a, 1) === rest(b, 0) || rest(a, 0) === rest(b, 1);
}

const headOf = (key: string) => key.split(' ', 1)[0];

/**
 * The known agency a key names, also when a typo changed one letter after its head word ("Sở Tư pháo"); the head
 * must match, "Bộ Tư pháp" is not "Sở Tư pháp".
 */
function knownAs(key: string): string | undefined {
  const exact = KNOWN.get(key);
  if (exact !== undefined || key.length < MIN_MENDED_KEY) return exact;
  return [...KNOWN].find(([known]) => known.length >= MIN_MENDED_KEY && headOf(known) === headOf(key) && oneEditApart(known, key))?.[1];
}

/** Plans repeat the same agency cells over and over; a pure function's results are kept. */
const CACHE = new Map<string, string>();
const CACHE_LIMIT = 5000;
const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/**
 * The canonical name of one agency: abbreviations spelt out (but UBND, HĐND kept), spacing and hyphens
 * tidied, trailing locality words dropped. `normalizeAgency("Phòng VHXXH")` → "Phòng Văn hóa - Xã hội".
 */
export function normalizeAgency(raw: string): string {
  const cached = CACHE.get(raw);
  if (cached !== undefined) return cached;
  const spelt = capitalize(dropLocality(spell(tidy(raw))));
  const name = knownAs(agencyKeyOf(spelt)) ?? spelt;
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(raw, name);
  return name;
}

/** The matching key of an agency name: folded tokens with abbreviations spelt out. */
export function agencyKey(raw: string): string {
  return agencyKeyOf(normalizeAgency(raw));
}

/** Splits on ',' or ' và ' only where an agency starts; "Văn phòng HĐND và UBND" stays whole. */
function splitPart(part: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const token of part.split(/(,\s*|\s+và\s+)/u)) {
    const isSep = /^(,\s*|\s+và\s+)$/u.test(token);
    if (isSep || !current) {
      current += token;
      continue;
    }
    const sep = /(,\s*|\s+và\s+)$/u.exec(current)?.[0] ?? '';
    const left = current.slice(0, current.length - sep.length);
    const joinsHdnd = /và/u.test(sep) && /(HĐND|Hội đồng nhân dân)$/u.test(left);
    if (sep && startsWithAgency(token) && !joinsHdnd) {
      pieces.push(left);
      current = token;
    } else current += token;
  }
  return [...pieces, current];
}

/**
 * The agencies a table cell or heading names: `splitAgencies("Văn phòng HĐND và UBND; Phòng VHXH")`
 * → two refs. Groups such as "Các phòng, cơ quan, đơn vị" stay whole.
 */
export function splitAgencies(cell: string): AgencyRef[] {
  const text = collapseSpaces(cell.replace(/<[^>]*>/g, ' '));
  const refs: AgencyRef[] = [];
  for (const part of text.split(/[;\n]/)) {
    for (const piece of splitPart(part.trim())) {
      const raw = piece.trim().replace(/[\s,;:.]+$/u, '');
      const name = raw ? normalizeAgency(raw) : '';
      if (name && !refs.some((r) => r.name === name)) refs.push({ name, raw });
    }
  }
  return refs;
}

/**
 * The plan's canonical agencies closest to what a user typed, best first:
 * `findAgencies(plan, "phòng vhxh")` → ["Phòng Văn hóa - Xã hội"].
 */
export function findAgencies(plan: { agencies: readonly string[] }, query: string): string[] {
  const q = new Set(expandTokens(tokenize(query)));
  if (q.size === 0) return [];
  const exact = agencyKey(query);
  const scored = plan.agencies.map((name) => {
    const key = agencyKeyOf(name);
    const tokens = key.split(' ');
    const common = tokens.filter((t) => q.has(t)).length;
    // The agency naming more of the question's words is the one meant: "VP HĐND&UBND" is not "UBND xã".
    const score = key === exact ? Number.POSITIVE_INFINITY : common + common / tokens.length;
    return { name, score, cover: common / tokens.length };
  });
  return scored
    .filter((s) => s.score === Number.POSITIVE_INFINITY || s.cover >= 0.6)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .map((s) => s.name);
}
