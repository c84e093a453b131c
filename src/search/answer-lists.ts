import { findAgencies, type Task } from '../knowledge/index.js';
import { expandTokens, tokenize } from '../text/index.js';
import { passagesOf } from './answer-passages.js';
import { factOf, firstPlans, planOf, refOf, type Context } from './context.js';
import { inRange, type DayRange } from './period.js';
import { findRelevant } from './relevance.js';
import type { AnswerBody, Passage, TaskFact, TaskGroup } from './types.js';

type Built = { body: AnswerBody; omitted: number };

const byDue = (a: TaskFact, b: TaskFact) =>
  (a.task.deadline.due ?? '').localeCompare(b.task.deadline.due ?? '') || Number(a.task.no) - Number(b.task.no);

/** Recurring and ongoing work that runs during the range (from its first year on). */
function runsDuring(task: Task, range: DayRange): boolean {
  const { kind, fromYear } = task.deadline;
  return (kind === 'recurring' || kind === 'ongoing') && (fromYear === null || fromYear <= Number(range.to.slice(0, 4)));
}

function groups(ctx: Context, make: (id: string) => TaskGroup): { kept: TaskGroup[]; omitted: number } {
  return firstPlans(ctx, (id) => {
    const g = make(id);
    return g.tasks.length + g.ongoing.length > 0 ? g : null;
  });
}

/**
 * What falls due in a period ("quý này", "tháng 5"): tasks whose due day lies in it, and apart from them
 * the recurring and ongoing work that runs during it.
 */
export function answerDue(ctx: Context): Built {
  const range = ctx.q.period!;
  const { kept, omitted } = groups(ctx, (id) => {
    const tasks = planOf(ctx, id).tasks;
    return {
      plan: refOf(ctx, id),
      tasks: tasks.filter((t) => t.deadline.due !== null && inRange(range, t.deadline.due)).map((t) => factOf(ctx, t)).sort(byDue),
      ongoing: tasks.filter((t) => runsDuring(t, range)).map((t) => factOf(ctx, t)),
    };
  });
  return { body: { kind: 'tasks_due', range, groups: kept, today: ctx.today }, omitted };
}

/** Tasks past their due day and not reported done. */
export function answerOverdue(ctx: Context): Built {
  const { kept, omitted } = groups(ctx, (id) => ({
    plan: refOf(ctx, id),
    tasks: planOf(ctx, id).tasks.map((t) => factOf(ctx, t)).filter((f) => f.daysLate !== null).sort(byDue),
    ongoing: [],
  }));
  return { body: { kind: 'overdue', groups: kept, today: ctx.today, withProgress: ctx.progress !== undefined }, omitted };
}

function agencyGroups(ctx: Context, agencyOf: Map<string, string>, side: 'lead' | 'coordinators'): TaskGroup[] {
  return [...agencyOf].map(([id, agency]) => ({
    plan: refOf(ctx, id),
    tasks: planOf(ctx, id).tasks.filter((t) => t[side].some((a) => a.name === agency)).map((t) => factOf(ctx, t)),
    ongoing: [],
  }));
}

/** Work the plan body gives the agency ("b) Sở Tư pháp: Chủ trì, ..."). */
function agencyDuties(ctx: Context, agencyOf: Map<string, string>): Passage[] {
  return [...agencyOf].flatMap(([id, agency]) =>
    planOf(ctx, id)
      .duties.filter((d) => d.agency.some((a) => a.name === agency))
      .map((d) => ({ plan: refOf(ctx, id), section: d.section, task: null, title: '', text: d.text })),
  );
}

/** Tasks matching the question's words when it names no agency ("những nhiệm vụ nào về chuyển đổi số?"); all when it has none. */
function taskList(ctx: Context): Built {
  if (ctx.q.topic.length === 0) {
    const { kept, omitted } = groups(ctx, (id) => ({ plan: refOf(ctx, id), tasks: planOf(ctx, id).tasks.map((t) => factOf(ctx, t)), ongoing: [] }));
    return { body: { kind: 'task_list', groups: kept, all: true }, omitted };
  }
  const hits = findRelevant(ctx, ['task'], 40);
  if (hits.length === 0) return { body: passagesOf(ctx), omitted: 0 };
  const { kept, omitted } = groups(ctx, (id) => ({
    plan: refOf(ctx, id),
    tasks: hits.filter((h) => h.doc.plan === id).map((h) => factOf(ctx, planOf(ctx, id).tasks[h.doc.ref]!)),
    ongoing: [],
  }));
  return { body: { kind: 'task_list', groups: kept, all: false }, omitted };
}

/** Share of an agency's words a question must hold to be taken as naming it ("UBND" does not name "Văn phòng UBND"). */
const AGENCY_COVER = 0.8;
function named(agency: string, asked: ReadonlySet<string>): boolean {
  const words = expandTokens(tokenize(agency));
  return words.filter((w) => asked.has(w)).length >= AGENCY_COVER * words.length;
}

/** What an agency leads or coordinates ("Phòng Văn hóa - Xã hội chủ trì những nhiệm vụ nào?"), plan by plan. */
export function answerAgencyTasks(ctx: Context): Built {
  const text = ctx.q.topic.join(' ');
  const asked = new Set(expandTokens(ctx.q.topic));
  const holders = ctx.index.agencies;
  // Matched once against every agency any plan names, then looked up plan by plan.
  const names = text ? findAgencies({ agencies: [...holders.keys()] }, text).filter((name) => named(name, asked)) : [];
  const found = firstPlans(ctx, (id) => {
    const agency = names.find((name) => holders.get(name)!.has(id));
    return agency ? ([id, agency] as const) : null;
  });
  const agencyOf = new Map(found.kept);
  if (agencyOf.size === 0) return taskList(ctx);
  const role = ctx.q.role;
  const lead = role === 'coordinator' ? [] : agencyGroups(ctx, agencyOf, 'lead');
  const coordinate = role === 'lead' ? [] : agencyGroups(ctx, agencyOf, 'coordinators');
  const duties = role === 'coordinator' ? [] : agencyDuties(ctx, agencyOf);
  const agency = [...agencyOf.values()][0]!;
  return { body: { kind: 'agency_tasks', agency, role, lead, coordinate, duties }, omitted: found.omitted };
}
