import type { Plan } from '../../src/knowledge/index.js';
import type { ProgressStatus } from '../../src/tasks/index.js';
import { random } from '../corpus.js';
import { buildQuestions } from '../questions.js';
import type { FakeUser } from './fake-telegram.js';

/** What a simulated person sends: registration, a question, a progress update, another command, a bad input, or the previous update again (same update_id). */
export type Kind = 'start' | 'question' | 'update' | 'command' | 'bad' | 'duplicate';

/** The row a progress update must leave in `updates`, found by its unique note. */
export type ExpectedUpdate = {
  plan: string;
  task: string;
  status: ProgressStatus | null;
  percent: number | null;
  note: string;
};

export type Step = {
  kind: Kind;
  /** The message text ('' for a duplicate). */
  text: string;
  /** For an update: the row it must store once acknowledged. */
  update?: ExpectedUpdate;
  /** For a bad input that carries a note: a marker no stored row may contain. */
  marker?: string;
};

/** One simulated person: who they are, the invite they register with, what they send in order. */
export type UserScript = { user: FakeUser; invite: { code: string; plan: string }; steps: Step[] };

export type ScriptOptions = {
  users: number;
  /** Messages in all, registrations and duplicates included. */
  messages: number;
  /** Share of the messages that deliver the previous update again. */
  dupRate: number;
  seed: number;
  /** Makes this run's invite codes and notes unique. */
  runTag: string;
  /**
   * A digest is scheduled during the run: people ask `/quahan` where they would ask `/digest` (whose answer is a
   * digest too), so every digest a person gets is the scheduled one. Default false.
   */
  digestScheduled?: boolean;
};

const FIRST_USER_ID = 500_000_000;
const LONG = 10_000;
const WEIGHTS: [Exclude<Kind, 'start' | 'duplicate'>, number][] = [
  ['question', 0.42],
  ['update', 0.3],
  ['command', 0.13],
  ['bad', 0.15],
];
const EXTRA_QUESTIONS = [
  'ai chu tri nhiem vu 4',
  'Quý này có những nhiệm vụ nào đến hạn?',
  'nhiem vu nao den han trong thang nay',
  'Giá vàng hôm nay bao nhiêu?',
  'hello',
];
const STATUSES: [ProgressStatus | null, string][] = [
  ['in_progress', 'đang thực hiện'],
  ['in_progress', 'dang thuc hien'],
  ['done', 'hoàn thành'],
  ['blocked', 'vướng mắc'],
  [null, 'ghi chú'],
];

/** Every person's script: the counts add up to `messages`, each person starts with `/start CODE`. */
export function buildScripts(plans: Plan[], options: ScriptOptions): UserScript[] {
  const rnd = random(options.seed);
  const usable = plans.filter((p) => p.tasks.length > 0);
  if (usable.length === 0) throw new Error('soak: no plan with tasks in the knowledge folder');
  return Array.from({ length: options.users }, (_, i) => {
    const plan = usable[i % usable.length]!;
    const count = Math.floor(options.messages / options.users) + (i < options.messages % options.users ? 1 : 0);
    const user = { id: FIRST_USER_ID + i, firstName: 'Cán bộ', lastName: `Soak ${i}` };
    const code = `SOAK${options.runTag}U${i}`.toUpperCase();
    const pick = picker(plan, usable, rnd, `soak-${options.runTag}-u${i}`, options.digestScheduled === true);
    const steps: Step[] = count > 0 ? [{ kind: 'start', text: `/start ${code}` }] : [];
    for (let j = 1; j < count; j++) {
      // A duplicate is followed by a fresh message, which tells when the duplicate was dealt with.
      const dup = j < count - 1 && steps.at(-1)!.kind !== 'duplicate' && rnd() < options.dupRate;
      steps.push(dup ? { kind: 'duplicate', text: '' } : pick(j));
    }
    return { user, invite: { code, plan: plan.id }, steps };
  });
}

/** Draws the person's messages over their own plan (a leader may update any of its tasks). */
function picker(plan: Plan, plans: Plan[], rnd: () => number, tag: string, noDigest: boolean): (j: number) => Step {
  const questions = [...buildQuestions([plan], 48, rnd), ...EXTRA_QUESTIONS];
  const taskNo = () => plan.tasks[Math.floor(rnd() * plan.tasks.length)]!.no;
  const other = plans.find((p) => p.id !== plan.id);
  return (j) => {
    const marker = `${tag}-m${j}`;
    switch (weighted(rnd)) {
      case 'question':
        return { kind: 'question', text: questions[Math.floor(rnd() * questions.length)]! };
      case 'update':
        return updateStep(plan.id, taskNo(), marker, rnd);
      case 'command':
        return { kind: 'command', text: command(taskNo(), rnd, noDigest) };
      default:
        return badStep(taskNo(), marker, other, rnd);
    }
  };
}

function weighted(rnd: () => number): Exclude<Kind, 'start' | 'duplicate'> {
  let r = rnd();
  for (const [kind, weight] of WEIGHTS) {
    if (r < weight) return kind;
    r -= weight;
  }
  return 'bad';
}

function updateStep(plan: string, task: string, note: string, rnd: () => number): Step {
  const [status, words] = STATUSES[Math.floor(rnd() * STATUSES.length)]!;
  const percent = status === 'in_progress' ? 5 + Math.floor(rnd() * 91) : null;
  const text = `/capnhat ${task} ${words}${percent === null ? '' : ` ${percent}%`} ${note}`;
  // A task reported done is stored at 100%.
  return { kind: 'update', text, update: { plan, task, status, percent: status === 'done' ? 100 : percent, note } };
}

function command(task: string, rnd: () => number, noDigest: boolean): string {
  const all = [
    `/tiendo ${task}`,
    '/viec',
    '/quahan',
    '/trogiup',
    `/hoi ai chủ trì nhiệm vụ ${task}`,
    noDigest ? '/quahan' : '/digest',
    `/tiendo ${task}`,
    '/viec',
  ];
  // A report is an Excel file: one command in fifty asks for one.
  return rnd() < 0.02 ? '/baocao quy' : all[Math.floor(rnd() * all.length)]!;
}

function badStep(task: string, marker: string, other: Plan | undefined, rnd: () => number): Step {
  const long = (seed: string) => `${seed} ${'kế hoạch nhiệm vụ báo cáo '.repeat(LONG / 26)}`.slice(0, LONG);
  const inputs: Step[] = [
    { kind: 'bad', text: '.' },
    { kind: 'bad', text: '?' },
    { kind: 'bad', text: '👍' },
    { kind: 'bad', text: long('ai chủ trì') },
    { kind: 'bad', text: `/capnhat 9999 đang thực hiện 40% ${marker}`, marker },
    { kind: 'bad', text: `/capnhat ${task} đang thực hiện 150% ${marker}`, marker },
    { kind: 'bad', text: `/capnhat ${task}` },
    { kind: 'bad', text: `/capnhat ${task} đang thực hiện 40% ${long(marker)}`, marker },
    { kind: 'bad', text: '/khonglenh abc' },
    ...(other
      ? [
          {
            kind: 'bad' as const,
            text: `/capnhat ${other.id}#${other.tasks[0]?.no ?? '1'} hoàn thành ${marker}`,
            marker,
          },
        ]
      : []),
  ];
  return inputs[Math.floor(rnd() * inputs.length)]!;
}
