import type { Question } from '../question/index.js';
import type { AnswerTask, Focus } from './types.js';

/** Most tasks an answer may list and still be about them (a follow-up asks of them), not a list. */
const MAX_FOCUS_TASKS = 3;

/** Intents about one task, which a follow-up without a task number asks of the task just talked about. */
const TASK_INTENTS = new Set(['lead', 'coordinators', 'product', 'deadline', 'task', 'status']);
/** Words that point back at what was just said ("việc đó", "nhiệm vụ này", "còn … thì sao"). */
const POINTERS = new Set(['viec', 'nhiem', 'vu', 'cong', 'ay', 'nay', 'do', 'no', 'thi', 'sao', 'con', 'the', 'kia']);

/** Whether the question says nothing of its own topic: its words only point back ("hạn khi nào?", "việc đó xong chưa?"). */
const pointsBack = (q: Question) => q.topic.every((w) => POINTERS.has(w));

/**
 * The question read in the light of what the conversation was about (`focus`): a place alone ("còn ở Huế?") asks the
 * last question again there; a task number alone ("còn nhiệm vụ 5 thì sao?") asks the last thing of that task; a field
 * alone ("hạn khi nào?", "ai phối hợp?") asks it of the last task; no place named keeps the last plans.
 * `reread` reads another question's text.
 */
export function followUp(q: Question, focus: Focus | undefined, reread: (text: string) => Question): Question {
  if (!focus) return q;
  if (q.plans.length > 0 && !q.intentCued && q.taskNos.length === 0 && pointsBack(q) && !q.agencyPhrase) {
    const last = reread(focus.question);
    return { ...last, intent: focus.intent, taskNos: focus.taskNos, plans: q.plans };
  }
  const plans = q.plans.length > 0 ? q.plans : focus.plans;
  // "gửi về đâu" after a question on reports: a word or two saying nothing of their own, read with the last question.
  const own = q.topic.filter((w) => !POINTERS.has(w));
  if (!q.intentCued && q.taskNos.length === 0 && own.length <= 1 && !q.agencyPhrase) {
    const joined = reread(`${focus.question} ${q.text}`);
    if (joined.intentCued) return { ...joined, text: q.text, plans, taskNos: focus.taskNos };
  }
  if (q.taskNos.length > 0 && !q.intentCued && TASK_INTENTS.has(focus.intent))
    return { ...q, plans, intent: focus.intent as Question['intent'] };
  const tasks = focus.tasks.filter((t) => t.plan === (plans[0] ?? focus.tasks[0]?.plan));
  if (q.taskNos.length === 0 && TASK_INTENTS.has(q.intent) && pointsBack(q) && tasks.length > 0)
    return { ...q, plans: [tasks[0]!.plan], taskNos: tasks.map((t) => t.no) };
  return { ...q, plans };
}

/** What an answer to `q` was about; a question that only points back keeps the last question's words. */
export function focusOf(q: Question, last: Focus | undefined, tasks: readonly AnswerTask[]): Focus {
  return {
    question: last && pointsBack(q) ? last.question : q.text,
    intent: q.intent,
    plans: q.plans,
    taskNos: q.taskNos,
    tasks: tasks.length <= MAX_FOCUS_TASKS ? tasks.map((t) => ({ plan: t.plan, no: t.no })) : [],
  };
}
