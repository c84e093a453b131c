import { guideText, STATUS_LABEL } from '../messages/index.js';
import {
  accessTo,
  completeUpdate,
  parseTaskRef,
  progressStatusSchema,
  resolveTask,
  tasksOf,
  type ProgressStatus,
  type TaskRef,
} from '../tasks/index.js';
import { trackedItems } from '../knowledge/index.js';
import { foldCase } from '../text/index.js';
import { keyOf, type Core } from './core.js';
import type { CommandContext } from './deps.js';
import type { Dialog } from './dialogs.js';
import { CHOICE, NO_WORDS, YES_WORDS } from './lexicon.js';
import { onPlanChoice } from './plan-upload.js';
import { checkAndStore, checkUpdate, refuse, type CheckedUpdate } from './record.js';
import type { Reply } from './types.js';
import { rememberPlan } from './working-plan.js';

/** Step 1: the tasks the sender may update, as buttons. */
export function startGuided(core: Core, ctx: CommandContext): Reply[] {
  const tasks = tasksOf(ctx.user!, (ctx.plan ? [ctx.plan] : ctx.knowledge.plans).flatMap(trackedItems), ctx.members);
  if (tasks.length === 0) return [{ text: guideText.noTasks(ctx.plan) }];
  core.dialogs.set(keyOf(ctx), { step: 'task' }, ctx.now);
  const choices = tasks.map((t) => ({
    label: guideText.taskChoice(t, ctx.plan ? t.no : `${t.plan}#${t.no}`),
    data: `${CHOICE.task}${t.plan}#${t.no}`,
  }));
  return [{ text: guideText.pickTask, choices }];
}

/** The yes/no question before storing. */
export function askConfirm({ input, task, plan }: CheckedUpdate): Reply[] {
  const text = guideText.confirm(task, plan, input.status, input.percent, input.note);
  return [
    {
      text,
      choices: [
        { label: guideText.yes, data: CHOICE.yes },
        { label: guideText.no, data: CHOICE.no },
      ],
    },
  ];
}

/** A pressed button (or a numbered answer on Zalo). */
export function onChoice(core: Core, ctx: CommandContext, data: string): Reply[] | Promise<Reply[]> {
  const dialog = core.dialogs.get(keyOf(ctx), ctx.now);
  if (data === CHOICE.planSave || data === CHOICE.planCancel)
    return onPlanChoice(core, ctx, dialog, data === CHOICE.planSave);
  if (data.startsWith(CHOICE.task) && dialog) {
    const [plan = '', no = ''] = data.slice(CHOICE.task.length).split('#');
    return pickTask(core, ctx, { plan, no });
  }
  if (data.startsWith(CHOICE.status) && dialog?.step === 'status')
    return pickStatus(core, ctx, dialog, data.slice(CHOICE.status.length));
  if (data === CHOICE.skip && dialog?.step === 'note') return takeNote(core, ctx, dialog, '');
  if ((data === CHOICE.yes || data === CHOICE.no) && dialog?.step === 'confirm')
    return answer(core, ctx, dialog, data === CHOICE.yes);
  return [{ text: guideText.stale }];
}

/** Typed text while a dialog waits: the note, or yes/no. Null when the text is not for the dialog. */
export function onDialogText(
  core: Core,
  ctx: CommandContext,
  dialog: Dialog,
  text: string,
): Reply[] | Promise<Reply[]> | null {
  if (dialog.step === 'note') return takeNote(core, ctx, dialog, text);
  const typedTask = dialog.step === 'task' ? parseTaskRef(text) : null;
  if (typedTask) return pickTask(core, ctx, typedTask);
  const word = foldCase(text)
    .replace(/[.!,\s]+$/, '')
    .trim();
  if (dialog.step === 'confirm' && (YES_WORDS.includes(word) || NO_WORDS.includes(word)))
    return answer(core, ctx, dialog, YES_WORDS.includes(word));
  core.dialogs.clear(keyOf(ctx));
  return null;
}

function pickTask(core: Core, ctx: CommandContext, ref: TaskRef): Reply[] {
  const task = resolveTask(ctx.knowledge.plans, ref, ctx.plan?.id ?? null);
  if (!task.ok) return refuse(ctx, task.error);
  const { plan, no } = task.value;
  rememberPlan(core, ctx, plan);
  const access = accessTo(ctx.user!, task.value, ctx.members);
  if (access === 'none') return refuse(ctx, { code: 'not_your_task', task: task.value, unit: ctx.user!.unit });
  if (access === 'note_only') return askNote(core, ctx, plan, no, null);
  core.dialogs.set(keyOf(ctx), { step: 'status', plan, no }, ctx.now);
  const statuses = progressStatusSchema.options.map((s) => ({ label: STATUS_LABEL[s], data: `${CHOICE.status}${s}` }));
  return [
    {
      text: guideText.pickStatus(task.value),
      choices: [...statuses, { label: guideText.noteOnlyChoice, data: CHOICE.noteOnly }],
    },
  ];
}

function pickStatus(
  core: Core,
  ctx: CommandContext,
  dialog: Extract<Dialog, { step: 'status' }>,
  value: string,
): Reply[] {
  const status = progressStatusSchema.safeParse(value);
  if (!status.success && value !== 'note') return [{ text: guideText.stale }];
  return askNote(core, ctx, dialog.plan, dialog.no, status.success ? status.data : null);
}

function askNote(core: Core, ctx: CommandContext, plan: string, no: string, status: ProgressStatus | null): Reply[] {
  core.dialogs.set(keyOf(ctx), { step: 'note', plan, no, status }, ctx.now);
  const optional = status !== null && status !== 'blocked';
  return [
    {
      text: guideText.askNote(status),
      ...(optional ? { choices: [{ label: guideText.skip, data: CHOICE.skip }] } : {}),
    },
  ];
}

function takeNote(core: Core, ctx: CommandContext, dialog: Extract<Dialog, { step: 'note' }>, text: string): Reply[] {
  const input = completeUpdate({ plan: dialog.plan, no: dialog.no }, dialog.status, text);
  if (!input.ok) return refuse(ctx, input.error);
  const checked = checkUpdate(ctx, input.value);
  if (!checked.ok) return refuse(ctx, checked.error);
  core.dialogs.set(keyOf(ctx), { step: 'confirm', input: input.value }, ctx.now);
  return askConfirm(checked.value);
}

async function answer(
  core: Core,
  ctx: CommandContext,
  dialog: Extract<Dialog, { step: 'confirm' }>,
  yes: boolean,
): Promise<Reply[]> {
  core.dialogs.clear(keyOf(ctx));
  if (!yes) return [{ text: guideText.cancelled }];
  return checkAndStore(core, ctx, dialog.input);
}
