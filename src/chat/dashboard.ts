import { DASHBOARD_REPLIES as R } from '../messages/index.js';
import type { Core } from './core.js';
import type { CommandContext } from './deps.js';
import type { Reply } from './types.js';

/**
 * `/bangdieukhien`: a one-time link to the dashboard for the registered sender, only in a private chat (a link in a
 * group would sign in whoever opens it first); on Telegram also the Mini App button.
 */
export async function dashboardCommand(core: Core, ctx: CommandContext): Promise<Reply[]> {
  const { dashboard } = core.deps;
  if (!ctx.user) return [{ text: R.notRegistered }];
  if (!dashboard) return [{ text: R.unavailable }];
  if (ctx.message.inGroup) return [{ text: R.privateOnly }];
  const { url } = await dashboard.issue(ctx.user.key, ctx.now);
  const miniApp =
    ctx.message.channel === 'telegram' && dashboard.miniAppUrl
      ? { miniApp: { label: R.miniAppButton, url: dashboard.miniAppUrl } }
      : {};
  return [{ text: R.link(url, dashboard.minutes), link: { label: R.button, url, ...miniApp } }];
}
