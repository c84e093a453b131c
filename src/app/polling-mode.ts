import { createTelegramBot, sendTelegramReplies, startTelegramPolling } from '../channels/telegram/index.js';
import { startZaloBot } from '../channels/zalo/index.js';
import type { Config } from '../config.js';
import { logPortOf, type Logger } from '../log.js';
import type { UpdateInbox } from '../tasks/index.js';
import type { ChannelKit } from './channel-kit.js';
import { keepStarting, type ChannelStartup, type StartRetry } from './keep-starting.js';
import type { ChannelSender } from './send-router.js';
import type { StopStep } from './shutdown.js';

/** The channels that run, how to push to each, and how to stop them. */
export type RunningChannels = {
  /** Filled in as each channel starts (a channel retried in the background is added when it comes up). */
  senders: Partial<Record<'telegram' | 'zalo', ChannelSender>>;
  /**
   * Each channel's state for /healthz and the log: 'starting', 'retrying' (cannot reach the platform yet, tried again
   * in the background), 'polling' or 'webhook', 'failed' (refused: bad token), 'stopped', or 'off' (no token).
   */
  states: Record<string, string>;
  /** Stop taking updates and finish those in flight, per channel. */
  stopSteps: StopStep[];
};

/**
 * Long polling on every channel whose token is set, each started on its own: this resolves once each channel's first
 * attempt is over (a few seconds at most), whatever the others do. A channel that cannot reach its platform is tried
 * again in the background ('retrying'); one refused (bad token) is logged and left out ('failed'). Telegram polling
 * that ends on its own (token revoked, another instance polling) is logged as failed. Every update received is kept
 * in the `inbox` until handled, so one a killed process held is handled after the restart.
 */
export async function startPollingChannels(
  config: Config,
  logger: Logger,
  kit: ChannelKit,
  inbox?: UpdateInbox,
  retry?: Partial<StartRetry>,
): Promise<RunningChannels> {
  const { handle } = kit;
  const log = logPortOf(logger);
  const running: RunningChannels = { senders: {}, states: {}, stopSteps: [] };
  const startups: ChannelStartup[] = [];
  if (config.TELEGRAM_BOT_TOKEN) {
    const bot = createTelegramBot({
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      handle,
      log,
      ...kit.telegram,
    });
    const startup = keepStarting({
      name: 'telegram',
      states: running.states,
      logger,
      retry,
      attempt: (signal) => startTelegramPolling(bot, { inbox, log, signal }),
      started: (polling) => {
        polling.finished.catch((err: unknown) => {
          running.states.telegram = 'failed';
          logger.error({ err }, 'telegram: polling stopped');
        });
        running.senders.telegram = (chatId, replies) => sendTelegramReplies(bot, chatId, replies);
        logger.info({ bot: bot.botInfo.username }, 'telegram: polling started');
        return { state: 'polling', stop: polling.stop };
      },
    });
    startups.push(startup);
    running.stopSteps.push(['telegram polling', startup.stop]);
  }
  if (config.ZALO_BOT_TOKEN) {
    const startup = keepStarting({
      name: 'zalo',
      states: running.states,
      logger,
      retry,
      attempt: () =>
        startZaloBot({
          token: config.ZALO_BOT_TOKEN!,
          apiRoot: config.ZALO_API_ROOT,
          handle,
          log,
          inbox,
          ...kit.zalo,
        }),
      started: (zalo) => {
        running.senders.zalo = (chatId, replies) => zalo.send(chatId, replies);
        return { state: 'polling', stop: zalo.stop };
      },
    });
    startups.push(startup);
    running.stopSteps.push(['zalo polling', startup.stop]);
  }
  await Promise.all(startups.map((s) => s.firstAttempt));
  return running;
}
