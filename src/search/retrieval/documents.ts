import type { Plan } from '../../knowledge/index.js';

/** What a searchable passage is. */
export type DocKind = 'task' | 'duty' | 'section' | 'target' | 'meeting' | 'reporting' | 'meta';

/** One searchable passage of a plan, pointing back to where it comes from. */
export type SearchDoc = {
  id: number;
  kind: DocKind;
  plan: string;
  /** Appendix number for tasks (and targets read from a task). */
  task: string | null;
  /** Section path ("II.4.b") for everything read from the body. */
  section: string | null;
  /** The passage's heading: task content, section title, meeting kind, target phrase. */
  title: string;
  text: string;
  /** Agencies named: lead and coordinators of a task, the agency of a duty. */
  agency: string;
  /** Position in the plan's array of that kind (tasks, duties, sections, ...). */
  ref: number;
};

type Draft = Omit<SearchDoc, 'id' | 'plan'>;

const names = (refs: { name: string; raw: string }[]) => refs.map((r) => `${r.raw} ${r.name}`).join('; ');

function taskDocs(plan: Plan): Draft[] {
  return plan.tasks.map((t, ref) => ({
    kind: 'task',
    task: t.no,
    section: null,
    title: t.content,
    text: `${t.product} ${t.deadline.raw}`,
    agency: `${names(t.lead)} ${names(t.coordinators)}`,
    ref,
  }));
}

function bodyDocs(plan: Plan): Draft[] {
  const duties: Draft[] = plan.duties.map((d, ref) => ({
    kind: 'duty',
    task: null,
    section: d.section,
    title: '',
    text: d.text,
    agency: `${d.agencyRaw} ${names(d.agency)}`,
    ref,
  }));
  // A section whose text is a duty's is indexed once, as the duty (which also names the agency). By section, then
  // text: a key joining the two would copy each long text to look it up.
  const asDuty = new Map<string, Set<string>>();
  for (const d of plan.duties) asDuty.set(d.section, (asDuty.get(d.section) ?? new Set()).add(d.text));
  const sections: Draft[] = plan.sections
    .map((s, ref): Draft => ({
      kind: 'section',
      task: null,
      section: s.path,
      title: s.title,
      text: s.text,
      agency: '',
      ref,
    }))
    .filter(
      (d) =>
        (d.title.trim() !== '' || d.text.trim() !== '') && !(d.title === '' && asDuty.get(d.section!)?.has(d.text)),
    );
  return [...duties, ...sections];
}

function ruleDocs(plan: Plan): Draft[] {
  const targets: Draft[] = plan.targets.map((t, ref) => ({
    kind: 'target',
    task: t.task,
    section: t.section,
    title: t.phrase,
    text: t.sentence,
    agency: '',
    ref,
  }));
  const meetings: Draft[] = plan.meetingRules.map((m, ref) => ({
    kind: 'meeting',
    task: null,
    section: m.section,
    title: m.meeting,
    text: m.raw,
    agency: '',
    ref,
  }));
  const reports: Draft[] = plan.reporting.map((r, ref) => ({
    kind: 'reporting',
    task: null,
    section: r.section,
    title: r.period,
    text: r.sentence,
    agency: names(r.compiler),
    ref,
  }));
  return [...targets, ...meetings, ...reports];
}

function metaDoc(plan: Plan): Draft {
  const m = plan.meta;
  const text = [m.number, m.issuer, m.signer?.name, m.signer?.capacity].filter(Boolean).join('. ');
  return { kind: 'meta', task: null, section: null, title: m.title, text, agency: '', ref: 0 };
}

/** Every searchable passage of the plans, numbered from `firstId`. */
export function documentsOf(plans: readonly Plan[], firstId = 0): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const plan of plans) {
    for (const d of [...taskDocs(plan), ...bodyDocs(plan), ...ruleDocs(plan), metaDoc(plan)]) {
      // Written out, not spread: the same fields in the same order, made without copying a dictionary.
      const { kind, task, section, title, text, agency, ref } = d;
      docs.push({ kind, task, section, title, text, agency, ref, id: firstId + docs.length, plan: plan.id });
    }
  }
  return docs;
}
