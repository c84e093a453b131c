import { askUsage, helpText, unknownCommandText, duplicateText, questionTooLongText } from '../messages/index.js';
import { capReplies } from './cap-replies.js';
import { planById, type Core } from './core.js';
import type { ChatCommand, ChatDeps, CommandContext, CommandHandler } from './deps.js';
import { createDialogs } from './dialogs.js';
import { createStartGuesses } from './start-guesses.js';
import { onChoice, onDialogText } from './guided.js';
import { onPlanFile, addPlanCommand } from './plan-upload.js';
import { overdueCommand, progressCommand, unitTasksCommand } from './read.js';
import { startCommand } from './start.js';
import type { ChatHandler, IncomingMessage, Reply } from './types.js';
import { undoCommand } from './undo.js';
import { updateCommand, naturalUpdate } from './update.js';
import { userKeyOf } from './user-key.js';

type Builtin = (core: Core, ctx: CommandContext) => Reply[] | Promise<Reply[]>;

/** Longer than any question an official types: a pasted document would only get a reply about some stray word of it. */
const MAX_QUESTION_CHARS = 1000;

/** A question as typed: a blank one is shown how to ask, an overlong one is asked to be shorter. */
function ask(core: Core, ctx: CommandContext, question: string): Reply[] | Promise<Reply[]> {
  const q = question.trim();
  if (q === '') return [{ text: askUsage }];
  if (q.length > MAX_QUESTION_CHARS) return [{ text: questionTooLongText(q.length, MAX_QUESTION_CHARS) }];
  return core.deps.ask(q, ctx);
}

const BUILTIN: Record<string, Builtin> = {
  start: startCommand,
  capnhat: updateCommand,
  hoantac: undoCommand,
  tiendo: progressCommand,
  viec: unitTasksCommand,
  quahan: overdueCommand,
  hoi: (core, ctx) => ask(core, ctx, ctx.args),
  themkehoach: addPlanCommand,
  trogiup: (core, ctx) => [{ text: helpText(ctx.user !== undefined, helpLines(core.deps.commands)) }],
  help: (core, ctx) => BUILTIN.trogiup!(core, ctx),
};

const runOf = (c: ChatCommand): CommandHandler => (typeof c === 'function' ? c : c.run);
const helpLines = (commands: ChatDeps['commands'] = {}) =>
  Object.values(commands).flatMap((c) => (typeof c === 'function' ? [] : [c.help]));

/**
 * The channel-agnostic chat core: one incoming message in, the replies out. Commands (`/capnhat`,
 * `/start`, ...), button presses of the guided update, typed answers to a pending question, natural
 * updates ("Nhiệm vụ 4 đã hoàn thành, ...", confirmed first); any other text is a question.
 * A message delivered twice (same channel and message id) is applied once.
 */
export function createChat(deps: ChatDeps): ChatHandler {
  const core: Core = { deps, dialogs: createDialogs(), guesses: createStartGuesses() };
  return async (message) => capReplies(await respond(core, message));
}

/** Every reply, before the cap. */
async function respond(core: Core, message: IncomingMessage): Promise<Reply[]> {
  const ctx = contextOf(core, message);
  const done = core.deps.progress.findByDelivery(message.channel, message.messageId);
  if (done) return [{ text: duplicateText(done, planById(ctx.knowledge, done.plan)) }];
  if (message.file) return onPlanFile(core, ctx, message.file);
  if (message.isChoice) return onChoice(core, ctx, message.text);
  const command = /^\s*\//.test(message.text) ? runCommand(core, ctx) : undefined;
  if (command) return command;
  const dialog = core.dialogs.get(userKeyOf(message), ctx.now);
  return (
    (dialog && onDialogText(core, ctx, dialog, message.text)) ??
    naturalUpdate(core, ctx, message.text) ??
    ask(core, ctx, message.text)
  );
}

function contextOf(core: Core, message: IncomingMessage): CommandContext {
  const found = core.deps.users.get(userKeyOf(message));
  const user = found?.active ? found : undefined;
  const knowledge = core.deps.knowledge.current();
  const plan = planById(knowledge, user?.plan ?? null);
  return { user, plan, message, knowledge, args: '', now: core.deps.clock.now() };
}

function runCommand(core: Core, ctx: CommandContext): Reply[] | Promise<Reply[]> {
  const m = /^\s*\/([A-Za-z0-9_]+)(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(ctx.message.text);
  const name = m?.[1]?.toLowerCase() ?? '';
  const withArgs = { ...ctx, args: (m?.[2] ?? '').trim() };
  // A new command abandons any guided update in progress.
  core.dialogs.clear(userKeyOf(ctx.message));
  // Own keys only: "/constructor" must not find Object.prototype's members.
  const builtin = Object.hasOwn(BUILTIN, name) ? BUILTIN[name] : undefined;
  if (builtin) return builtin(core, withArgs);
  const plugged = core.deps.commands && Object.hasOwn(core.deps.commands, name) ? core.deps.commands[name] : undefined;
  return plugged
    ? runOf(plugged)(withArgs)
    : [{ text: unknownCommandText(name || ctx.message.text.trim().slice(1, 30)) }];
}
