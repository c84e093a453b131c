import type {
  BodyDuty,
  IsoDay,
  LegalBasis,
  MeetingRule,
  NamedList,
  PlanMeta,
  ReportingDate,
  Target,
  Task,
} from '../../knowledge/index.js';
import type { QuestionRange, Intent, MetaField } from '../question/index.js';

/**
 * What the progress domain reports about a task (the port `answerQuestion` reads progress through).
 * `status` is the latest reported status; undefined from the lookup when nothing was reported.
 */
export type TaskProgress = {
  status: 'not_started' | 'in_progress' | 'done' | 'blocked';
  percent: number | null;
  /** Day of the latest status update. */
  updatedOn: IsoDay | null;
  /** The note of that update (why it is blocked, what was issued), when there is one. */
  note?: string | null;
  /** Days past the due day the task was done, when it was done late (as `/tiendo` derives it). */
  doneLateDays?: number | null;
};

/** Reads the progress of a task on a day; undefined when nothing is reported. Implemented outside search. */
export type ProgressLookup = (task: Task, today: IsoDay) => TaskProgress | undefined;

/** A plan as replies name it. */
export type PlanRef = { id: string; meta: PlanMeta; taskCount: number; version?: number };

/** A task with its plan, its progress when known, and its standing against the deadline on `today`. */
export type TaskFact = {
  plan: PlanRef;
  task: Task;
  progress: TaskProgress | null;
  /** Days past the due day when not done (null when not late or no due day). */
  daysLate: number | null;
  /** Days left to the due day when not done and not late. */
  daysLeft: number | null;
};

/** A plan with no appendix: the duties its body gives, and how many to each unit, most first. */
export type BodyCount = { plan: PlanRef; duties: number; units: { name: string; duties: number }[] };

/** A passage of a plan body or appendix; `due`: the due day of a duty, when its text gives one. */
export type Passage = {
  plan: PlanRef;
  section: string | null;
  task: string | null;
  title: string;
  text: string;
  due?: IsoDay | null;
};

/** Work the body of a plan gives with a due day, standing against it on `today` like a task. */
export type DutyFact = { plan: PlanRef; duty: BodyDuty; daysLate: number | null; daysLeft: number | null };

/**
 * One plan's share of a list answer. `duties`: for a plan with no appendix, the dated work its body gives
 * that the answer is about (what falls due, what is late), since it has no tasks to stand for it.
 */
export type TaskGroup = { plan: PlanRef; tasks: TaskFact[]; ongoing: TaskFact[]; duties?: DutyFact[] };

export type TaskField = 'lead' | 'coordinators' | 'product' | 'deadline' | 'task';

/** The facts an answer gives, rendered into Vietnamese by `messages` (`renderAnswer`). */
export type AnswerBody =
  | { kind: 'task_field'; field: TaskField; items: TaskFact[] }
  | { kind: 'task_status'; items: TaskFact[]; today: IsoDay; withProgress: boolean }
  /** When dated work of a plan's body is due and whether it is late ("việc … đã quá hạn chưa?" in a plan with no appendix). */
  | { kind: 'duty_status'; items: DutyFact[]; today: IsoDay }
  /** `inGroups`: tasks numbered so inside a group ("II.1" for "1"), in a plan numbering its tasks by group. */
  | { kind: 'unknown_task'; plans: PlanRef[]; nos: string[]; inGroups: string[] }
  | { kind: 'tasks_due'; range: QuestionRange; agency: string | null; groups: TaskGroup[]; today: IsoDay }
  | { kind: 'overdue'; agency: string | null; groups: TaskGroup[]; today: IsoDay; withProgress: boolean }
  | {
      kind: 'agency_tasks';
      agency: string;
      role: 'lead' | 'coordinator' | 'any';
      lead: TaskGroup[];
      coordinate: TaskGroup[];
      /** Work the plan body gives the agency, by section. */
      duties: Passage[];
      /** Whether the question asked how many (the counts come first, the list on request). */
      countAsked: boolean;
    }
  | { kind: 'task_list'; groups: TaskGroup[]; all: boolean; countAsked: boolean }
  /** An office the plans asked about do not name ("Phòng Kinh tế"), with the offices that lead their work. */
  | { kind: 'unknown_agency'; asked: string; plans: PlanRef[]; known: string[] }
  | { kind: 'targets'; items: { plan: PlanRef; target: Target }[] }
  | { kind: 'meeting_rules'; items: { plan: PlanRef; rule: MeetingRule }[] }
  /** A list a plan names and enumerates ("6 rõ": rõ người, rõ việc, …), from each plan spelling it out. */
  | { kind: 'named_list'; items: { plan: PlanRef; list: NamedList }[] }
  | { kind: 'reporting'; items: { plan: PlanRef; report: ReportingDate }[] }
  | { kind: 'legal'; items: { plan: PlanRef; basis: LegalBasis[]; source: Passage | null }[] }
  | { kind: 'plan_meta'; fields: MetaField[]; plans: PlanRef[] }
  /**
   * Passages of the plans. `bodies`: for the plans with no appendix whose body duties these are, how many duties and
   * to how many units (counted first when the question asked how many).
   */
  | { kind: 'passages'; items: Passage[]; bodies?: BodyCount[]; countAsked?: boolean }
  | { kind: 'unknown_place'; place: string; known: PlanRef[] }
  /** `plans`: the plans asked about when the question was about some only ([] for all plans). */
  | { kind: 'out_of_scope'; plans: PlanRef[] };

/** Where a fact comes from: the plan's file stem and the task number, or the section path. */
export type Citation = { plan: string; task: string | null; section: string | null };

/** A task as the `--json` output lists it. */
export type AnswerTask = {
  plan: string;
  no: string;
  content: string;
  lead: string;
  deadline: string;
  due: IsoDay | null;
};

/**
 * What an answer was about, for the next question of a conversation to refer to: the question (as asked, or the one
 * a follow-up asked again), what it asked, the plans it named and the few tasks it was about.
 */
export type Focus = {
  question: string;
  intent: Intent;
  plans: string[];
  /** The task numbers asked. */
  taskNos: string[];
  tasks: { plan: string; no: string }[];
};

/** The answer to one question: its facts, the sources, and the tasks it lists. */
export type Answer = {
  intent: Intent | 'out_of_scope';
  body: AnswerBody;
  citations: Citation[];
  tasks: AnswerTask[];
  /** Plans left out of a reply that would list too many (0 when none). */
  omittedPlans: number;
  /** What it was about, to pass back with the next question of the same conversation. */
  focus: Focus;
};
