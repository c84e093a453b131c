import { PLAN_UPLOAD, planPreviewText, planStoredText, planUploadErrorText } from '../messages/index.js';
import { keyOf, type Core } from './core.js';
import type { CommandContext } from './deps.js';
import type { Dialog } from './dialogs.js';
import { CHOICE } from './lexicon.js';
import type { IncomingFile, Reply } from './types.js';

const say = (text: string): Reply[] => [{ text }];

/**
 * A file sent to the assistant: an admin's plan file is fetched, read and shown with buttons to store it or not;
 * anyone else is refused politely, and a file that cannot be a plan (type, size) is refused before it is fetched.
 */
export async function onPlanFile(core: Core, ctx: CommandContext, file: IncomingFile): Promise<Reply[]> {
  const intake = core.deps.planIntake;
  if (!intake) return say(PLAN_UPLOAD.useCli);
  if (ctx.user?.role !== 'admin') return say(PLAN_UPLOAD.adminsOnly);
  const refused = intake.check(file.fileName, file.size);
  if (refused) return say(planUploadErrorText(refused));
  let content: Buffer;
  try {
    content = await file.download();
  } catch (err) {
    core.deps.log?.('warn', 'plan upload: the file could not be fetched', { fileName: file.fileName, err });
    return say(planUploadErrorText({ code: 'download_failed', fileName: file.fileName }));
  }
  const read = await intake.read(file.fileName, content);
  if (!read.ok) return say(planUploadErrorText(read.error));
  core.dialogs.set(keyOf(ctx), { step: 'plan_file', upload: read.value }, ctx.now);
  const choices = [
    { label: PLAN_UPLOAD.save, data: CHOICE.planSave },
    { label: PLAN_UPLOAD.cancel, data: CHOICE.planCancel },
  ];
  return [{ text: `${planPreviewText(read.value)}\n\n${PLAN_UPLOAD.confirm}`, choices }];
}

/** The admin's answer under a plan file's preview: stored and live, or dropped. */
export async function onPlanChoice(core: Core, ctx: CommandContext, dialog: Dialog | undefined, save: boolean) {
  if (dialog?.step !== 'plan_file' || !core.deps.planIntake || ctx.user?.role !== 'admin')
    return say(PLAN_UPLOAD.expired);
  core.dialogs.clear(keyOf(ctx));
  if (!save) return say(PLAN_UPLOAD.cancelled);
  const { upload } = dialog;
  const stored = await core.deps.planIntake.store(upload, { replace: true });
  if (!stored.ok) return say(planUploadErrorText(stored.error));
  core.deps.log?.('info', 'plan stored from chat', { plan: upload.id, file: upload.fileName, by: ctx.user.key });
  return say(planStoredText(stored.value, upload.replaces));
}

/** `/themkehoach`: how to add a plan here (send the file) or, where files cannot be sent, with the command line. */
export function addPlanCommand(core: Core, ctx: CommandContext): Reply[] {
  if (ctx.user?.role !== 'admin') return say(PLAN_UPLOAD.adminsOnly);
  return say(core.deps.planIntake && ctx.message.channel === 'telegram' ? PLAN_UPLOAD.howTo : PLAN_UPLOAD.useCli);
}
