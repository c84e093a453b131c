import MiniSearch, { type SearchOptions } from 'minisearch';
import { bigrams, expandTokens, tokenize } from '../text/index.js';
import type { DocKind, SearchDoc } from './documents.js';

/** Joins the two syllables of a bigram term so MiniSearch keeps it as one term. */
const BIGRAM_JOINER = '_';
const isBigram = (term: string) => term.includes(BIGRAM_JOINER);

/**
 * The terms of a text: folded syllables with abbreviations spelt out (so "VHXH" and "văn hóa xã hội"
 * meet, both ways), then the bigrams of adjacent syllables, so "hội nghị" outranks "hội ... nghị".
 */
export function termsOf(text: string): string[] {
  const syllables = expandTokens(tokenize(text));
  return [...syllables, ...bigrams(syllables).map((b) => b.replace(' ', BIGRAM_JOINER))];
}

/** Typo tolerance: one edit in longer syllables and bigrams, none in short syllables (they are words). */
function fuzzyOf(term: string): number | false {
  if (isBigram(term)) return term.length >= 9 ? 1 : false;
  return term.length >= 6 ? 1 : false;
}

const FIELDS = ['title', 'text', 'agency'] as const;
const BASE_OPTIONS: SearchOptions = {
  boost: { title: 2, text: 1, agency: 1.5 },
  boostTerm: (term) => (isBigram(term) ? 2 : 1),
  fuzzy: fuzzyOf,
  maxFuzzy: 1,
  weights: { fuzzy: 0.3, prefix: 0.3 },
  combineWith: 'OR',
};

/** One passage found, with the query terms it matched. */
export type Hit = { doc: SearchDoc; score: number; terms: string[] };

/** Where to look: some plans and some kinds of passage (all when left out). */
export type Scope = { plans?: readonly string[]; kinds?: readonly DocKind[]; limit?: number };

/** The MiniSearch index and the passages it points to (a passage's id is its position). */
export type Engine = { mini: MiniSearch<SearchDoc>; docs: SearchDoc[] };

/** Indexes the passages once. */
export function buildEngine(docs: SearchDoc[]): Engine {
  const mini = new MiniSearch<SearchDoc>({
    fields: [...FIELDS],
    storeFields: [],
    tokenize: termsOf,
    processTerm: (term) => term,
    searchOptions: BASE_OPTIONS,
  });
  mini.addAll(docs);
  return { mini, docs };
}

function scopeFilter(engine: Engine, scope: Scope): ((id: number) => number) | undefined {
  const plans = scope.plans && scope.plans.length > 0 ? new Set(scope.plans) : null;
  const kinds = scope.kinds ? new Set(scope.kinds) : null;
  if (!plans && !kinds) return undefined;
  return (id) => {
    const doc = engine.docs[id]!;
    return (!plans || plans.has(doc.plan)) && (!kinds || kinds.has(doc.kind)) ? 1 : 0;
  };
}

/** The best passages for the words, best first, inside the scope. */
export function searchEngine(engine: Engine, words: readonly string[], scope: Scope = {}): Hit[] {
  if (words.length === 0) return [];
  const inScope = scopeFilter(engine, scope);
  const results = engine.mini.search(words.join(' '), inScope ? { boostDocument: inScope } : {});
  return results.slice(0, scope.limit ?? 10).map((r) => ({ doc: engine.docs[r.id as number]!, score: r.score, terms: r.terms }));
}

/** Share of the query's syllables a passage matched, and whether it matched a bigram (two words in a row). */
export function coverage(hit: Hit, words: readonly string[]): { share: number; bigram: boolean } {
  const syllables = new Set(expandTokens([...words]));
  const matched = hit.terms.filter((t) => !isBigram(t) && syllables.has(t)).length;
  return { share: syllables.size === 0 ? 0 : matched / syllables.size, bigram: hit.terms.some(isBigram) };
}
