import { termsOf } from '../retrieval/index.js';

const SENTENCE_END = /(?<=[.;:!?])\s+|\n+/;

/**
 * The part of a long text (over `maxChars`) a reply should quote: the sentence holding most of the query's terms,
 * with the sentences after it while they fit; "…" marks text left out before it.
 */
export function excerpt(text: string, runs: readonly (readonly string[])[], maxChars: number): string {
  if (text.length <= maxChars) return text;
  const wanted = new Set(runs.flatMap((run) => termsOf(run.join(' '))));
  const sentences = text.split(SENTENCE_END).filter((s) => s.trim() !== '');
  const scores = sentences.map((s) => [...new Set(termsOf(s))].filter((t) => wanted.has(t)).length);
  const best = scores.indexOf(Math.max(0, ...scores));
  let out = sentences[best] ?? text;
  for (let i = best + 1; i < sentences.length && out.length + sentences[i]!.length < maxChars; i++)
    out += ` ${sentences[i]}`;
  return best > 0 ? `…${out}` : out;
}
