import type { BodyDuty, Task } from '../../knowledge/index.js';
import { agenciesNamed, agencyIn, isAgencyTask } from './agency-named.js';
import { dutyFactOf, factOf, planGroups, planOf, refOf, type Context } from './context.js';
import { inRange, type QuestionRange } from '../question/index.js';
import type { AnswerBody, DutyFact, TaskFact } from './types.js';

type Built = { body: AnswerBody; omitted: number };

const byDue = (a: TaskFact, b: TaskFact) =>
  (a.task.deadline.due ?? '').localeCompare(b.task.deadline.due ?? '') || Number(a.task.no) - Number(b.task.no);

/** Recurring and ongoing work that runs during the range (from its first year on). */
function runsDuring(task: Task, range: QuestionRange): boolean {
  const { kind, fromYear } = task.deadline;
  return (
    (kind === 'recurring' || kind === 'ongoing') && (fromYear === null || fromYear <= Number(range.to.slice(0, 4)))
  );
}

/** The plan's tasks, only the agency's when the question names one. */
function tasksOf(ctx: Context, id: string, names: readonly string[]): { agency: string | null; tasks: Task[] } {
  const tasks = planOf(ctx, id).tasks;
  const agency = agencyIn(ctx, names, id) ?? null;
  return { agency, tasks: agency ? tasks.filter((t) => isAgencyTask(t, agency, ctx.q.role)) : tasks };
}

/**
 * The dated work the body of a plan with no appendix gives (only the agency's when the question names one) that
 * `keep` wants; a plan with an appendix answers with its tasks, which its body duties mostly repeat.
 */
function dutiesOf(
  ctx: Context,
  id: string,
  agency: string | null,
  keep: (due: string, fact: DutyFact) => boolean,
): DutyFact[] {
  const plan = planOf(ctx, id);
  if (plan.tasks.length > 0) return [];
  const mine = (d: BodyDuty) => agency === null || d.agency.some((a) => a.name === agency);
  return plan.duties.flatMap((duty) => {
    const due = duty.deadline?.due;
    if (!due || !mine(duty)) return [];
    const fact = dutyFactOf(ctx, duty);
    return keep(due, fact) ? [fact] : [];
  });
}

/** What one plan gives an answer: its tasks, its ongoing work and its body's dated duties, of the agency named. */
type Pick = {
  tasks: (tasks: Task[]) => TaskFact[];
  ongoing: (tasks: Task[]) => TaskFact[];
  duty: (due: string, fact: DutyFact) => boolean;
};

/** One group per plan with something picked; the first agency the question names that a plan holds. */
function pickedGroups(ctx: Context, pick: Pick) {
  const names = agenciesNamed(ctx);
  let agency: string | null = null;
  const { kept, omitted } = planGroups(ctx, (id) => {
    const own = tasksOf(ctx, id, names);
    agency ??= own.agency;
    return {
      plan: refOf(ctx, id),
      tasks: pick.tasks(own.tasks).sort(byDue),
      ongoing: pick.ongoing(own.tasks),
      duties: dutiesOf(ctx, id, own.agency, pick.duty),
    };
  });
  return { agency: agency as string | null, groups: kept, omitted };
}

/**
 * What falls due in a period ("quý này", "tháng 5"): tasks whose due day lies in it, and apart from them
 * the recurring and ongoing work that runs during it; only an agency's when the question names one.
 */
export function answerDue(ctx: Context): Built {
  const range = ctx.q.period!;
  const { agency, groups, omitted } = pickedGroups(ctx, {
    tasks: (tasks) =>
      tasks.filter((t) => t.deadline.due !== null && inRange(range, t.deadline.due)).map((t) => factOf(ctx, t)),
    ongoing: (tasks) => tasks.filter((t) => runsDuring(t, range)).map((t) => factOf(ctx, t)),
    duty: (due) => inRange(range, due),
  });
  return { body: { kind: 'tasks_due', range, agency, groups, today: ctx.today }, omitted };
}

/** Tasks past their due day and not reported done; only an agency's when the question names one. */
export function answerOverdue(ctx: Context): Built {
  const { agency, groups, omitted } = pickedGroups(ctx, {
    tasks: (tasks) => tasks.map((t) => factOf(ctx, t)).filter((f) => f.daysLate !== null),
    ongoing: () => [],
    duty: (_, fact) => fact.daysLate !== null,
  });
  return {
    body: { kind: 'overdue', agency, groups, today: ctx.today, withProgress: ctx.progress !== undefined },
    omitted,
  };
}
