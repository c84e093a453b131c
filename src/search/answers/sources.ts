import type { AnswerBody, AnswerTask, Citation, TaskFact } from './types.js';

/** Every task fact an answer lists, in reply order. */
function factsOf(body: AnswerBody): TaskFact[] {
  switch (body.kind) {
    case 'task_field':
    case 'task_status':
      return body.items;
    case 'tasks_due':
    case 'overdue':
    case 'task_list':
      return body.groups.flatMap((g) => [...g.tasks, ...g.ongoing]);
    case 'agency_tasks':
      return [...body.lead, ...body.coordinate].flatMap((g) => g.tasks);
    default:
      return [];
  }
}

function sourcesOf(body: AnswerBody): Citation[] {
  const at = (plan: string, task: string | null, section: string | null): Citation => ({
    plan,
    task,
    section: task ? null : section,
  });
  switch (body.kind) {
    case 'targets':
      return body.items.map((i) => at(i.plan.id, i.target.task, i.target.section));
    case 'meeting_rules':
      return body.items.map((i) => at(i.plan.id, null, i.rule.section));
    case 'named_list':
      return body.items.map((i) => at(i.plan.id, i.list.task, i.list.section));
    case 'reporting':
      return body.items.map((i) => at(i.plan.id, null, i.report.section));
    case 'legal':
      return body.items.map((i) => at(i.plan.id, i.source?.task ?? null, i.source?.section ?? null));
    case 'plan_meta':
      return body.plans.map((p) => at(p.id, null, null));
    case 'passages':
      return body.items.map((p) => at(p.plan.id, p.task, p.section));
    case 'agency_tasks':
      return [
        ...factsOf(body).map((f) => at(f.plan.id, f.task.no, null)),
        ...body.duties.map((p) => at(p.plan.id, null, p.section)),
      ];
    case 'duty_status':
      return body.items.map((f) => at(f.plan.id, null, f.duty.section));
    case 'tasks_due':
    case 'overdue':
      return body.groups.flatMap((g) => [
        ...[...g.tasks, ...g.ongoing].map((f) => at(f.plan.id, f.task.no, null)),
        ...(g.duties ?? []).map((f) => at(f.plan.id, null, f.duty.section)),
      ]);
    default:
      return factsOf(body).map((f) => at(f.plan.id, f.task.no, null));
  }
}

/** The sources of an answer, once each, in reply order; none for an answer the plans do not give. */
export function citationsOf(body: AnswerBody): Citation[] {
  const seen = new Set<string>();
  return sourcesOf(body).filter((c) => {
    const key = `${c.plan}#${c.task ?? ''}#${c.section ?? ''}`;
    return !seen.has(key) && seen.add(key);
  });
}

/** The tasks an answer lists, as `--json` prints them. */
export function tasksOf(body: AnswerBody): AnswerTask[] {
  return factsOf(body).map(({ task }) => ({
    plan: task.plan,
    no: task.no,
    content: task.content,
    lead: task.leadRaw,
    deadline: task.deadline.raw,
    due: task.deadline.due,
  }));
}
