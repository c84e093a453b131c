import { foldCase } from '../../text/index.js';
import * as L from './lexicon.js';
import { indexOfPhrase, type Words } from './words.js';

/** Words that start the name of an office or body ("Phòng …", "Sở …", "Trung tâm …"). */
const HEADS = ['van phong', 'trung tam', 'uy ban', 'chi cuc', 'cong an', 'phong', 'so', 'ubnd'];
/** Words after "sở" that make it "số" (a number), not an office. */
const NOT_AFTER_SO = new Set(['luong', 'hieu', 'nhiem', 'may', 'bao', 'ke', 'viec', 'cong']);
const MAX_NAME_WORDS = 5;
/** Question phrases that end a name: a name never runs into "chủ trì", "phải làm gì", "những việc". */
const ENDERS = [...L.LIST_CUE_WORDS, ...L.TASK_WORDS, ...L.DEADLINE_WORDS, ...L.STATUS_WORDS, 'phai', 'lo', 'co'];

const breaks = (words: Words, k: number) =>
  k >= words.list.length ||
  words.used[k] ||
  /^\d/.test(words.list[k]!) ||
  ENDERS.some((p) => indexOfPhrase(words.list, p, k) === k);
/** A name ends at a question phrase, a place, a number, or a stop word not followed by more of the name ("Tài chính"). */
const endsAt = (words: Words, k: number): boolean =>
  breaks(words, k) ||
  (L.STOP_WORDS.has(words.list[k]!) && (breaks(words, k + 1) || L.STOP_WORDS.has(words.list[k + 1]!)));

/** The words of the question as typed, lined up with its folded words when they are one for one (null otherwise). */
function typedWords(text: string, words: Words): string[] | null {
  const typed = text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return typed.length === words.list.length && typed.every((w, i) => foldCase(w) === words.list[i]) ? typed : null;
}

/**
 * An office or body the question names, as typed ("Phòng Kinh tế", "sở y tế"), found by its head word; null when it
 * names none. Used to say that a plan gives no work to an office it does not name.
 */
export function readAgencyPhrase(words: Words, text: string): string | null {
  for (let i = 0; i < words.list.length; i++) {
    if (words.used[i]) continue;
    const head = HEADS.find((h) => indexOfPhrase(words.list, h, i) === i);
    if (!head) continue;
    const start = i + head.split(' ').length;
    if (head === 'so' && NOT_AFTER_SO.has(words.list[start] ?? '')) continue;
    let end = start;
    while (end < words.list.length && end - start < MAX_NAME_WORDS && !endsAt(words, end)) end++;
    if (end === start) continue;
    const typed = typedWords(text, words);
    return (typed ?? words.list).slice(i, end).join(' ');
  }
  return null;
}
