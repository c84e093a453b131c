import { foldCase } from '../text/index.js';
import { sentencesOf, type Block } from './blocks.js';
import type { Target, TargetSubject } from './schema.js';

const PERCENT = /(\d+(?:[.,]\d+)?)\s*%/gu;
const SUBJECTS: ReadonlyArray<{ subject: TargetSubject; test: (f: string) => boolean }> = [
  { subject: 'online_conferences', test: (f) => /truc tuyen/.test(f) && /hoi nghi|cuoc hop|(?<!tong )hop\b/.test(f) },
  { subject: 'conference_reduction', test: (f) => /hoi nghi|cuoc hop/.test(f) && /giam|tinh gian/.test(f) },
  { subject: 'document_reduction', test: (f) => /van ban/.test(f) && /giam|tinh gian/.test(f) },
  { subject: 'digital_procedures', test: (f) => /thu tuc hanh chinh|ho so|dich vu cong/.test(f) && /moi truong (so|mang)|truc tuyen|so hoa/.test(f) },
  { subject: 'electronic_documents', test: (f) => /van ban/.test(f) && /dien tu|ky so/.test(f) },
  { subject: 'digital_skills_training', test: (f) => /ky nang so|dao tao|boi duong|tap huan/.test(f) },
];

const subjectOf = (phrase: string) => {
  const f = foldCase(phrase);
  return SUBJECTS.find((s) => s.test(f))?.subject ?? 'other';
};

/** "họp" alone, as a question typed without diacritics writes it ("giam hop"), not "tổng hợp", "phù hợp", ... */
const BARE_MEETING = /(?<!\b(?:tong|phu|ket|thich|to|cuoc|hoi|phoi|tich|hon) )\bhop\b(?! (?:tac|ly|le|dong|nhat|phap|thuc|tinh))/g;

/**
 * The target subject a question names ("chỉ tiêu giảm họp là bao nhiêu" → conference_reduction), null for none;
 * a bare "hop" is read as a meeting, as officials type it.
 */
export function targetSubjectAsked(question: string): TargetSubject | null {
  const subject = subjectOf(foldCase(question).replace(BARE_MEETING, 'cuoc hop'));
  return subject === 'other' ? null : subject;
}

function comparatorOf(phrase: string): Target['comparator'] {
  const f = foldCase(phrase);
  if (/giam|tinh gian/.test(f)) return 'reduce';
  return /tro len|toi thieu|it nhat|khong it hon|khong duoi|≥|>=/.test(f) ? 'min' : 'exact';
}

/** The words around one figure: its part of the clause (cut at "và" and commas), widened leftwards until it names a subject. */
function phraseAround(clause: string, at: number): string {
  const parts = clause.split(/(?<=,)\s+|\s+(?=và\s)/u);
  let start = 0;
  let index = parts.findIndex((p) => (start += p.length + 1) > at);
  if (index < 0) index = parts.length - 1;
  for (let from = index; from >= 0; from--) {
    const phrase = parts.slice(from, index + 1).join(' ').replace(/^và\s+/u, '').replace(/[,\s]+$/u, '');
    if (subjectOf(phrase) !== 'other' || from === 0) return phrase;
  }
  return clause;
}

function targetsOfSentence(plan: string, block: Block, sentence: string): Target[] {
  const out: Target[] = [];
  for (const clause of sentence.split(/[;:]\s*/u)) {
    const figures = [...clause.matchAll(PERCENT)];
    for (const m of figures) {
      const phrase = (figures.length > 1 ? phraseAround(clause, m.index) : clause).trim().replace(/[.,]+$/u, '');
      out.push({
        plan, subject: subjectOf(phrase), percent: Number(m[1]!.replace(',', '.')), comparator: comparatorOf(phrase),
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
    .flatMap((b) => sentencesOf(b.text).flatMap((s) => targetsOfSentence(plan, b, s)))
    .filter((t) => {
      const key = [t.subject, t.percent, t.comparator, t.section ?? `task ${t.task}`].join('|');
      return !seen.has(key) && seen.add(key);
    });
}
