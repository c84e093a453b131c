import { bigrams, expandTokens, tokenize } from '../text/index.js';

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

/** A term held by more than this share of the texts says little to the ranking and costs much to search. */
const COMMON_SHARE = 0.5;
/** Below this many texts no term counts as common (small indexes search every term). */
const MIN_COMMON = 500;

/**
 * The terms worth searching for: the query's terms without the very common ones (the rarest is kept when
 * all are common). Only candidates are chosen this way; relevance is judged on all the query's terms.
 */
export function withoutCommon(terms: readonly string[], counts: TermCounts): string[] {
  const limit = Math.max(MIN_COMMON, counts.texts * COMMON_SHARE);
  const df = (t: string) => counts.df.get(t) ?? 0;
  const kept = terms.filter((t) => df(t) <= limit);
  const rarest = [...terms].sort((a, b) => df(a) - df(b))[0];
  return kept.length > 0 || rarest === undefined ? kept : [rarest];
}

/** A term held by more than this share of the texts (as "thực hiện") is no evidence that a text is about the query. */
const GENERIC_SHARE = 0.25;
/** A term held by this many texts or fewer is never generic: a handful of texts (one small plan's targets) has no such statistics. */
const MIN_GENERIC = 2;
export const isGeneric = (term: string, counts: TermCounts): boolean =>
  (counts.df.get(term) ?? 0) > Math.max(MIN_GENERIC, GENERIC_SHARE * counts.texts);

/** Typo tolerance: one edit in longer syllables and bigrams, none in short syllables (they are words). */
export function fuzzyOf(term: string): number | false {
  if (isBigram(term)) return term.length >= 9 ? 1 : false;
  return term.length >= 6 ? 1 : false;
}
