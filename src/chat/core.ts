import type { Plan } from '../knowledge/index.js';
import type { CommandContext, ChatDeps } from './deps.js';
import type { Dialogs } from './dialogs.js';
import { userKeyOf } from './user-key.js';

/** The chat core's own state shared by its handlers. */
export type Core = { deps: ChatDeps; dialogs: Dialogs };

/** The plan with this id. */
export const planById = (core: Core, id: string | null): Plan | undefined => core.deps.plans.find((p) => p.id === id);

/** The sender's dialog key. */
export const keyOf = (ctx: CommandContext): string => userKeyOf(ctx.message);
