import MiniSearch, { type Options, type SearchOptions as MiniSearchOptions } from 'minisearch';
import type { SearchOptions } from '../options.js';
import type { DocKind, SearchDoc } from './documents.js';
import { fuzzyOf, isBigram, isGeneric, termsOf, withoutCommon, type TermCounts } from './terms.js';

const FIELDS = ['title', 'text', 'agency'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Passages are indexed in one MiniSearch per group of kinds, so a question about tasks or targets
 * does not walk the postings of the long body sections.
 */
export const SHARDS: readonly (readonly DocKind[])[] = [
  ['task'],
  ['target', 'meeting', 'reporting'],
  ['duty', 'section', 'meta'],
];

const splitTerms = (s: string) => (s ? s.split(' ') : []);
const miniSearchOptions = (options: SearchOptions): MiniSearchOptions => ({
  boost: { ...options.boost },
  boostTerm: (term) => (isBigram(term) ? options.bigramBoost : 1),
  fuzzy: fuzzyOf(options),
  maxFuzzy: 1,
  weights: { ...options.weights },
  combineWith: 'OR',
  tokenize: splitTerms,
});

/**
 * One passage found. `share`: part of the query's syllables it holds; `bigram`: whether it holds two
 * query words side by side; `single`: whether the query had one syllable only.
 */
export type Hit = { doc: SearchDoc; score: number; share: number; bigram: boolean; single: boolean };

/** Where to look: some plans and some kinds of passage (all when left out). */
type Scope = { plans?: readonly string[]; kinds?: readonly DocKind[]; limit?: number };

/**
 * One distinct text, indexed once however many plans hold it (plans copying the province's wording
 * are the rule), with every place it occurs.
 */
export type Entry = {
  id: number;
  kind: DocKind;
  title: string;
  text: string;
  agency: string;
  /** Where the text occurs, by plan. */
  places: Map<string, SearchDoc[]>;
  /** The entry's terms, read when a question first needs them. */
  terms?: Set<string>;
};

export type Shard = { kinds: ReadonlySet<DocKind>; mini: MiniSearch<Entry>; entries: Entry[]; counts: TermCounts };

/** The MiniSearch shards over distinct texts, the passages they point to, and the options they rank by. */
export type Engine = {
  shards: Shard[];
  docs: SearchDoc[];
  planCount: number;
  distinct: number;
  options: SearchOptions;
};

const keyOf = (d: SearchDoc) => `${d.kind}\u0000${d.title}\u0000${d.text}\u0000${d.agency}`;

function entriesOf(docs: readonly SearchDoc[]): Entry[] {
  const byKey = new Map<string, Entry>();
  for (const doc of docs) {
    const key = keyOf(doc);
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        id: byKey.size,
        kind: doc.kind,
        title: doc.title,
        text: doc.text,
        agency: doc.agency,
        places: new Map(),
      };
      byKey.set(key, entry);
    }
    const here = entry.places.get(doc.plan);
    if (here) here.push(doc);
    else entry.places.set(doc.plan, [doc]);
  }
  return [...byKey.values()];
}

/** Each entry's terms by field, counting in how many entries each term occurs. */
function termsByEntry(entries: readonly Entry[]): { fields: Record<Field, string>[]; counts: TermCounts } {
  const df = new Map<string, number>();
  const fields = entries.map((e) => {
    const f = { title: termsOf(e.title), text: termsOf(e.text), agency: termsOf(e.agency) };
    for (const t of new Set([...f.title, ...f.text, ...f.agency])) df.set(t, (df.get(t) ?? 0) + 1);
    return { title: f.title.join(' '), text: f.text.join(' '), agency: f.agency.join(' ') };
  });
  return { fields, counts: { df, texts: entries.length } };
}

/** How a shard's MiniSearch is made (indexing reads the fields from `fields`) and loaded back: the same options. */
export function shardMiniOptions(
  options: SearchOptions,
  fields: readonly Record<Field, string>[] = [],
): Options<Entry> {
  return {
    fields: [...FIELDS],
    storeFields: [],
    extractField: (entry, field) => (field === 'id' ? entry.id : fields[entry.id]![field as Field]),
    tokenize: splitTerms,
    processTerm: (term) => term,
    searchOptions: miniSearchOptions(options),
  };
}

function buildShard(kinds: readonly DocKind[], docs: readonly SearchDoc[], options: SearchOptions): Shard {
  const wanted = new Set(kinds);
  const entries = entriesOf(docs.filter((d) => wanted.has(d.kind)));
  const { fields, counts } = termsByEntry(entries);
  const mini = new MiniSearch<Entry>(shardMiniOptions(options, fields));
  mini.addAll(entries);
  return { kinds: wanted, mini, entries, counts };
}

/** Indexes the passages once: each distinct text is tokenized and indexed one time. */
export function buildEngine(docs: SearchDoc[], options: SearchOptions): Engine {
  const shards = SHARDS.map((kinds) => buildShard(kinds, docs, options));
  const distinct = shards.reduce((n, s) => n + s.entries.length, 0);
  return { shards, docs, planCount: new Set(docs.map((d) => d.plan)).size, distinct, options };
}

const termsOfEntry = (e: Entry) => (e.terms ??= new Set(termsOf(`${e.title}\n${e.text}\n${e.agency}`)));

/**
 * How much of the query an entry holds: share of its syllables (typo matches count), and whether it holds
 * a word pair of the query that says something (not one most passages hold, as "thực hiện").
 */
function coverage(e: Entry, q: Query, matched: readonly string[], telling: (term: string) => boolean) {
  const has = (t: string) => matched.includes(t) || termsOfEntry(e).has(t);
  const share = q.syllables.length === 0 ? 0 : q.syllables.filter(has).length / q.syllables.length;
  return { share, bigram: q.bigrams.some((b) => telling(b) && has(b)), single: q.syllables.length === 1 };
}

type Query = {
  all: string[];
  syllables: string[];
  bigrams: string[];
  plans: Set<string> | null;
  kinds: Set<DocKind> | null;
};

function entryFilter(shard: Shard, q: Query): ((id: number) => number) | undefined {
  const kinds = q.kinds && [...shard.kinds].some((k) => !q.kinds!.has(k)) ? q.kinds : null;
  if (!q.plans && !kinds) return undefined;
  const wanted = q.plans ? [...q.plans] : [];
  return (id) => {
    const e = shard.entries[id]!;
    if (kinds && !kinds.has(e.kind)) return 0;
    return wanted.length === 0 || wanted.some((p) => e.places.has(p)) ? 1 : 0;
  };
}

/** Where an entry occurs, in the plans asked about (all when null). */
function* placesOf(entry: Entry, plans: Set<string> | null): Generator<SearchDoc> {
  const lists = plans ? [...plans].map((p) => entry.places.get(p) ?? []) : entry.places.values();
  for (const list of lists) yield* list;
}

/** The places of one shard's best entries, best first. */
function searchShard(shard: Shard, q: Query, limit: number, options: SearchOptions): Hit[] {
  const terms = withoutCommon(q.all, shard.counts, options);
  if (terms.length === 0) return [];
  const filter = entryFilter(shard, q);
  const hits: Hit[] = [];
  for (const r of shard.mini.search(terms.join(' '), filter ? { boostDocument: filter } : {})) {
    const entry = shard.entries[r.id as number]!;
    const found = { score: r.score, ...coverage(entry, q, r.terms, (t) => !isGeneric(t, shard.counts, options)) };
    for (const doc of placesOf(entry, q.plans)) {
      hits.push({ doc, ...found });
      if (hits.length >= limit) return hits;
    }
  }
  return hits;
}

/**
 * The best passages for the words, best first, inside the scope (each place of a shared text is a hit).
 * `runs`: the words in runs of neighbours; word pairs are made inside a run only.
 */
export function searchEngine(engine: Engine, runs: readonly (readonly string[])[], scope: Scope = {}): Hit[] {
  const all = [...new Set(runs.flatMap((run) => termsOf(run.join(' '))))];
  if (all.length === 0) return [];
  const kinds = scope.kinds ? new Set(scope.kinds) : null;
  const plans =
    scope.plans && scope.plans.length > 0 && scope.plans.length < engine.planCount ? new Set(scope.plans) : null;
  const q: Query = { all, syllables: all.filter((t) => !isBigram(t)), bigrams: all.filter(isBigram), plans, kinds };
  const limit = scope.limit ?? 10;
  const shards = engine.shards.filter((s) => !kinds || [...s.kinds].some((k) => kinds.has(k)));
  return shards
    .flatMap((s) => searchShard(s, q, limit, engine.options))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
