/**
 * Answers officials' questions from the plans: a MiniSearch index over every passage the reader gives
 * (diacritic-insensitive, abbreviations both ways, syllable bigrams, light typo tolerance), rules that read
 * what a question asks, and answers as data with their sources. `messages` renders them (`renderAnswer`).
 *
 * Three parts, each a folder: `question/` reads a question, `retrieval/` indexes and finds passages, `answers/`
 * builds the answer from both.
 */
import type { Plan } from '../knowledge/index.js';
import { answer, buildIndexData, type Answer, type AnswerOptions, type IndexData } from './answers/index.js';
import { searchOptionsOf, type SearchOptions } from './options.js';

export type { AnswerOptions } from './answers/index.js';
export type { Intent, MetaField, ReportKind, QuestionRange } from './question/index.js';
export type {
  Answer,
  AnswerBody,
  AnswerTask,
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
