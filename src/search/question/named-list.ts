import { NUMBER_WORDS } from '../../knowledge/index.js';
import { tokenize } from '../../text/index.js';
import { NAMED_LIST_ASK_WORDS, STOP_WORDS } from './lexicon.js';
import { consume, unusedWords, withUsed, type Read, type Span, type Words } from './words.js';

/** The names of the lists the plans enumerate, by key: "6 rõ" and "sáu rõ" are both "6 ro". */
export type ListNameIndex = ReadonlyMap<string, readonly string[]>;

/** Counts written as words, folded: "sau" → 6 (read as a count only before the rest of a list's name). */
const FOLDED_NUMBERS = new Map(Object.entries(NUMBER_WORDS).map(([w, n]) => [tokenize(w).join(' '), String(n)]));

/** A name's folded words with its count as digits: "06 Đẩy mạnh" → ["6", "day", "manh"], "ba không" → ["3", "khong"]. */
export function listNameKey(name: string): string {
  const [first = '', ...rest] = tokenize(name);
  const count = /^\d+$/.test(first) ? String(Number(first)) : (FOLDED_NUMBERS.get(first) ?? first);
  return [count, ...rest].join(' ');
}

/** Indexes the names of the lists given. */
export function buildListNameIndex(names: readonly string[]): ListNameIndex {
  return new Map(names.map((name) => [listNameKey(name), listNameKey(name).split(' ')]));
}

/** Whether the question's word at `i` is the word `want` of a name (a count matches "6", "06" or "sáu"). */
const matches = (word: string, want: string, first: boolean) =>
  word === want ||
  (first && /^\d+$/.test(want) && (String(Number(word)) === want || FOLDED_NUMBERS.get(word) === want));

/** Where in the words a name occurs, longest name first; null when none does. */
function findName(list: readonly string[], names: ListNameIndex): Read<string> | null {
  let best: Read<string> | null = null;
  for (const [key, parts] of names) {
    if (best && best.value.split(' ').length >= parts.length) continue;
    for (let i = 0; i + parts.length <= list.length; i++) {
      if (parts.every((p, k) => matches(list[i + k]!, p, k === 0))) {
        best = { value: key, used: [{ start: i, end: i + parts.length }] };
        break;
      }
    }
  }
  return best;
}

/**
 * The list a question asks about, when it names one a plan enumerates and says nothing else than asking what it is
 * ("6 rõ là gì", "nguyen tac 3 khong", "nguyên tắc sáu rõ gồm những gì ở Đại Sơn"); null otherwise ("nhiệm vụ 3 không
 * ai chủ trì?" names no list). `placeWords`: the words naming places, already read.
 */
export function readListName(words: Words, placeWords: readonly Span[], names: ListNameIndex): Read<string> | null {
  if (names.size === 0) return null;
  const found = findName(words.list, names);
  if (!found) return null;
  const asked = withUsed(words, [...placeWords, ...found.used]);
  const used = consume(asked, NAMED_LIST_ASK_WORDS);
  const left = unusedWords(withUsed(asked, used), STOP_WORDS);
  return left.length === 0 ? { value: found.value, used: [...found.used, ...used] } : null;
}
