import type { IsoDay } from '../../knowledge/index.js';
import { tokenize } from '../../text/index.js';
import { readAgencyPhrase } from './agency-phrase.js';
import { cuesOf, readIntent, type Cues, type Intent } from './intent.js';
import * as L from './lexicon.js';
import { readLocalities, type LocalityIndex } from './localities.js';
import { readListName, type ListNameIndex } from './named-list.js';
import type { QuestionRange } from './period.js';
import { readPeriod } from './period-words.js';
import { readPlaceName } from './place-name.js';
import { expandShorthand } from './shorthand.js';
import { readTaskNumbers } from './task-number.js';
import {
  consume,
  hasAny,
  indexOfPhrase,
  unusedRuns,
  unusedWords,
  withUsed,
  wordsOf,
  type Read,
  type Span,
  type Words,
} from './words.js';

export type MetaField = 'signer' | 'number' | 'date' | 'issuer';
export type ReportKind = 'quarter' | 'half' | 'nine_months' | 'year';

/** A question as the rules read it. */
export type Question = {
  text: string;
  intent: Intent;
  /** Whether words of the question said what it asks (false when the intent is only what is left: "nhiệm vụ 5?"). */
  intentCued: boolean;
  /** Plans whose locality the question names ([] when none). */
  plans: string[];
  /** Task numbers named ("4"), [] when none. */
  taskNos: string[];
  period: QuestionRange | null;
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
  /** An office or body the question names, as typed ("Phòng Kinh tế"), whether or not a plan names it; null when none. */
  agencyPhrase: string | null;
  /** Whether it asks how many tasks ("có bao nhiêu nhiệm vụ"): the count comes first, the list on request. */
  asksCount: boolean;
  /** The question's folded words, chat shorthand spelt out (stop words kept). */
  words: string[];
  /** For `named_list`: the key of the list's name ("6 ro"), null otherwise. */
  listName: string | null;
};

/** Who holds a post, when the question asks it ("chủ tịch UBND phường là ai?"). */
function readPerson(words: Words): Question['person'] {
  const title = hasAny(words, L.PERSON_ASK) ? L.PERSON_TITLES.find((t) => hasAny(words, [t])) : undefined;
  return title === undefined ? null : { title, ofUnnamedBody: hasAny(words, L.UNNAMED_BODIES) };
}

/** The words with the "kỳ" of "định kỳ" (periodic) told apart from "ký" (signed): both fold to "ky". */
const withoutPeriodic = (words: Words): Words => ({
  list: words.list.map((w, i) => (w === 'ky' && words.list[i - 1] === 'dinh' ? 'dinh-ky' : w)),
  used: words.used,
});

/** The fields of the plan itself a question asks (its number, date, signer, issuer). */
function readMetaFields(all: Words, person: Question['person']): Read<MetaField[]> {
  const words = withoutPeriodic(all);
  const holder = person ? consume(words, [...L.PERSON_ASK, ...L.PERSON_TITLES, ...L.UNNAMED_BODIES]) : [];
  if (holder.length > 0) return { value: ['signer'], used: holder };
  // "chương trình hành động số mấy" asks the number of another document, not of the plan.
  const otherDocument = hasAny(words, L.OTHER_DOCUMENT_KINDS);
  const found = L.META_FIELDS.map((m) => ({
    field: m.field,
    used: m.field === 'number' && otherDocument ? [] : consume(words, m.words),
  })).filter((f) => f.used.length > 0);
  const fields = found.map((f) => f.field);
  const used = found.flatMap((f) => f.used);
  const aboutPlanDate =
    (fields.length > 0 || (hasAny(words, ['ke hoach']) && hasAny(words, ['ban hanh', 'ky']))) &&
    hasAny(words, L.WHEN_WORDS);
  if (aboutPlanDate && !fields.includes('date'))
    return { value: [...fields, 'date'], used: [...used, ...consume(words, ['ban hanh', 'ky', ...L.WHEN_WORDS])] };
  return { value: fields, used };
}

/**
 * The words naming a legal document by kind and number ("Kết luận 226 là gì?", "nghị định số 09/2019"), when the
 * question is about it, not about a task that mentions one ("ai chủ trì tuyên truyền Kết luận 226", "việc … gắn với
 * Kết luận 226 khi nào phải xong") nor about a plan it names by number ("Ai ký Kế hoạch số 187?"); null otherwise.
 */
function readDocument(words: Words): Span[] | null {
  if (hasAny(words, L.NOT_DOCUMENT_WORDS)) return null;
  const kind = L.DOCUMENT_KINDS.find((kind) => {
    const i = indexOfPhrase(words.list, kind);
    // "Kế hoạch số 187" already read as naming one of the plans is not a document the plan cites.
    if (i < 0 || words.used[i]) return false;
    const at = i + kind.split(' ').length;
    return /^\d+$/.test(words.list[words.list[at] === 'so' ? at + 1 : at] ?? '');
  });
  return kind === undefined ? null : consume(words, [kind, 'so']);
}

function reportKind(words: Words): ReportKind | null {
  return L.REPORT_PERIODS.find((p) => hasAny(words, p.words))?.kind ?? null;
}

function roleOf(cues: Cues): Question['role'] {
  if (cues.lead && !cues.coord) return 'lead';
  return cues.coord && !cues.lead ? 'coordinator' : 'any';
}

/**
 * Reads a question by rules: which plans (a locality in any spelling), which task (its number),
 * which period ("quý này", "Quý IV/2026"), and what is asked. `readQuestion("Ai chủ trì nhiệm vụ 4 của Đại Sơn?", …)`
 * → intent `lead`, taskNos ["4"], plans ["dai-son"].
 */
export function readQuestion(
  text: string,
  today: IsoDay,
  localities: LocalityIndex,
  lists: ListNameIndex = new Map(),
): Question {
  const all = wordsOf(expandShorthand(tokenize(text), localities));
  const plans = readLocalities(all, localities);
  // "6 rõ là gì": the count is the list's, not a task number.
  const list = readListName(all, plans.used, lists);
  const taskNos = list ? { value: [], used: [] } : readTaskNumbers(all, text);
  const period = list ? { value: null, used: [] } : readPeriod(all, today);
  // What a question asks is read from the words no place, task number or period explains.
  const words = withUsed(all, [...plans.used, ...taskNos.used, ...period.used]);
  const person = readPerson(words);
  const document = taskNos.value.length === 0 ? readDocument(words) : null;
  const meta = taskNos.value.length === 0 && !document ? readMetaFields(words, person) : { value: [], used: [] };
  const intent: Read<Intent> = list
    ? { value: 'named_list', used: list.used }
    : document
      ? { value: 'legal', used: document }
      : meta.value.length > 0
        ? { value: 'plan_meta', used: meta.used }
        : readIntent(words, text, taskNos.value, period.value);
  const read = withUsed(words, intent.used);
  return {
    text,
    intent: intent.value,
    intentCued: intent.used.length > 0,
    plans: plans.value,
    taskNos: taskNos.value,
    period: period.value,
    role: roleOf(cuesOf(words)),
    metaFields: meta.value,
    reportKind: intent.value === 'reporting' ? reportKind(words) : null,
    topic: unusedWords(read, L.STOP_WORDS),
    topicRuns: unusedRuns(read, L.STOP_WORDS, L.JOINERS),
    unknownPlace: plans.value.length === 0 && intent.value !== 'legal' ? readPlaceName(text) : null,
    asksAmount: hasAny(words, L.AMOUNT_WORDS) && !hasAny(words, L.PERCENT_WORDS) && !text.includes('%'),
    person,
    asksCount: hasAny(words, L.COUNT_WORDS),
    agencyPhrase: readAgencyPhrase(words, text),
    words: [...words.list],
    listName: list?.value ?? null,
  };
}
