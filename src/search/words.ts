/** Matching folded phrases against a question's folded words, remembering which words were used. */

/** A question's folded words and which of them a rule has already explained. */
export type Words = { list: string[]; used: boolean[] };

export function wordsOf(tokens: string[]): Words {
  return { list: tokens, used: tokens.map(() => false) };
}

const split = (phrase: string) => phrase.split(' ');

/** Index where `phrase` (space-separated folded words) starts in the list, from `from` on; -1 when absent. */
export function indexOfPhrase(list: readonly string[], phrase: string, from = 0): number {
  const parts = split(phrase);
  for (let i = from; i + parts.length <= list.length; i++) {
    if (parts.every((p, k) => list[i + k] === p)) return i;
  }
  return -1;
}

/** Whether any of the phrases occurs. */
export function hasAny(words: Words, phrases: readonly string[]): boolean {
  return phrases.some((p) => indexOfPhrase(words.list, p) >= 0);
}

/** Marks every occurrence of every phrase as used; true when one occurred. */
export function consume(words: Words, phrases: readonly string[]): boolean {
  let found = false;
  for (const phrase of phrases) {
    const n = split(phrase).length;
    for (let i = indexOfPhrase(words.list, phrase); i >= 0; i = indexOfPhrase(words.list, phrase, i + 1)) {
      for (let k = i; k < i + n; k++) words.used[k] = true;
      found = true;
    }
  }
  return found;
}

/** Marks the words from `start` (inclusive) to `end` (exclusive) as used. */
export function markUsed(words: Words, start: number, end: number): void {
  for (let k = start; k < end; k++) words.used[k] = true;
}

/** The words no rule used, in order, without those in `stop`. */
export function unusedWords(words: Words, stop: ReadonlySet<string>): string[] {
  return words.list.filter((w, i) => !words.used[i] && !stop.has(w));
}

/**
 * The unused words in runs of neighbours: a word left out (used, or in `stop`) ends a run, so no pair is made across
 * it; but one of the `joiners` between two kept words stays in the run, as in names of things ("họp không giấy").
 */
export function unusedRuns(words: Words, stop: ReadonlySet<string>, joiners: ReadonlySet<string>): string[][] {
  const kept = (i: number) => i >= 0 && i < words.list.length && !words.used[i] && !stop.has(words.list[i]!);
  const joins = (i: number) => !words.used[i] && joiners.has(words.list[i]!) && kept(i - 1) && kept(i + 1);
  const runs: string[][] = [[]];
  words.list.forEach((w, i) => {
    if (kept(i) || joins(i)) runs.at(-1)!.push(w);
    else if (runs.at(-1)!.length > 0) runs.push([]);
  });
  return runs.filter((r) => r.length > 0);
}
