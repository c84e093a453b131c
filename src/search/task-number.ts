import { TASK_NUMBER_WORDS } from './lexicon.js';
import { indexOfPhrase, markUsed, type Words } from './words.js';

const NUMBER = /^\d{1,3}$/;
const JOINERS = new Set(['va', 'so', 'thu', 'voi']);
/** A task word and number typed together: "nv7", "NV07". */
const JOINED = /^(?:nv|nhiemvu)(\d{1,3})$/;

/** Numbers after one task word: "nhiệm vụ số 4 và 5" → ["4", "5"], with the span read. */
function numbersAfter(list: string[], start: number): { nos: string[]; end: number } {
  const nos: string[] = [];
  let i = start;
  for (; i < list.length; i++) {
    const word = list[i]!;
    if (NUMBER.test(word)) nos.push(String(Number(word)));
    else if (!JOINERS.has(word) || !NUMBER.test(list[i + 1] ?? '')) break;
  }
  return { nos, end: i };
}

/**
 * The task numbers a question names: "nhiệm vụ 4", "nv 12", "nv12", "việc số 3", "nhiệm vụ 4 và 5".
 * Marks the words it read.
 */
export function readTaskNumbers(words: Words): string[] {
  const found: string[] = [];
  words.list.forEach((word, i) => {
    const joined = JOINED.exec(word);
    if (!joined) return;
    markUsed(words, i, i + 1);
    found.push(String(Number(joined[1])));
  });
  for (const phrase of TASK_NUMBER_WORDS) {
    for (let i = indexOfPhrase(words.list, phrase); i >= 0; i = indexOfPhrase(words.list, phrase, i + 1)) {
      const start = i + phrase.split(' ').length;
      const { nos, end } = numbersAfter(words.list, start);
      if (nos.length === 0) continue;
      markUsed(words, i, end);
      for (const no of nos) if (!found.includes(no)) found.push(no);
    }
  }
  return found;
}
