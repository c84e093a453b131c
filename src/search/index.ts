/**
 * Answers officials' questions from the plans: a MiniSearch index over every passage the reader gives
 * (diacritic-insensitive, abbreviations both ways, syllable bigrams, light typo tolerance), rules that read
 * what a question asks, and answers as data with their sources. `messages` renders them (`renderAnswer`).
 */
import type { Plan } from '../knowledge/index.js';
import { answer, type AnswerOptions } from './answer.js';
import type { SearchIndex } from './context.js';
import { documentsOf } from './documents.js';
import { buildEngine } from './engine.js';
import { buildLocalityIndex } from './localities.js';
import type { Answer } from './types.js';

export type { SearchIndex } from './context.js';
export type { AnswerOptions } from './answer.js';
export type { Intent, MetaField, ReportKind } from './question.js';
export type { DayRange } from './period.js';
export type {
  Answer,
  AnswerBody,
  AnswerTask,
  Citation,
  Passage,
  PlanRef,
  ProgressLookup,
  TaskFact,
  DutyFact,
  TaskField,
  TaskGroup,
  TaskProgress,
} from './types.js';

/** Most plans one reply lists before asking the user to name a locality. */
export { MAX_PLANS_PER_REPLY } from './context.js';

/**
 * Builds the index once from the plans (at start), to be reused for every question.
 * `buildSearch(loadKnowledge("knowledge").plans)`.
 */
export function buildSearch(plans: readonly Plan[]): SearchIndex {
  return {
    plans: new Map(plans.map((p) => [p.id, p])),
    refs: new Map(plans.map((p) => [p.id, { id: p.id, meta: p.meta, taskCount: p.tasks.length }])),
    order: plans.map((p) => p.id),
    engine: buildEngine(documentsOf(plans)),
    localities: buildLocalityIndex(plans),
    agencies: agencyHolders(plans),
  };
}

function agencyHolders(plans: readonly Plan[]): Map<string, Set<string>> {
  const holders = new Map<string, Set<string>>();
  for (const plan of plans) {
    const names = [...plan.agencies, ...plan.duties.flatMap((d) => d.agency.map((a) => a.name))];
    for (const name of names) holders.set(name, (holders.get(name) ?? new Set()).add(plan.id));
  }
  return holders;
}

/**
 * Answers a question from the plans, as data with its sources (no invention: a question the plans do
 * not cover gets `out_of_scope` and no citation). `answerQuestion(index, "Ai chủ trì nhiệm vụ 4 của Đại Sơn?",
 * { today: "2026-11-28" })` → intent `lead`, citation `{ plan: "dai-son", task: "4", section: null }`.
 * Render the text with `renderAnswer` from `messages`.
 */
export function answerQuestion(index: SearchIndex, question: string, options: AnswerOptions): Answer {
  return answer(index, question, options);
}
