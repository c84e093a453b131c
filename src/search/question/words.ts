/** Matching folded phrases against a question's folded words, remembering which words were used. */

/** A question's folded words and which of them a rule has already explained (never changed: `withUsed` makes a new one). */
export type Words = { readonly list: readonly string[]; readonly used: readonly boolean[] };

/** Words from `start` (inclusive) to `end` (exclusive) that a rule read. */
export type Span = { readonly start: number; readonly end: number };

/** What a rule read from the words, and the words it used to read it. */
export type Read<T> = { value: T; used: Span[] };

export function wordsOf(tokens: readonly string[]): Words {
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

/** Every occurrence of every phrase: the words a rule uses when it reads them ([] when none occurs). */
export function consume(words: Words, phrases: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const phrase of phrases) {
    const n = split(phrase).length;
    for (let i = indexOfPhrase(words.list, phrase); i >= 0; i = indexOfPhrase(words.list, phrase, i + 1))
      spans.push({ start: i, end: i + n });
  }
  return spans;
}

/** The words with those of the spans marked used as well. */
export function withUsed(words: Words, spans: readonly Span[]): Words {
  if (spans.length === 0) return words;
  const used = [...words.used];
  for (const { start, end } of spans) for (let k = start; k < end; k++) used[k] = true;
  return { list: words.list, used };
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
