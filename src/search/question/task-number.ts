import type { Task } from '../../knowledge/index.js';
import { foldCase } from '../../text/index.js';
import { TASK_NUMBER_WORDS } from './lexicon.js';
import { indexOfPhrase, type Read, type Span, type Words } from './words.js';

const NUMBER = /^\d{1,3}$/;
const JOINERS = new Set(['va', 'so', 'thu', 'voi']);
/** A task word and number typed together: "nv7", "NV07". */
const JOINED = /^(?:nv|nhiemvu)(\d{1,3})$/;
/** Words naming the group a number is counted in: "nhiệm vụ 1 nhóm II", "nhiệm vụ 2 thuộc mục III". */
const GROUP_WORDS = new Set(['nhom', 'muc', 'phan']);
const GROUP_LEAD_INS = new Set(['thuoc', 'cua', 'trong', 'o']);
/** A number written with its group in the typed text: "III.2", "1.2" (the tokens lose the dot). */
const DOTTED = /(?<![\p{L}\d.])((?:[ivx]{1,4}|\d{1,2})\.\d{1,2})(?![\d]|\.\d)/gu;
/** Group numerals as plans write them, I to X. */
const ROMAN_NUMERALS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];
const romanValue = (word: string) => ROMAN_NUMERALS.indexOf(word.toLowerCase()) + 1;

const asGroup = (word: string) =>
  NUMBER.test(word)
    ? ROMAN_NUMERALS[Number(word) - 1]?.toUpperCase()
    : romanValue(word) > 0
      ? word.toUpperCase()
      : undefined;
const plain = (word: string) => String(Number(word));

/** The task numbers written with a dot in the question ("iii.2"), as their two tokens. */
function dottedIn(text: string): Set<string> {
  return new Set([...foldCase(text).matchAll(DOTTED)].map((m) => m[1]!.replace('.', ' ')));
}

type NumberRead = { no: string; end: number };

/** One number at `i`: "III.2" typed with a dot, "1 nhóm II", or a plain "4". */
function numberAt(list: readonly string[], i: number, dotted: ReadonlySet<string>): NumberRead | null {
  const [first, second] = [list[i] ?? '', list[i + 1] ?? ''];
  if (dotted.has(`${first} ${second}`))
    return { no: `${romanValue(first) > 0 ? first.toUpperCase() : plain(first)}.${plain(second)}`, end: i + 2 };
  if (!NUMBER.test(first)) return null;
  let k = i + 1;
  if (GROUP_LEAD_INS.has(list[k] ?? '') && GROUP_WORDS.has(list[k + 1] ?? '')) k++;
  const group = GROUP_WORDS.has(list[k] ?? '') ? asGroup(list[k + 1] ?? '') : undefined;
  return group ? { no: `${group}.${plain(first)}`, end: k + 2 } : { no: plain(first), end: i + 1 };
}

/** Numbers after one task word: "nhiệm vụ số 4 và 5" → ["4", "5"], "nhiệm vụ III.2" → ["III.2"], with the span read. */
function numbersAfter(
  list: readonly string[],
  start: number,
  dotted: ReadonlySet<string>,
): { nos: string[]; end: number } {
  const nos: string[] = [];
  let i = start;
  while (i < list.length) {
    const read = numberAt(list, i, dotted);
    if (read) {
      nos.push(read.no);
      i = read.end;
    } else if (JOINERS.has(list[i]!) && numberAt(list, i + 1, dotted)) i++;
    else break;
  }
  return { nos, end: i };
}

/**
 * The task numbers a question names: "nhiệm vụ 4", "nv 12", "nv12", "việc số 3", "nhiệm vụ 4 và 5", and in plans
 * numbering tasks by group, "nhiệm vụ III.2" or "nhiệm vụ 2 nhóm III" (both "III.2"). `text` is the question as
 * typed (the tokens in `words` have lost the dots). With the words read.
 */
export function readTaskNumbers(words: Words, text: string): Read<string[]> {
  const found: string[] = [];
  const used: Span[] = [];
  const dotted = dottedIn(text);
  words.list.forEach((word, i) => {
    const joined = JOINED.exec(word);
    if (!joined) return;
    used.push({ start: i, end: i + 1 });
    found.push(plain(joined[1]!));
  });
  for (const phrase of TASK_NUMBER_WORDS) {
    for (let i = indexOfPhrase(words.list, phrase); i >= 0; i = indexOfPhrase(words.list, phrase, i + 1)) {
      const start = i + phrase.split(' ').length;
      const { nos, end } = numbersAfter(words.list, start, dotted);
      if (nos.length === 0) continue;
      used.push({ start: i, end });
      for (const no of nos) if (!found.includes(no)) found.push(no);
    }
  }
  return { value: found, used };
}

/** A task number compared as a number: "II.1" and "2.1" alike, "04" as "4". */
const keyOf = (no: string) =>
  no
    .split('.')
    .map((part) => (romanValue(part) > 0 ? String(romanValue(part)) : plain(part)))
    .join('.');

/** Whether the plan's task is the one numbered `no` in a question. */
export const isTaskNumbered = (task: Task, no: string): boolean => keyOf(task.no) === keyOf(no);

/** The plan's tasks numbered `no` inside some group ("1" → I.1, II.1, ...): what a question for "nhiệm vụ 1" may mean. */
export function numberedInGroups(tasks: readonly Task[], no: string): string[] {
  return tasks.filter((t) => t.no.includes('.') && keyOf(t.no).endsWith(`.${keyOf(no)}`)).map((t) => t.no);
}
