import type { Plan } from '../knowledge/index.js';
import { membersByGroup, NO_MEMBERS, type UnitMembers } from '../tasks/index.js';
import type { CommandContext, ChatDeps } from './deps.js';
import type { Dialogs } from './dialogs.js';
import type { Knowledge } from './knowledge.js';
import type { StartGuesses } from './start-guesses.js';
import type { WorkingPlans } from './working-plan.js';
import { userKeyOf } from './user-key.js';

/** The chat core's own state shared by its handlers. */
export type Core = { deps: ChatDeps; dialogs: Dialogs; guesses: StartGuesses; workingPlans: WorkingPlans };

/** The plan with this id. */
export const planById = (knowledge: Knowledge, id: string | null): Plan | undefined =>
  knowledge.plans.find((p) => p.id === id);

/** The declared member units of a plan's groups (none for no plan). */
export const membersOf = async (core: Core, plan: string | null | undefined): Promise<UnitMembers> =>
  plan ? membersByGroup(await core.deps.members.listForPlan(plan), plan) : NO_MEMBERS;

/** The sender's dialog key. */
export const keyOf = (ctx: CommandContext): string => userKeyOf(ctx.message);
