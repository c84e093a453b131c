import type { Plan, Section, Task } from '../../knowledge/index.js';
import { foldCase } from '../../text/index.js';
import { planOf, refOf, type Context } from './context.js';
import type { DocKind, SearchDoc } from '../retrieval/index.js';
import { excerpt } from './excerpt.js';
import { findRelevant } from './relevant.js';
import type { AnswerBody, Passage } from './types.js';

function docText(plan: Plan, doc: SearchDoc): { title: string; text: string } {
  switch (doc.kind) {
    case 'duty': {
      const d = plan.duties[doc.ref]!;
      return { title: d.agencyRaw, text: d.text };
    }
    case 'target':
      return { title: '', text: plan.targets[doc.ref]!.sentence };
    case 'meeting':
    case 'reporting':
      return {
        title: '',
        text: doc.kind === 'meeting' ? plan.meetingRules[doc.ref]!.raw : plan.reporting[doc.ref]!.sentence,
      };
    default:
      return { title: doc.title, text: doc.text };
  }
}

/** A found passage as a reply quotes it (a long one cut to the part about the question). */
export function passageOf(ctx: Context, doc: SearchDoc): Passage {
  if (doc.kind === 'task') return taskPassage(ctx, planOf(ctx, doc.plan).tasks[doc.ref]!);
  const { title, text } = docText(planOf(ctx, doc.plan), doc);
  return {
    plan: refOf(ctx, doc.plan),
    section: doc.section,
    task: doc.task,
    title,
    text: excerpt(text, ctx.q.topicRuns, ctx.index.options.excerptChars),
  };
}

/** A task as a passage. */
export function taskPassage(ctx: Context, task: Task): Passage {
  return { plan: refOf(ctx, task.plan), section: null, task: task.no, title: '', text: task.content };
}

/**
 * The best few passages about the question's words, with their section paths; out of scope when none
 * is about them (the reply then cites nothing).
 */
export function passagesOf(ctx: Context, kinds?: readonly DocKind[]): AnswerBody {
  const hits = findRelevant(ctx, kinds);
  const seen = new Set<string>();
  const items = hits
    .map((h) => passageOf(ctx, h.doc))
    // A heading with nothing under it tells the asker nothing.
    .filter((p) => p.text.trim() !== '')
    .filter((p) => {
      const key = `${p.plan.id}|${p.task}|${p.section}`;
      return !seen.has(key) && seen.add(key);
    })
    .slice(0, ctx.index.options.maxPassages);
  return items.length > 0 ? { kind: 'passages', items } : { kind: 'out_of_scope', plans: [] };
}

/** The passages about the question's words and, with them, a phrase saying what kind of passage is wanted. */
export function passagesAbout(ctx: Context, phrase: string): AnswerBody {
  return passagesOf({ ...ctx, q: { ...ctx.q, topicRuns: [...ctx.q.topicRuns, phrase.split(' ')] } });
}

/** A section and everything under it, as passages. */
function sectionPassages(ctx: Context, plan: Plan, root: Section): Passage[] {
  const under = plan.sections.filter((s) => s.path === root.path || s.path.startsWith(`${root.path}.`));
  return under
    .filter((s) => s.text.trim() !== '')
    .map((s) => ({ plan: refOf(ctx, plan.id), section: s.path, task: null, title: s.title, text: s.text }));
}

/** Sections whose heading holds one of the folded words ("kinh phi"), with what is under them. */
export function sectionsTitled(ctx: Context, words: readonly string[]): Passage[] {
  return ctx.scope.flatMap((id) => {
    const plan = planOf(ctx, id);
    const roots = plan.sections.filter((s) => words.some((w) => foldCase(s.title).includes(w)));
    return roots.flatMap((root) => sectionPassages(ctx, plan, root));
  });
}
