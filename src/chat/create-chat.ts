import { unknownCommandText, duplicateText } from '../messages/index.js';
import { UNDO_WINDOW_MINUTES } from '../tasks/index.js';
import { askQuestion } from './ask-question.js';
import { capReplies } from './cap-replies.js';
import { commandTable, type CoreCommand } from './commands.js';
import { membersOf, planById, type Core } from './core.js';
import type { ChatDeps, CommandContext } from './deps.js';
import { createDialogs } from './dialogs.js';
import { onFeedback, parseFeedbackData } from './feedback.js';
import { createStartGuesses } from './start-guesses.js';
import { onChoice, onDialogText } from './guided.js';
import { onPlanFile } from './plan-upload.js';
import type { ChatHandler, IncomingMessage, Reply } from './types.js';
import { naturalUpdate } from './update.js';
import { userKeyOf } from './user-key.js';
import { createWorkingPlans, withWorkingPlan } from './working-plan.js';

/**
 * The channel-agnostic chat core: one incoming message in, the replies out. Commands (`/capnhat`,
 * `/start`, ...), button presses of the guided update, typed answers to a pending question, natural
 * updates ("Nhiệm vụ 4 đã hoàn thành, ...", confirmed first), votes on answers (👍/👎, "1"/"2" on Zalo); any
 * other text is a question.
 * A message delivered twice (same channel and message id) is applied once.
 */
export function createChat(deps: ChatDeps): ChatHandler {
  const core: Core = {
    deps,
    dialogs: createDialogs(),
    guesses: createStartGuesses(),
    workingPlans: createWorkingPlans(),
  };
  const commands = commandTable(deps.reportCommands);
  return async (message) => capReplies(await respond(core, commands, message));
}

/** Every reply, before the cap. */
async function respond(core: Core, commands: Commands, message: IncomingMessage): Promise<Reply[]> {
  const ctx = await contextOf(core, message);
  const done = await core.deps.progress.findByDelivery(message.channel, message.messageId);
  if (done) return [{ text: duplicateText(done, planById(ctx.knowledge, done.plan), UNDO_WINDOW_MINUTES) }];
  if (message.file) return onPlanFile(core, ctx, message.file);
  const vote = message.isChoice ? parseFeedbackData(message.text) : undefined;
  if (vote) return onFeedback(core, ctx, vote);
  // An update made without a command (buttons, a typed answer, a sentence) is about the plan an admin last named.
  const working = withWorkingPlan(core, ctx);
  if (message.isChoice) return onChoice(core, working, message.text);
  const command = /^\s*\//.test(message.text) ? runCommand(core, commands, ctx) : undefined;
  if (command) return command;
  const dialog = core.dialogs.get(userKeyOf(message), ctx.now);
  const forDialog = dialog && (await onDialogText(core, working, dialog, message.text));
  return forDialog ?? naturalUpdate(core, working, message.text) ?? askQuestion(core, ctx, message.text);
}

async function contextOf(core: Core, message: IncomingMessage): Promise<CommandContext> {
  // Taken before anything is awaited: a message is answered from the plans serving when it arrived.
  const knowledge = core.deps.knowledge.current();
  const found = await core.deps.users.get(userKeyOf(message));
  const user = found?.active ? found : undefined;
  const plan = planById(knowledge, user?.plan ?? null);
  const members = await membersOf(core, plan?.id);
  return { user, plan, members, message, knowledge, args: '', now: core.deps.clock.now() };
}

type Commands = ReadonlyMap<string, CoreCommand>;

function runCommand(core: Core, commands: Commands, ctx: CommandContext): Reply[] | Promise<Reply[]> {
  const m = /^\s*\/([A-Za-z0-9_]+)(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(ctx.message.text);
  const name = m?.[1]?.toLowerCase() ?? '';
  const withArgs = { ...ctx, args: (m?.[2] ?? '').trim() };
  // A new command abandons any guided update in progress.
  core.dialogs.clear(userKeyOf(ctx.message));
  const command = commands.get(name);
  return command
    ? command(core, withArgs)
    : [{ text: unknownCommandText(name || ctx.message.text.trim().slice(1, 30)) }];
}
