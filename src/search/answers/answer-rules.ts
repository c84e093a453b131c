import { validDay } from '../../calendar/index.js';
import { targetSubjectAsked, type LegalBasis, type Plan, type ReportingDate } from '../../knowledge/index.js';
import { expandTokens, foldCase, tokenize } from '../../text/index.js';
import { passageOf, passagesAbout, passagesOf, sectionsTitled, taskPassage } from './answer-passages.js';
import { capPlans, firstPlans, planOf, refOf, type Context } from './context.js';
import { inRange, isTaskNumbered } from '../question/index.js';
import type { Hit, SearchDoc } from '../retrieval/index.js';
import { findRelevant } from './relevant.js';
import type { AnswerBody, Passage, PlanRef } from './types.js';

type LegalItem = { plan: PlanRef; basis: LegalBasis[]; source: Passage | null };

type Built = { body: AnswerBody; omitted: number };
const FUNDING_TITLES = ['kinh phi', 'nguon luc', 'ngan sach'];
/** Words of a question about meeting lengths that name no particular thing. */
const MEETING_TOPIC = new Set(['hoi', 'nghi', 'cuoc', 'hop', 'phien', 'to', 'chuc', 'thoi', 'gian']);

/** Items of the plans in scope, plan by plan, until enough plans have some. */
function perPlan<T>(ctx: Context, pick: (plan: Plan) => T[]): { items: T[]; omitted: number } {
  const { kept, omitted } = firstPlans(ctx, (id) => {
    const found = pick(planOf(ctx, id));
    return found.length > 0 ? found : null;
  });
  return { items: kept.flat(), omitted };
}

/** The subject of the best matching passage of a kind, or null when the words match none. */
function bestDoc(ctx: Context, kind: SearchDoc['kind']): SearchDoc | null {
  return ctx.q.topic.length === 0 ? null : (findRelevant(ctx, [kind], 5)[0]?.doc ?? null);
}

/** Quantitative targets: those of the subject the question names (by a matching passage or its words), else all (one per subject and plan). */
export function answerTargets(ctx: Context): Built {
  const best = bestDoc(ctx, 'target');
  const subject = best ? planOf(ctx, best.plan).targets[best.ref]!.subject : targetSubjectAsked(ctx.q.topic.join(' '));
  if (!subject && ctx.q.topic.length > 0) return { body: passagesOf(ctx), omitted: 0 };
  const { items, omitted } = perPlan(ctx, (plan) => {
    const seen = new Set<string>();
    return plan.targets
      .filter((t) => (subject ? t.subject === subject : true) && !seen.has(t.subject) && seen.add(t.subject))
      .map((target) => ({ plan: refOf(ctx, plan.id), target }));
  });
  return items.length > 0 ? { body: { kind: 'targets', items }, omitted } : { body: passagesOf(ctx), omitted: 0 };
}

/**
 * How long meetings may last: the kinds the question names, else every rule; a question naming something no rule is
 * about ("tài liệu họp gửi trước mấy ngày") gets the passages about it first.
 */
export function answerMeetingRules(ctx: Context): Built {
  const best = bestDoc(ctx, 'meeting');
  if (!best && ctx.q.topic.some((w) => !MEETING_TOPIC.has(w))) {
    const passages = passagesOf(ctx);
    if (passages.kind === 'passages') return { body: passages, omitted: 0 };
  }
  const kind = best ? foldCase(planOf(ctx, best.plan).meetingRules[best.ref]!.meeting) : null;
  const { items, omitted } = perPlan(ctx, (plan) =>
    plan.meetingRules
      .filter((r) => kind === null || foldCase(r.meeting) === kind)
      .map((rule) => ({ plan: refOf(ctx, plan.id), rule })),
  );
  return items.length > 0
    ? { body: { kind: 'meeting_rules', items }, omitted }
    : { body: passagesAbout(ctx, 'thoi gian hop'), omitted: 0 };
}

/** Reporting dates and addressees: of the report the question names (quý, 6 tháng, 9 tháng, năm) or due in its period, else all. */
export function answerReporting(ctx: Context): Built {
  const { reportKind: want, period } = ctx.q;
  const dueIn = (r: ReportingDate) =>
    period !== null && [period.year, period.year + 1].some((y) => inRange(period, validDay(y, r.month, r.day) ?? ''));
  const { items, omitted } = perPlan(ctx, (plan) => {
    const all = plan.reporting.map((report) => ({ plan: refOf(ctx, plan.id), report }));
    const named = all.filter((r) => (want ? r.report.periodKind === want : dueIn(r.report)));
    return named.length > 0 ? named : all;
  });
  return items.length > 0
    ? { body: { kind: 'reporting', items }, omitted }
    : { body: passagesAbout(ctx, 'dinh ky bao cao'), omitted: 0 };
}

const compact = (s: string) => foldCase(s).replace(/\s+/g, '');
const citedIn = (basis: LegalBasis[], text: string) => basis.filter((b) => compact(text).includes(compact(b.number)));

/** The documents a plan cites whose number starts with one the question gives ("Kết luận 226" → 226-KL/TW). */
function documentsNumbered(ctx: Context, plan: Plan, numbers: readonly string[]): LegalItem[] {
  const basis = plan.meta.basis.filter((b) => numbers.some((n) => new RegExp(`^0*${Number(n)}(?!\\d)`).test(b.number)));
  return basis.length > 0 ? [{ plan: refOf(ctx, plan.id), basis, source: null }] : [];
}

/** The documents cited in the task named, or in the passage the words point to, else all the plan rests on. */
function documentsCited(ctx: Context, plan: Plan, hit: Hit | undefined): LegalItem[] {
  const task = ctx.q.taskNos[0];
  const t = task === undefined ? undefined : plan.tasks.find((x) => isTaskNumbered(x, task));
  if (t)
    return [
      {
        plan: refOf(ctx, plan.id),
        basis: citedIn(plan.meta.basis, `${t.content} ${t.product}`),
        source: taskPassage(ctx, t),
      },
    ];
  if (task !== undefined) return [];
  if (!hit) return [{ plan: refOf(ctx, plan.id), basis: plan.meta.basis, source: null }];
  if (hit.doc.plan !== plan.id) return [];
  const source = passageOf(ctx, hit.doc);
  return [{ plan: refOf(ctx, plan.id), basis: citedIn(plan.meta.basis, `${source.title} ${source.text}`), source }];
}

/** Word pairs of a text with abbreviations spelt out ("QĐ của TTg" → "quyet dinh", "thu tuong", ...). */
function pairsOf(text: string): Set<string> {
  const words = expandTokens(tokenize(text));
  return new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
}

/** Least word pairs of the question a cited document must hold to be the one it describes. */
const MIN_BASIS_PAIRS = 2;

/**
 * The documents the plan rests on that the question describes by kind and issuer ("căn cứ QĐ nào của TTg",
 * "chương trình hành động số mấy của Tỉnh ủy"): each holds two word pairs of the question.
 */
function documentsDescribed(ctx: Context, plan: Plan): LegalItem[] {
  const asked = pairsOf(ctx.q.topicRuns.map((run) => run.join(' ')).join(' '));
  const basis = plan.meta.basis.filter(
    (b) => [...pairsOf(`${b.kind} ${b.text}`)].filter((p) => asked.has(p)).length >= MIN_BASIS_PAIRS,
  );
  return basis.length > 0 ? [{ plan: refOf(ctx, plan.id), basis, source: null }] : [];
}

/**
 * Legal documents: the one the question names by number ("Nghị định 09/2019 là gì?"), those it describes by kind
 * and issuer, those cited in a task or passage, else those the plan rests on.
 */
export function answerLegal(ctx: Context): Built {
  const numbers = ctx.q.taskNos.length === 0 ? ctx.q.topic.filter((w) => /^\d+$/.test(w)) : [];
  if (numbers.length > 0) {
    const named = perPlan(ctx, (plan) => documentsNumbered(ctx, plan, numbers));
    return named.items.length > 0
      ? { body: { kind: 'legal', items: named.items }, omitted: named.omitted }
      : { body: { kind: 'out_of_scope', plans: [] }, omitted: 0 };
  }
  const described =
    ctx.q.taskNos.length === 0 ? perPlan(ctx, (plan) => documentsDescribed(ctx, plan)) : { items: [], omitted: 0 };
  if (described.items.length > 0)
    return { body: { kind: 'legal', items: described.items }, omitted: described.omitted };
  const hit = ctx.q.taskNos.length === 0 && ctx.q.topic.length > 0 ? findRelevant(ctx, undefined, 5)[0] : undefined;
  const { items, omitted } = perPlan(ctx, (plan) => documentsCited(ctx, plan, hit));
  return items.length > 0 ? { body: { kind: 'legal', items }, omitted } : { body: passagesOf(ctx), omitted: 0 };
}

/** The plan's number, date, signer or issuer. */
export function answerMeta(ctx: Context): Built {
  const person = ctx.q.person;
  // A plan names only its signer: "giám đốc Trung tâm … tên gì" may ask another post, "chủ tịch HĐND" another body.
  const signs = (id: string) =>
    person !== null &&
    !person.ofUnnamedBody &&
    foldCase(planOf(ctx, id).meta.signer?.capacity ?? '').includes(person.title);
  const scope = person === null ? ctx.scope : ctx.scope.filter(signs);
  if (scope.length === 0) return { body: { kind: 'out_of_scope', plans: [] }, omitted: 0 };
  const { kept, omitted } = capPlans(ctx, scope);
  return { body: { kind: 'plan_meta', fields: ctx.q.metaFields, plans: kept.map((id) => refOf(ctx, id)) }, omitted };
}

/** Funding: the plan's section on kinh phí, else the passages about money. */
export function answerFunding(ctx: Context): Built {
  const { items, omitted } = perPlan(ctx, (plan) => sectionsTitled({ ...ctx, scope: [plan.id] }, FUNDING_TITLES));
  return items.length > 0
    ? { body: { kind: 'passages', items }, omitted }
    : { body: passagesAbout(ctx, FUNDING_TITLES[0]!), omitted: 0 };
}
