/**
 * How the search ranks and judges passages and how much one answer holds: every tuning constant in one place,
 * with its default (as MiniSearch's `Options`). `buildSearch(plans, { maxPassages: 5 })` changes one and keeps
 * the others.
 */
export type SearchOptions = {
  /** Weight of a match in each field of a passage: its heading, its text, the agencies it names. Default `{ title: 2, text: 1, agency: 1.5 }`. */
  boost: { title: number; text: number; agency: number };
  /** Weight of a word pair of the query ("hội nghị") against a single syllable (1). Default 2. */
  bigramBoost: number;
  /** Shortest syllable matched with one typo ("chuyen" ~ "chuyn"); shorter ones are words and match exactly. Default 6. */
  fuzzySyllableLength: number;
  /** Shortest word pair matched with one typo (its two syllables and the joiner). Default 9. */
  fuzzyPairLength: number;
  /** Weight of typo and prefix matches against exact ones. Default `{ fuzzy: 0.3, prefix: 0.3 }`. */
  weights: { fuzzy: number; prefix: number };
  /** A term in more than this share of the texts is not searched for (it costs much and says little). Default 0.5. */
  commonShare: number;
  /** Below this many texts no term counts as common (small indexes search every term). Default 500. */
  minCommonTexts: number;
  /** A term in more than this share of the texts ("thực hiện") is no evidence that a text is about the query. Default 0.25. */
  genericShare: number;
  /** A term held by this many texts or fewer is never generic. Default 2. */
  minGenericTexts: number;
  /** Share of the question's syllables a passage must hold to be about it. Default 0.6. */
  minShare: number;
  /** A passage scoring below this share of the best one is not offered beside it. Default 0.5. */
  nearBest: number;
  /** A one-syllable topic shorter than this ("ăn", "đi") is too common to find passages by. Default 3. */
  minLoneSyllable: number;
  /** Share of an agency's words a question must hold to name it ("UBND" does not name "Văn phòng UBND"). Default 0.8. */
  agencyCover: number;
  /** Longest excerpt quoted from a long passage, in characters. Default 300. */
  excerptChars: number;
  /** Most passages one answer quotes. Default 3. */
  maxPassages: number;
  /** Most plans one answer lists before asking for a locality. Default 5. */
  maxPlansPerReply: number;
};

/** The defaults of every search option. */
export const DEFAULT_SEARCH_OPTIONS: Readonly<SearchOptions> = Object.freeze({
  boost: { title: 2, text: 1, agency: 1.5 },
  bigramBoost: 2,
  fuzzySyllableLength: 6,
  fuzzyPairLength: 9,
  weights: { fuzzy: 0.3, prefix: 0.3 },
  commonShare: 0.5,
  minCommonTexts: 500,
  genericShare: 0.25,
  minGenericTexts: 2,
  minShare: 0.6,
  nearBest: 0.5,
  minLoneSyllable: 3,
  agencyCover: 0.8,
  excerptChars: 300,
  maxPassages: 3,
  maxPlansPerReply: 5,
});

/** The options given, the defaults for the rest. */
export function searchOptionsOf(given: Partial<SearchOptions> = {}): SearchOptions {
  return { ...DEFAULT_SEARCH_OPTIONS, ...given };
}
