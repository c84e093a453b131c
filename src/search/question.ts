import type { IsoDay } from '../knowledge/index.js';
import { tokenize } from '../text/index.js';
import * as L from './lexicon.js';
import { readLocalities, type LocalityIndex } from './localities.js';
import type { DayRange } from './period.js';
import { readPeriod } from './period-words.js';
import { readPlaceName } from './place-name.js';
import { expandShorthand } from './shorthand.js';
import { readTaskNumbers } from './task-number.js';
import { consume, hasAny, indexOfPhrase, unusedRuns, unusedWords, wordsOf, type Words } from './words.js';

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
  | 'passages';

export type MetaField = 'signer' | 'number' | 'date' | 'issuer';
export type ReportKind = 'quarter' | 'half' | 'nine_months' | 'year';

/** A question as the rules read it. */
export type Question = {
  text: string;
  intent: Intent;
  /** Plans whose locality the question names ([] when none). */
  plans: string[];
  /** Task numbers named ("4"), [] when none. */
  taskNos: string[];
  period: DayRange | null;
  /** For `agency_tasks`: leads, coordinates, or either. */
  role: 'lead' | 'coordinator' | 'any';
  /** For `plan_meta`: the fields asked (number, date, signer, issuer). */
  metaFields: MetaField[];
  reportKind: ReportKind | null;
  /** The words left once places, task numbers, periods and question words are taken out. */
  topic: string[];
  /** The same words in runs of neighbours in the question (word pairs are only searched inside a run). */
  topicRuns: string[][];
  /** A place named as "thành phố Hà Nội" that no plan's locality matched (null when none or when one matched). */
  unknownPlace: string | null;
  /** Whether it asks for an amount or a count ("bao nhiêu tỷ đồng"), which a passage answers only with a figure. */
  asksAmount: boolean;
  /**
   * The post whose holder it asks for ("giam doc", folded) and whether that post is in a body no plan names a person
   * of ("chủ tịch HĐND"); null when it asks for no one. A plan names only its signer.
   */
  person: { title: string; ofUnnamedBody: boolean } | null;
  /** The question's folded words, chat shorthand spelt out (stop words kept). */
  words: string[];
};

type Cues = { lead: boolean; coord: boolean; list: boolean; asksWho: boolean };

/** Who holds a post, when the question asks it ("chủ tịch UBND phường là ai?"). */
function readPerson(words: Words): Question['person'] {
  const title = hasAny(words, L.PERSON_ASK) ? L.PERSON_TITLES.find((t) => hasAny(words, [t])) : undefined;
  return title === undefined ? null : { title, ofUnnamedBody: hasAny(words, L.UNNAMED_BODIES) };
}

function metaFields(words: Words, person: Question['person']): MetaField[] {
  if (person && consume(words, [...L.PERSON_ASK, ...L.PERSON_TITLES, ...L.UNNAMED_BODIES])) return ['signer'];
  // "chương trình hành động số mấy" asks the number of another document, not of the plan.
  const otherDocument = hasAny(words, L.OTHER_DOCUMENT_KINDS);
  const fields = L.META_FIELDS.filter((m) => !(m.field === 'number' && otherDocument) && consume(words, m.words)).map(
    (m) => m.field,
  );
  const aboutPlanDate =
    (fields.length > 0 || (hasAny(words, ['ke hoach']) && hasAny(words, ['ban hanh', 'ky']))) &&
    hasAny(words, L.WHEN_WORDS);
  if (aboutPlanDate && !fields.includes('date')) {
    consume(words, ['ban hanh', 'ky', ...L.WHEN_WORDS]);
    fields.push('date');
  }
  return fields;
}

function reportKind(words: Words): ReportKind | null {
  return L.REPORT_PERIODS.find((p) => hasAny(words, p.words))?.kind ?? null;
}

const FIELD_CUES: ReadonlyArray<[Intent, readonly string[]]> = [
  ['lead', L.LEAD_WORDS],
  ['coordinators', L.COORDINATOR_WORDS],
  ['product', L.PRODUCT_WORDS],
  ['deadline', L.DEADLINE_WORDS],
];

/** Intents about one task, named by number or found from the topic words; several fields asked → the whole task. */
function taskIntent(words: Words): Intent | null {
  if (consume(words, L.OVERDUE_WORDS) || consume(words, L.STATUS_WORDS)) return 'status';
  const asked = FIELD_CUES.filter(([, cue]) => consume(words, cue)).map(([intent]) => intent);
  // "ai lập …, hạn bao giờ": who leads, and another field ("ai phối hợp" asks the coordinators alone).
  if (asked.length > 0 && !asked.includes('lead') && !asked.includes('coordinators') && hasAny(words, ['ai']))
    asked.push('lead');
  if (asked.length > 1) return 'task';
  return asked[0] ?? (consume(words, L.TASK_WORDS) ? 'task' : null);
}

/**
 * Whether the question is about a legal document it names by kind and number ("Kết luận 226 là gì?",
 * "nghị định số 09/2019"), not about a task that mentions one ("ai chủ trì tuyên truyền Kết luận 226", "việc …
 * gắn với Kết luận 226 khi nào phải xong") nor about a plan it names by number ("Ai ký Kế hoạch số 187?").
 */
function namesDocument(words: Words): boolean {
  if (hasAny(words, L.NOT_DOCUMENT_WORDS)) return false;
  return L.DOCUMENT_KINDS.some((kind) => {
    const i = indexOfPhrase(words.list, kind);
    // "Kế hoạch số 187" already read as naming one of the plans is not a document the plan cites.
    if (i >= 0 && words.used[i]) return false;
    const at = i < 0 ? -1 : i + kind.split(' ').length;
    return (
      at >= 0 && /^\d+$/.test(words.list[words.list[at] === 'so' ? at + 1 : at] ?? '') && consume(words, [kind, 'so'])
    );
  });
}

/** Intents about the plan as a whole (not one task). */
function planIntent(words: Words, raw: string): Intent | null {
  // "việc bố trí kinh phí … đã quá hạn chưa" asks about a task, not about funding.
  if (!hasAny(words, L.STATUS_WORDS) && consume(words, L.FUNDING_WORDS)) return 'funding';
  if (consume(words, L.LEGAL_WORDS)) return 'legal';
  if (hasAny(words, L.OTHER_DOCUMENT_KINDS) && consume(words, ['so may', 'so bao nhieu', 'so hieu'])) return 'legal';
  // "ai tổng hợp tỷ lệ hồ sơ trực tuyến" asks who does the work, not the target.
  const asksTarget =
    !hasAny(words, L.WHO_WORDS) &&
    (hasAny(words, L.TARGET_WORDS) || (raw.includes('%') && hasAny(words, ['bao nhieu'])));
  if (asksTarget && consume(words, [...L.TARGET_WORDS, 'bao nhieu'])) return 'targets';
  if (hasAny(words, L.MEETING_WORDS) && consume(words, L.LENGTH_WORDS)) return 'meeting_rules';
  return null;
}

function cuesOf(words: Words): Cues {
  return {
    lead: hasAny(words, L.LEAD_WORDS),
    coord: hasAny(words, L.COORDINATOR_WORDS),
    list: hasAny(words, L.LIST_WORDS),
    asksWho: hasAny(words, L.WHO_WORDS),
  };
}

/** Intents of questions that name no task: lists, periods, reports, agencies. */
function listIntent(words: Words, period: DayRange | null, cues: Cues): Intent | null {
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

/** A product word outside the report's own name ("báo cáo kết quả gửi về đâu" asks about the report). */
function asksProduct(words: Words): boolean {
  const named = L.REPORT_NAMES.reduce((n, name) => n + (indexOfPhrase(words.list, name) >= 0 ? 1 : 0), 0);
  const products = L.PRODUCT_WORDS.reduce((n, w) => n + (indexOfPhrase(words.list, w) >= 0 ? 1 : 0), 0);
  return products > named;
}

function roleOf(cues: Cues): Question['role'] {
  if (cues.lead && !cues.coord) return 'lead';
  return cues.coord && !cues.lead ? 'coordinator' : 'any';
}

function intentOf(words: Words, raw: string, taskNos: string[], period: DayRange | null): Intent {
  const cues = cuesOf(words);
  if (taskNos.length > 0) return consume(words, L.LEGAL_WORDS) ? 'legal' : (taskIntent(words) ?? 'task');
  const early = planIntent(words, raw) ?? listIntent(words, period, cues);
  if (early === 'reporting') consume(words, [...L.REPORT_WORDS, ...L.REPORT_ASK_WORDS]);
  if (early === 'agency_tasks' || early === 'due_in_period' || early === 'overdue') {
    consume(words, [...L.LIST_WORDS, ...L.LEAD_WORDS, ...L.COORDINATOR_WORDS, ...L.DUE_WORDS, ...L.OVERDUE_WORDS]);
  }
  return early ?? taskIntent(words) ?? 'passages';
}

/**
 * Reads a question by rules: which plans (a locality in any spelling), which task (its number),
 * which period ("quý này", "Quý IV/2026"), and what is asked. `readQuestion("Ai chủ trì nhiệm vụ 4 của Đại Sơn?", …)`
 * → intent `lead`, taskNos ["4"], plans ["dai-son"].
 */
export function readQuestion(text: string, today: IsoDay, localities: LocalityIndex): Question {
  const words = wordsOf(expandShorthand(tokenize(text), localities));
  const asksAmount = hasAny(words, L.AMOUNT_WORDS) && !hasAny(words, L.PERCENT_WORDS) && !text.includes('%');
  const person = readPerson(words);
  const plans = readLocalities(words, localities);
  const taskNos = readTaskNumbers(words, text);
  const period = readPeriod(words, today);
  const cues = cuesOf(words);
  const document = taskNos.length === 0 && namesDocument(words);
  const meta = taskNos.length === 0 && !document ? metaFields(words, person) : [];
  const intent: Intent = document ? 'legal' : meta.length > 0 ? 'plan_meta' : intentOf(words, text, taskNos, period);
  return {
    text,
    intent,
    plans,
    taskNos,
    period,
    role: roleOf(cues),
    metaFields: meta,
    reportKind: intent === 'reporting' ? reportKind(words) : null,
    topic: unusedWords(words, L.STOP_WORDS),
    topicRuns: unusedRuns(words, L.STOP_WORDS, L.JOINERS),
    unknownPlace: plans.length === 0 && intent !== 'legal' ? readPlaceName(text) : null,
    asksAmount,
    person,
    words: words.list,
  };
}
