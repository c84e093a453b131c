import { foldCase } from '../text/index.js';
import { blockSentences, type Block } from './blocks.js';
import type { Target, TargetSubject } from './schema.js';

const PERCENT = /(\d+(?:[.,]\d+)?)\s*%/gu;
/**
 * Meetings, folded: "hội nghị", "cuộc họp", and "họp" alone as questions typed without diacritics write it ("giam hop"),
 * not "tổng hợp", "phù hợp", "hợp tác", ... (folded, "họp" and "hợp" are one word).
 */
const MEETING = /hoi nghi|cuoc hop|(?<!\b(?:tong|phu|ket|thich|to|phoi|tich|hon) )\bhop\b(?! (?:tac|ly|le|dong|nhat|phap|thuc|tinh))/;
const REDUCES = /giam|tinh gian/;

/** Tests of folded words; `reduces`: a reduction verb stands in the wider phrase ("giảm 10% hội nghị và 20% văn bản"). */
const SUBJECTS: ReadonlyArray<{ subject: TargetSubject; test: (f: string, reduces: boolean) => boolean }> = [
  { subject: 'online_conferences', test: (f) => /truc tuyen/.test(f) && MEETING.test(f) },
  { subject: 'conference_reduction', test: (f, reduces) => MEETING.test(f) && reduces },
  { subject: 'document_reduction', test: (f, reduces) => /van ban/.test(f) && reduces },
  { subject: 'digital_procedures', test: (f) => /thu tuc hanh chinh|ho so|dich vu cong/.test(f) && /moi truong (so|mang)|truc tuyen|so hoa/.test(f) },
  { subject: 'electronic_documents', test: (f) => /van ban/.test(f) && /dien tu|ky so/.test(f) },
  { subject: 'digital_skills_training', test: (f) => /ky nang so|dao tao|boi duong|tap huan/.test(f) },
];

const subjectOf = (phrase: string, reducesAround = false): TargetSubject => {
  const f = foldCase(phrase);
  const reduces = reducesAround || REDUCES.test(f);
  return SUBJECTS.find((s) => s.test(f, reduces))?.subject ?? 'other';
};

/** The target subject a question names ("chỉ tiêu giảm họp là bao nhiêu" → conference_reduction), null for none. */
export function targetSubjectAsked(question: string): TargetSubject | null {
  const subject = subjectOf(question);
  return subject === 'other' ? null : subject;
}

function comparatorOf(phrase: string): Target['comparator'] {
  const f = foldCase(phrase);
  if (REDUCES.test(f)) return 'reduce';
  return /tro len|toi thieu|it nhat|khong it hon|khong duoi|≥|>=/.test(f) ? 'min' : 'exact';
}

/**
 * The words around one figure: its part of the clause (cut at "và" and commas), widened leftwards until it names a
 * subject; `own` is the part alone ("20% số lượng văn bản hành chính" in "giảm 10% số lượng hội nghị và 20% …").
 */
function phraseAround(clause: string, at: number): { phrase: string; own: string } {
  const parts = clause.split(/(?<=,)\s+|\s+(?=và\s)/u);
  let start = 0;
  let index = parts.findIndex((p) => (start += p.length + 1) > at);
  if (index < 0) index = parts.length - 1;
  const tidy = (from: number) => parts.slice(from, index + 1).join(' ').replace(/^và\s+/u, '').replace(/[,\s]+$/u, '');
  for (let from = index; from >= 0; from--) {
    if (subjectOf(tidy(from)) !== 'other' || from === 0) return { phrase: tidy(from), own: tidy(index) };
  }
  return { phrase: clause, own: tidy(index) };
}

/**
 * The subject of a figure: what its own words name, with a reduction verb of the widened phrase carried over
 * ("giảm 10% hội nghị và 20% văn bản": the 20% is about documents), else what the widened phrase names.
 */
function subjectAround(phrase: string, own: string): TargetSubject {
  const mine = subjectOf(own, REDUCES.test(foldCase(phrase)));
  return mine !== 'other' ? mine : subjectOf(phrase);
}

function targetsOfSentence(plan: string, block: Block, sentence: string): Target[] {
  const out: Target[] = [];
  for (const clause of sentence.split(/[;:]\s*/u)) {
    const figures = [...clause.matchAll(PERCENT)];
    for (const m of figures) {
      const around = figures.length > 1 ? phraseAround(clause, m.index) : { phrase: clause, own: clause };
      const phrase = around.phrase.trim().replace(/[.,]+$/u, '');
      out.push({
        plan, subject: subjectAround(phrase, around.own), percent: Number(m[1]!.replace(',', '.')), comparator: comparatorOf(phrase),
        phrase, sentence, section: block.section, task: block.task, line: block.line,
      });
    }
  }
  return out;
}

/**
 * Quantitative targets (chỉ tiêu): each percent figure with its subject, comparator, phrase and sentence.
 * The same figure for the same subject is kept once per section or task it appears in.
 */
export function readTargets(plan: string, blocks: readonly Block[]): Target[] {
  const seen = new Set<string>();
  return blocks
    // Every target is a percent figure: a block without "%" has none.
    .flatMap((b) => (b.text.includes('%') ? blockSentences(b).flatMap((s) => targetsOfSentence(plan, b, s)) : []))
    .filter((t) => {
      const key = [t.subject, t.percent, t.comparator, t.section ?? `task ${t.task}`].join('|');
      return !seen.has(key) && seen.add(key);
    });
}
