import * as L from './lexicon.js';
import type { QuestionRange } from './period.js';
import { consume, hasAny, indexOfPhrase, type Read, type Words } from './words.js';

/** What a question asks for. */
export type Intent =
  | 'lead'
  | 'coordinators'
  | 'product'
  | 'deadline'
  | 'task'
  | 'status'
  | 'overdue'
  | 'due_in_period'
  | 'agency_tasks'
  | 'targets'
  | 'meeting_rules'
  | 'reporting'
  | 'legal'
  | 'plan_meta'
  | 'funding'
  | 'named_list'
  | 'passages';

/** Cue words heard anywhere in the question. */
export type Cues = { lead: boolean; coord: boolean; list: boolean; asksWho: boolean };

export function cuesOf(words: Words): Cues {
  return {
    lead: hasAny(words, L.LEAD_WORDS),
    coord: hasAny(words, L.COORDINATOR_WORDS),
    list: hasAny(words, L.LIST_WORDS),
    asksWho: hasAny(words, L.WHO_WORDS),
  };
}

/** The intent when `ok` and the cue words occur, read from those words; null otherwise. */
function cued(intent: Intent, ok: boolean, words: Words, cue: readonly string[]): Read<Intent> | null {
  if (!ok) return null;
  const used = consume(words, cue);
  return used.length > 0 ? { value: intent, used } : null;
}

const FIELD_CUES: ReadonlyArray<[Intent, readonly string[]]> = [
  ['lead', L.LEAD_WORDS],
  ['coordinators', L.COORDINATOR_WORDS],
  ['product', L.PRODUCT_WORDS],
  ['deadline', L.DEADLINE_WORDS],
];

/** Intents about one task, named by number or found from the topic words; several fields asked → the whole task. */
function taskIntent(words: Words): Read<Intent> | null {
  const status = cued('status', true, words, L.OVERDUE_WORDS) ?? cued('status', true, words, L.STATUS_WORDS);
  if (status) return status;
  const asked = FIELD_CUES.map(([intent, cue]) => ({ intent, used: consume(words, cue) })).filter(
    (a) => a.used.length > 0,
  );
  const used = asked.flatMap((a) => a.used);
  const intents = asked.map((a) => a.intent);
  // "ai lập …, hạn bao giờ": who leads, and another field ("ai phối hợp" asks the coordinators alone).
  if (intents.length > 0 && !intents.includes('lead') && !intents.includes('coordinators') && hasAny(words, ['ai']))
    intents.push('lead');
  if (intents.length > 1) return { value: 'task', used };
  if (intents.length === 1) return { value: intents[0]!, used };
  return cued('task', true, words, L.TASK_WORDS);
}

/** Rules for intents about the plan as a whole (not one task), tried in this order; the first that reads wins. */
const PLAN_RULES: ReadonlyArray<(words: Words, raw: string) => Read<Intent> | null> = [
  // "việc bố trí kinh phí … đã quá hạn chưa" asks about a task, not about funding.
  (words) => cued('funding', !hasAny(words, L.STATUS_WORDS), words, L.FUNDING_WORDS),
  (words) => cued('legal', true, words, L.LEGAL_WORDS),
  (words) => cued('legal', hasAny(words, L.OTHER_DOCUMENT_KINDS), words, ['so may', 'so bao nhieu', 'so hieu']),
  // "ai tổng hợp tỷ lệ hồ sơ trực tuyến" asks who does the work, not the target.
  (words, raw) =>
    cued(
      'targets',
      !hasAny(words, L.WHO_WORDS) &&
        (hasAny(words, L.TARGET_WORDS) || (raw.includes('%') && hasAny(words, ['bao nhieu', 'may']))),
      words,
      L.TARGET_ASK_WORDS,
    ),
  (words) => cued('meeting_rules', hasAny(words, L.MEETING_WORDS), words, L.LENGTH_WORDS),
];

/** A product word outside the report's own name ("báo cáo kết quả gửi về đâu" asks about the report). */
function asksProduct(words: Words): boolean {
  const named = L.REPORT_NAMES.reduce((n, name) => n + (indexOfPhrase(words.list, name) >= 0 ? 1 : 0), 0);
  const products = L.PRODUCT_WORDS.reduce((n, w) => n + (indexOfPhrase(words.list, w) >= 0 ? 1 : 0), 0);
  return products > named;
}

type ListIntent = 'reporting' | 'overdue' | 'due_in_period' | 'agency_tasks';

/** Intents of questions that name no task: lists, periods, reports, agencies. */
function listIntent(words: Words, period: QuestionRange | null, cues: Cues): ListIntent | null {
  const lateInPeriod = period !== null && !hasAny(words, L.LATE_WORDS);
  if (hasAny(words, L.OVERDUE_WORDS) && !lateInPeriod && (cues.list || !hasAny(words, L.STATUS_WORDS)))
    return 'overdue';
  const report = hasAny(words, L.REPORT_WORDS) && hasAny(words, L.REPORT_ASK_WORDS);
  if (report && !cues.list && !cues.lead && !asksProduct(words)) return 'reporting';
  // "ai lập kế hoạch hội nghị năm 2027, hạn bao giờ": a year in the name of the task asked about, not a period.
  const aboutOneTask = cues.asksWho && !cues.list;
  if (period && !aboutOneTask && (hasAny(words, L.DUE_WORDS) || cues.list)) return 'due_in_period';
  return cues.list && !cues.asksWho ? 'agency_tasks' : null;
}

/** The words a list intent reads: its cue words wherever they occur. */
const LIST_CUES: Record<ListIntent, readonly string[]> = {
  reporting: [...L.REPORT_WORDS, ...L.REPORT_ASK_WORDS],
  overdue: L.LIST_CUE_WORDS,
  due_in_period: L.LIST_CUE_WORDS,
  agency_tasks: L.LIST_CUE_WORDS,
};

/**
 * What a question asks, with the words that say it: about a task it numbers, else about the plan as a whole, else
 * a list, else about a task its words describe, else passages on its words.
 */
export function readIntent(
  words: Words,
  raw: string,
  taskNos: readonly string[],
  period: QuestionRange | null,
): Read<Intent> {
  if (taskNos.length > 0)
    return cued('legal', true, words, L.LEGAL_WORDS) ?? taskIntent(words) ?? { value: 'task', used: [] };
  for (const rule of PLAN_RULES) {
    const read = rule(words, raw);
    if (read) return read;
  }
  const list = listIntent(words, period, cuesOf(words));
  if (list) return { value: list, used: consume(words, LIST_CUES[list]) };
  return taskIntent(words) ?? { value: 'passages', used: [] };
}
