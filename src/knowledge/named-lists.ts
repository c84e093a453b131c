import { tokenize } from '../text/index.js';
import type { Block } from './blocks.js';
import { NAMED_LIST_KINDS, NUMBER_WORDS } from './lexicon.js';
import type { NamedList, Section } from './schema.js';

/** The letters a number word starts with: the lookahead on them lets most positions fail before the lookbehind. */
const FIRST_LETTERS = [...new Set(Object.keys(NUMBER_WORDS).map((w) => w.charAt(0)))].join('');
/** A count and one to three words naming what is counted: "6 rõ", "ba không", "05 đẩy mạnh", "hai tăng cường". */
const COUNTED = new RegExp(
  `(?=[\\d${FIRST_LETTERS}])(?<![\\p{L}\\d])(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})\\s+(\\p{L}+(?:\\s+\\p{L}+){0,2}?)(?=\\s*["”»\\)]|\\s*[,:;.(]|\\s+(?:gồm|bao gồm|là)(?!\\p{L})|$)`,
  'giu',
);
/** A quoted name: "…" “…” «…». */
const QUOTED = /["“«]([^"”»\n]{2,60})["”»]/gu;
/** What introduces the items after a name: "gồm:", "bao gồm:", "là:", "cụ thể:", ":" */
const INTRO = /^\s*["”»]?\s*(?:,?\s*(?:gồm|bao gồm|cụ thể là|cụ thể|là|như sau|sau)\s*)?:\s*/iu;
/** What ends a paragraph whose name's items are the paragraphs under it: `"3 không" sau:`, `"5 đẩy mạnh", gồm:`. */
const ENDS_WITH_INTRO = /^\s*["”»]?\s*(?:,?\s*(?:gồm|bao gồm|như sau|sau đây|sau|dưới đây))?\s*:\s*$/iu;

/** The count a name gives: "6" → 6, "sáu" → 6; null when it gives none. */
function countOf(word: string): number | null {
  const folded = word.toLocaleLowerCase('vi');
  const n = /^\d+$/.test(folded) ? Number(folded) : (NUMBER_WORDS[folded] ?? null);
  return n !== null && n >= 2 && n <= 20 ? n : null;
}

/** An item tidied: emphasis marks, list markers and end punctuation dropped. */
const tidy = (item: string) =>
  item
    .replace(/[*_]/g, '')
    .replace(/^\s*(?:[-+•]|[a-zđ]\)|\d+[.)])\s*/iu, '')
    .replace(/[\s.;,]+$/u, '')
    .trim();

/** The items of a run of text split on ";" (else ","), when there are exactly `count` (or any, for `count` null). */
function splitItems(run: string, count: number | null): string[] | null {
  const bySemicolon = run.split(';');
  const parts = (bySemicolon.length > 1 ? bySemicolon : run.split(',')).map(tidy).filter(Boolean);
  if (parts.length < 2 || parts.some((p) => p.length > 200)) return null;
  return count === null || parts.length === count ? parts : null;
}

/** The items right after a name in its own text: "(rõ người, rõ việc, …)" or "gồm: a; b; c". */
function itemsAfter(rest: string, count: number | null): string[] | null {
  const paren = /^\s*["”»]?\s*\(([^()]+)\)/u.exec(rest);
  if (paren) return splitItems(paren[1]!, count);
  const intro = INTRO.exec(rest);
  if (!intro) return null;
  const run = rest.slice(intro[0].length).split(/(?<=\.)\s+(?=\p{Lu})/u)[0]!;
  return splitItems(run.replace(/\.$/u, ''), count);
}

type Found = { name: string; count: number | null; end: number };

/** The names in a text: counted ones ("6 rõ"), and quoted ones introducing a list. */
function namesIn(text: string): Found[] {
  const counted = [...text.matchAll(COUNTED)].flatMap((m) => {
    const count = countOf(m[1]!);
    return count === null ? [] : [{ name: `${m[1]} ${m[2]}`, count, end: m.index + m[0].length }];
  });
  const quoted = [...text.matchAll(QUOTED)]
    .filter((m) => !counted.some((c) => c.end > m.index && c.end <= m.index + m[0].length))
    .map((m) => ({ name: m[1]!.trim(), count: null, end: m.index + m[0].length - 1 }));
  return [...counted, ...quoted];
}

/** The kind word shortly before a name, as written ("nguyên tắc "một việc – một đầu mối, 6 rõ"" → "nguyên tắc"), or null. */
function kindBefore(text: string, end: number, name: string): string | null {
  const words = ` ${tokenize(text.slice(0, Math.max(0, end - name.length))).slice(-KIND_REACH).join(' ')} `;
  const at = (kind: string) => words.lastIndexOf(` ${tokenize(kind).join(' ')} `);
  const nearest = [...NAMED_LIST_KINDS].sort((a, b) => at(b) - at(a))[0]!;
  return at(nearest) >= 0 ? nearest : null;
}

/** How many words before a name its kind may be (a name in quotes may run to several words). */
const KIND_REACH = 10;

/** The children of a section, in order: the items of a name that ends its text with ":". */
const childrenOf = (sections: readonly Section[], path: string) => sections.filter((s) => s.parent === path);

/**
 * The named lists a plan enumerates: a name with a count ("6 rõ", "ba không") or in quotes, followed by its items in
 * brackets, after "gồm:" / ":", or as the items under it when the name ends its paragraph with ":" — kept only when
 * the items number what the name counts. `"một việc – một đầu mối, 6 rõ" (rõ người, rõ việc, …)` → "6 rõ", 6 items.
 */
export function readNamedLists(plan: string, blocks: readonly Block[], sections: readonly Section[]): NamedList[] {
  const lists = new Map<string, NamedList>();
  const keep = (list: NamedList) => {
    const key = tokenize(list.name).join(' ');
    if (!lists.has(key)) lists.set(key, list);
  };
  for (const block of blocks) {
    for (const found of namesIn(block.text)) {
      const rest = block.text.slice(found.end);
      let items = itemsAfter(rest, found.count);
      if (!items && block.section !== null && ENDS_WITH_INTRO.test(rest)) {
        const children = childrenOf(sections, block.section).map((s) => tidy(s.title || s.text));
        const wanted = found.count ?? children.length;
        items = children.length >= wanted && wanted >= 2 ? children.slice(0, wanted) : null;
      }
      if (!items) continue;
      const kind = kindBefore(block.text, found.end, found.name);
      keep({ plan, name: found.name, kind, items, section: block.section, task: block.task, line: block.line });
    }
  }
  return [...lists.values()];
}
