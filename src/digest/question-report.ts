import type { QuestionRecord } from '../tasks/index.js';
import { tokenize } from '../text/index.js';

/** Questions worded alike (the same words, give or take a few), with how often they were asked. */
export type QuestionGroup = {
  /** The wording asked most often in the group (the earliest of equals). */
  text: string;
  /** How many times it was asked. */
  count: number;
  /** How many different people asked it. */
  askers: number;
  /** 👎 given to its answers. */
  down: number;
};

/** The week's questions for the admins: the top unanswered and the top disliked, grouped by similar text. */
export type QuestionReport = {
  since: Date;
  until: Date;
  /** Questions asked in the span, and how many of them were not answered. */
  total: number;
  unansweredTotal: number;
  dislikedTotal: number;
  unanswered: QuestionGroup[];
  disliked: QuestionGroup[];
};

/** Words shared over all words (Jaccard) at which two questions count as one: "6 rõ là gì" and "6 ro la gi vay". */
const SAME_QUESTION = 0.6;

/** How many groups each list shows by default. */
export const QUESTION_REPORT_TOP = 5;

const jaccard = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const all = a.size + b.size - shared;
  return all === 0 ? 1 : shared / all;
};

type Cluster = { words: Set<string>; items: QuestionRecord[] };

/**
 * Groups questions worded alike, diacritics and case aside (each joins the first group it shares most of its words
 * with), biggest first: `groupQuestions(rows)` → `[{ text: "6 rõ là gì", count: 3, askers: 2, down: 1 }, …]`.
 */
export function groupQuestions(records: readonly QuestionRecord[]): QuestionGroup[] {
  const clusters: Cluster[] = [];
  for (const record of [...records].sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime())) {
    const words = new Set(tokenize(record.text));
    const home = clusters.find((c) => jaccard(c.words, words) >= SAME_QUESTION);
    if (home) home.items.push(record);
    else clusters.push({ words, items: [record] });
  }
  return clusters
    .map(groupOf)
    .sort((a, b) => b.count - a.count || b.askers - a.askers || a.text.localeCompare(b.text, 'vi'));
}

function groupOf({ items }: Cluster): QuestionGroup {
  const wordings = new Map<string, number>();
  for (const item of items) wordings.set(item.text, (wordings.get(item.text) ?? 0) + 1);
  const text = [...wordings].reduce((best, w) => (w[1] > best[1] ? w : best))[0];
  return {
    text,
    count: items.length,
    askers: new Set(items.map((i) => i.userHash)).size,
    down: items.reduce((n, i) => n + i.down, 0),
  };
}

/** The report of the questions asked from `since` to `until` (the log's rows of that span), `top` groups per list. */
export function buildQuestionReport(
  records: readonly QuestionRecord[],
  since: Date,
  until: Date,
  top = QUESTION_REPORT_TOP,
): QuestionReport {
  const inSpan = records.filter((r) => r.askedAt >= since && r.askedAt < until);
  const unanswered = inSpan.filter((r) => !r.answered);
  const disliked = inSpan.filter((r) => r.down > 0);
  return {
    since,
    until,
    total: inSpan.length,
    unansweredTotal: unanswered.length,
    dislikedTotal: disliked.length,
    unanswered: groupQuestions(unanswered).slice(0, top),
    disliked: groupQuestions(disliked).slice(0, top),
  };
}
