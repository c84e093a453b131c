import { COMMAND_IDS, commandWords, helpText, type CommandId, type HelpAudience } from '../messages/index.js';
import { UNDO_WINDOW_MINUTES } from '../tasks/index.js';
import { askQuestion } from './ask-question.js';
import type { Core } from './core.js';
import type { CommandContext, ReportCommandId, ReportCommands } from './deps.js';
import { dashboardCommand } from './dashboard.js';
import { addPlanCommand } from './plan-upload.js';
import { overdueCommand, progressCommand, unitTasksCommand } from './read.js';
import { startCommand } from './start.js';
import type { Reply } from './types.js';
import { undoCommand } from './undo.js';
import { updateCommand } from './update.js';
import { withNamedPlan, withWorkingPlan } from './working-plan.js';

/** A command as the core runs it, with its own state. */
export type CoreCommand = (core: Core, ctx: CommandContext) => Reply[] | Promise<Reply[]>;

const audienceOf = (ctx: CommandContext): HelpAudience =>
  ctx.user === undefined ? 'guest' : ctx.user.role === 'admin' ? 'admin' : 'registered';

/** The handlers of every listed command the core answers itself. */
const BUILTIN = {
  ask: (core, ctx) => askQuestion(core, ctx, ctx.args),
  update: updateCommand,
  undo: undoCommand,
  progress: progressCommand,
  unitTasks: unitTasksCommand,
  overdue: overdueCommand,
  start: startCommand,
  addPlan: addPlanCommand,
  dashboard: dashboardCommand,
  help: (_core, ctx) => [{ text: helpText(audienceOf(ctx), { undoMinutes: UNDO_WINDOW_MINUTES }) }],
} satisfies Record<Exclude<CommandId, ReportCommandId>, CoreCommand>;

/**
 * The commands an admin of every plan may name a plan for, first ("/viec hue", "/baocao nhi-chieu nam"): for those
 * about one plan, the plan last named is used when none is; those about every plan by default stay so.
 */
const ONE_PLAN: ReadonlySet<CommandId> = new Set(['update', 'progress', 'unitTasks', 'figures']);
const ANY_PLANS: ReadonlySet<CommandId> = new Set(['overdue', 'digest', 'report']);

/**
 * Every word of the command list (`messages`' COMMANDS: "capnhat", "trogiup", "help"...) → its handler: the
 * built-in ones, and the digest and report ones given. A word not in the list has none (a Map: "/constructor" neither).
 */
export function commandTable(reportCommands: ReportCommands): ReadonlyMap<string, CoreCommand> {
  const isReport = (id: CommandId): id is ReportCommandId => Object.hasOwn(reportCommands, id);
  const handlerOf = (id: CommandId): CoreCommand =>
    isReport(id) ? (_core, ctx) => reportCommands[id](ctx) : BUILTIN[id];
  const withPlan = (id: CommandId): CoreCommand => {
    const handler = handlerOf(id);
    if (ONE_PLAN.has(id)) return (core, ctx) => handler(core, withNamedPlan(core, ctx) ?? withWorkingPlan(core, ctx));
    if (ANY_PLANS.has(id)) return (core, ctx) => handler(core, withNamedPlan(core, ctx) ?? ctx);
    return handler;
  };
  return new Map(COMMAND_IDS.flatMap((id) => commandWords(id).map((word) => [word, withPlan(id)] as const)));
}
