import { bigrams, expandTokens, tokenize } from '../../text/index.js';
import type { SearchOptions } from '../options.js';

/** Joins the two syllables of a bigram term so it stays one term. */
const BIGRAM_JOINER = '_';
export const isBigram = (term: string): boolean => term.includes(BIGRAM_JOINER);

/**
 * The terms of a text: folded syllables with abbreviations spelt out (so "VHXH" and "văn hóa xã hội"
 * meet, both ways), then the bigrams of adjacent syllables, so "hội nghị" outranks "hội ... nghị".
 */
export function termsOf(text: string): string[] {
  const syllables = expandTokens(tokenize(text));
  return [...syllables, ...bigrams(syllables).map((b) => b.replace(' ', BIGRAM_JOINER))];
}

/** How many distinct texts hold each term. */
export type TermCounts = { df: Map<string, number>; texts: number };

/**
 * The terms worth searching for: the query's terms without the very common ones (the rarest is kept when
 * all are common). Only candidates are chosen this way; relevance is judged on all the query's terms.
 */
export function withoutCommon(terms: readonly string[], counts: TermCounts, options: SearchOptions): string[] {
  const limit = Math.max(options.minCommonTexts, counts.texts * options.commonShare);
  const df = (t: string) => counts.df.get(t) ?? 0;
  const kept = terms.filter((t) => df(t) <= limit);
  const rarest = [...terms].sort((a, b) => df(a) - df(b))[0];
  return kept.length > 0 || rarest === undefined ? kept : [rarest];
}

/**
 * Whether a term is too common (as "thực hiện") to show that a text is about the query; never in a handful of texts
 * (one small plan's targets), which has no such statistics.
 */
export const isGeneric = (term: string, counts: TermCounts, options: SearchOptions): boolean =>
  (counts.df.get(term) ?? 0) > Math.max(options.minGenericTexts, options.genericShare * counts.texts);

/** Typo tolerance: one edit in longer syllables and bigrams, none in short syllables (they are words). */
export function fuzzyOf(options: SearchOptions): (term: string) => number | false {
  return (term) =>
    term.length >= (isBigram(term) ? options.fuzzyPairLength : options.fuzzySyllableLength) ? 1 : false;
}
