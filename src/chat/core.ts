import type { Plan } from '../knowledge/index.js';
import type { CommandContext, ChatDeps } from './deps.js';
import type { Dialogs } from './dialogs.js';
import type { Knowledge } from './knowledge.js';
import type { StartGuesses } from './start-guesses.js';
import { userKeyOf } from './user-key.js';

/** The chat core's own state shared by its handlers. */
export type Core = { deps: ChatDeps; dialogs: Dialogs; guesses: StartGuesses };

/** The plan with this id. */
export const planById = (knowledge: Knowledge, id: string | null): Plan | undefined =>
  knowledge.plans.find((p) => p.id === id);

/** The sender's dialog key. */
export const keyOf = (ctx: CommandContext): string => userKeyOf(ctx.message);
