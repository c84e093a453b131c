import { agenciesNamed, agencyIn } from './agency-named.js';
import { passagesOf } from './answer-passages.js';
import { capPlans, factOf, firstPlans, planGroups, planOf, refOf, type Context } from './context.js';
import { findRelevant } from './relevant.js';
import type { AnswerBody, BodyCount, Passage, TaskGroup } from './types.js';

type Built = { body: AnswerBody; omitted: number };

function agencyGroups(ctx: Context, agencyOf: Map<string, string>, side: 'lead' | 'coordinators'): TaskGroup[] {
  return [...agencyOf].map(([id, agency]) => ({
    plan: refOf(ctx, id),
    tasks: planOf(ctx, id)
      .tasks.filter((t) => t[side].some((a) => a.name === agency))
      .map((t) => factOf(ctx, t)),
    ongoing: [],
  }));
}

/** Work the plan body gives the agency ("b) Sở Tư pháp: Chủ trì, ..."), or every agency when it is null. */
function agencyDuties(ctx: Context, agencyOf: Map<string, string | null>): Passage[] {
  return [...agencyOf].flatMap(([id, agency]) =>
    planOf(ctx, id)
      .duties.filter((d) => agency === null || d.agency.some((a) => a.name === agency))
      .map((d) => ({
        plan: refOf(ctx, id),
        section: d.section,
        task: null,
        title: agency === null ? d.agencyRaw : '',
        text: d.text,
        due: d.deadline?.due ?? null,
      })),
  );
}

/** How many duties a plan's body gives, and to how many units (a duty given to two units counts for each). */
function bodyCount(ctx: Context, id: string): BodyCount {
  const units = new Map<string, number>();
  const { duties } = planOf(ctx, id);
  for (const duty of duties)
    for (const name of new Set(duty.agency.map((a) => a.name))) units.set(name, (units.get(name) ?? 0) + 1);
  const sorted = [...units].sort((a, b) => b[1] - a[1]).map(([name, n]) => ({ name, duties: n }));
  return { plan: refOf(ctx, id), duties: duties.length, units: sorted };
}

/** Tasks matching the question's words when it names no agency ("những nhiệm vụ nào về chuyển đổi số?"); all when it has none. */
function taskList(ctx: Context): Built {
  if (ctx.q.topic.length === 0) {
    const { kept, omitted } = planGroups(ctx, (id) => ({
      plan: refOf(ctx, id),
      tasks: planOf(ctx, id).tasks.map((t) => factOf(ctx, t)),
      ongoing: [],
    }));
    if (kept.length > 0)
      return { body: { kind: 'task_list', groups: kept, all: true, countAsked: ctx.q.asksCount }, omitted };
    // Plans with no appendix: the work their body gives, duty by duty, counted per plan and unit.
    const bodies = capPlans(ctx, ctx.scope).kept;
    const duties = agencyDuties(ctx, new Map(bodies.map((id) => [id, null] as const)));
    if (duties.length === 0) return { body: passagesOf(ctx), omitted: 0 };
    const counts = bodies.map((id) => bodyCount(ctx, id)).filter((c) => c.duties > 0);
    return { body: { kind: 'passages', items: duties, bodies: counts, countAsked: ctx.q.asksCount }, omitted: 0 };
  }
  const hits = findRelevant(ctx, ['task'], 40);
  if (hits.length === 0) return { body: passagesOf(ctx), omitted: 0 };
  const { kept, omitted } = planGroups(ctx, (id) => ({
    plan: refOf(ctx, id),
    tasks: hits.filter((h) => h.doc.plan === id).map((h) => factOf(ctx, planOf(ctx, id).tasks[h.doc.ref]!)),
    ongoing: [],
  }));
  return { body: { kind: 'task_list', groups: kept, all: false, countAsked: ctx.q.asksCount }, omitted };
}

/** Most offices named when saying which ones the plans give work to. */
const MAX_KNOWN_AGENCIES = 8;

/** An office the plans in scope do not name: say so, and name the offices leading most of their work. */
function unknownAgency(ctx: Context, asked: string): Built {
  const { kept, omitted } = capPlans(ctx, ctx.scope);
  const led = new Map<string, number>();
  for (const id of kept) {
    const plan = planOf(ctx, id);
    const names = [...plan.tasks.flatMap((t) => t.lead), ...plan.duties.flatMap((d) => d.agency)].map((a) => a.name);
    for (const name of names) led.set(name, (led.get(name) ?? 0) + 1);
  }
  const known = [...led].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  return {
    body: {
      kind: 'unknown_agency',
      asked,
      plans: kept.map((id) => refOf(ctx, id)),
      known: known.slice(0, MAX_KNOWN_AGENCIES),
    },
    omitted,
  };
}

/** What an agency leads or coordinates ("Phòng Văn hóa - Xã hội chủ trì những nhiệm vụ nào?"), plan by plan. */
export function answerAgencyTasks(ctx: Context): Built {
  const names = agenciesNamed(ctx);
  const found = firstPlans(ctx, (id) => {
    const agency = agencyIn(ctx, names, id);
    return agency ? ([id, agency] as const) : null;
  });
  const agencyOf = new Map(found.kept);
  if (agencyOf.size === 0) return ctx.q.agencyPhrase ? unknownAgency(ctx, ctx.q.agencyPhrase) : taskList(ctx);
  const role = ctx.q.role;
  const lead = role === 'coordinator' ? [] : agencyGroups(ctx, agencyOf, 'lead');
  const coordinate = role === 'lead' ? [] : agencyGroups(ctx, agencyOf, 'coordinators');
  const duties = role === 'coordinator' ? [] : agencyDuties(ctx, agencyOf);
  const agency = [...agencyOf.values()][0]!;
  return {
    body: { kind: 'agency_tasks', agency, role, lead, coordinate, duties, countAsked: ctx.q.asksCount },
    omitted: found.omitted,
  };
}
