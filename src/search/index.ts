/**
 * Answers officials' questions from the plans: a MiniSearch index over every passage the reader gives
 * (diacritic-insensitive, abbreviations both ways, syllable bigrams, light typo tolerance), rules that read
 * what a question asks, and answers as data with their sources. `messages` renders them (`renderAnswer`).
 *
 * Three parts, each a folder: `question/` reads a question, `retrieval/` indexes and finds passages, `answers/`
 * builds the answer from both.
 */
import type { Plan } from '../knowledge/index.js';
import {
  answer,
  buildIndexData,
  loadIndexData,
  type Answer,
  type AnswerOptions,
  type IndexData,
} from './answers/index.js';
import { searchOptionsOf, type SearchOptions } from './options.js';
import { engineToJSON } from './retrieval/index.js';

export type { AnswerOptions } from './answers/index.js';
export type { Intent, MetaField, ReportKind, QuestionRange } from './question/index.js';
export type {
  Answer,
  AnswerBody,
  AnswerTask,
  BodyCount,
  Citation,
  Focus,
  Passage,
  PlanRef,
  ProgressLookup,
  TaskFact,
  DutyFact,
  TaskField,
  TaskGroup,
  TaskProgress,
} from './answers/index.js';
export { DEFAULT_SEARCH_OPTIONS, type SearchOptions } from './options.js';

declare const OPAQUE: unique symbol;

/**
 * The search index: built once from the plans by `buildSearch`, read by every `answerQuestion`. Opaque: what it
 * holds is the search's own business.
 */
export type SearchIndex = { readonly [OPAQUE]: 'SearchIndex' };

const seal = (data: IndexData) => data as unknown as SearchIndex;
const open = (index: SearchIndex) => index as unknown as IndexData;

/**
 * Builds the index once from the plans (at start), to be reused for every question; `options` changes the
 * tuning (`DEFAULT_SEARCH_OPTIONS` for the rest). `buildSearch(loadKnowledge("knowledge").plans)`.
 */
export function buildSearch(plans: readonly Plan[], options: Partial<SearchOptions> = {}): SearchIndex {
  return seal(buildIndexData(plans, searchOptionsOf(options)));
}

/**
 * The version of what `searchIndexData` gives: bumped whenever the search changes what it indexes or how (passages,
 * terms, tokenizer, shards), so an index kept from an older version is built again instead of loaded.
 */
export const SEARCH_INDEX_VERSION = 1;

/**
 * The index as plain data (JSON-safe) to keep between starts; the plans are not in it. With the same plans (and
 * options), `loadSearch` gives the index back without indexing again.
 */
export function searchIndexData(index: SearchIndex): unknown {
  return engineToJSON(open(index).engine);
}

/**
 * The index over `plans` from what `searchIndexData` gave for the same plans, or undefined when the data does not fit
 * them (build it then): `(await loadSearch(plans, kept)) ?? buildSearch(plans)`.
 */
export async function loadSearch(
  plans: readonly Plan[],
  data: unknown,
  options: Partial<SearchOptions> = {},
): Promise<SearchIndex | undefined> {
  const loaded = await loadIndexData(plans, data, searchOptionsOf(options));
  return loaded && seal(loaded);
}

/** How big an index is: its plans, the passages it indexes, and the distinct texts among them (plans share wording). */
export function indexSize(index: SearchIndex): { plans: number; passages: number; distinctPassages: number } {
  const { order, engine } = open(index);
  return { plans: order.length, passages: engine.docs.length, distinctPassages: engine.distinct };
}

/**
 * Answers a question from the plans, as data with its sources (no invention: a question the plans do
 * not cover gets `out_of_scope` and no citation). `answerQuestion(index, "Ai chủ trì nhiệm vụ 4 của Đại Sơn?",
 * { today: "2026-11-28" })` → intent `lead`, citation `{ plan: "dai-son", task: "4", section: null }`.
 * Render the text with `renderAnswer` from `messages`.
 */
export function answerQuestion(index: SearchIndex, question: string, options: AnswerOptions): Answer {
  return answer(open(index), question, options);
}
