import { createTelegramBot, sendTelegramReplies, startTelegramPolling } from '../channels/telegram/index.js';
import { startZaloBot } from '../channels/zalo/index.js';
import type { Config } from '../config.js';
import { logPortOf, type Logger } from '../log.js';
import type { UpdateInbox } from '../tasks/index.js';
import type { ChannelKit } from './channel-kit.js';
import type { ChannelSender } from './send-router.js';
import type { StopStep } from './shutdown.js';

/** The channels that run, how to push to each, and how to stop them. */
export type RunningChannels = {
  senders: Partial<Record<'telegram' | 'zalo', ChannelSender>>;
  /** Each channel's state for /healthz and the log: 'polling', 'webhook', 'stopped' or 'failed'. */
  states: Record<string, string>;
  /** Stop taking updates and finish those in flight, per channel. */
  stopSteps: StopStep[];
};

/**
 * Long polling on every channel whose token is set. A channel that cannot start (bad token, network down) is logged
 * and left out; the others run. Telegram polling that ends on its own (token revoked, another instance polling) is
 * logged as failed. Every update received is kept in the `inbox` until handled, so one a killed process held is
 * handled after the restart.
 */
export async function startPollingChannels(
  config: Config,
  logger: Logger,
  kit: ChannelKit,
  inbox?: UpdateInbox,
): Promise<RunningChannels> {
  const { handle } = kit;
  const log = logPortOf(logger);
  const running: RunningChannels = { senders: {}, states: {}, stopSteps: [] };
  if (config.TELEGRAM_BOT_TOKEN) {
    try {
      const bot = createTelegramBot({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        handle,
        log,
        ...kit.telegram,
      });
      const polling = await startTelegramPolling(bot, { inbox, log });
      running.states.telegram = 'polling';
      polling.finished.catch((err: unknown) => {
        running.states.telegram = 'failed';
        logger.error({ err }, 'telegram: polling stopped');
      });
      running.senders.telegram = (chatId, replies) => sendTelegramReplies(bot, chatId, replies);
      running.stopSteps.push(['telegram polling', polling.stop]);
      logger.info({ bot: bot.botInfo.username }, 'telegram: polling started');
    } catch (err) {
      running.states.telegram = 'failed';
      logger.error({ err }, 'telegram: could not start');
    }
  }
  if (config.ZALO_BOT_TOKEN) {
    try {
      const zalo = await startZaloBot({
        token: config.ZALO_BOT_TOKEN,
        apiRoot: config.ZALO_API_ROOT,
        handle,
        log,
        inbox,
        ...kit.zalo,
      });
      running.states.zalo = 'polling';
      running.senders.zalo = (chatId, replies) => zalo.send(chatId, replies);
      running.stopSteps.push(['zalo polling', zalo.stop]);
    } catch (err) {
      running.states.zalo = 'failed';
      logger.error({ err }, 'zalo: could not start');
    }
  }
  return running;
}
