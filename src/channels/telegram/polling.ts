import { createConcurrentSink, createRunner, createSource, createUpdateFetcher } from '@grammyjs/runner';
import type { Bot, BotError } from 'grammy';
import type { Update } from 'grammy/types';
import { BOT_COMMANDS } from '../../messages/index.js';
import type { Log } from '../../chat/index.js';
import type { UpdateInbox } from '../../tasks/index.js';
import { createInboxGate } from '../inbox-gate.js';
import { createTurns } from '../turns.js';
import type { TelegramContext } from './context.js';
import { initTelegramBot, type GrammySignal } from './create-bot.js';

/** A running long-polling loop. */
export type TelegramPolling = {
  /** Stops fetching updates and waits for the updates in flight to be handled. */
  stop(): Promise<void>;
  /** Settles when polling ends: resolves after `stop`, rejects when Telegram refuses polling (401 bad token, 409 conflict). */
  finished: Promise<void>;
};

/** Options of {@link startTelegramPolling}. */
export type TelegramPollingOptions = {
  /**
   * The store's inbox (`store.inbox`): each fetched batch is kept before the next getUpdates confirms it
   * to Telegram and done once handled, and what a killed process held is handled at the next start. Without it, an
   * update fetched and not yet answered when the process dies is lost.
   */
  inbox?: UpdateInbox;
  /** The process logger, for updates handled again at start and inbox failures; default silent. */
  log?: Log;
  /** Default the system clock. */
  now?: () => Date;
  /** Cuts the start-up calls (getMe, deleteWebhook) short: each is tried once, retrying is the caller's. */
  signal?: AbortSignal;
};

/** The update kinds the bot asks Telegram for, in both modes. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;
const DRAIN_STEP_MS = 10;

/** Registers the Vietnamese command menu (/hoi, /capnhat, ...) shown next to the text box. */
export async function registerTelegramCommands(bot: Bot<TelegramContext>): Promise<void> {
  await bot.api.setMyCommands(BOT_COMMANDS.map(({ command, description }) => ({ command, description })));
}

/**
 * Starts long polling through grammY's runner, put together from its parts (updates of different chats concurrently,
 * one chat in order). Calls getMe (unless botInfo was given) and removes a webhook left from webhook mode, each once,
 * so it fails fast on a bad token or a network down; the command menu is registered in the background (a failure is logged, never fatal). With an
 * `inbox`, the updates a previous process left unhandled go to the bot first, alongside the first polls.
 */
export async function startTelegramPolling(
  bot: Bot<TelegramContext>,
  options: TelegramPollingOptions = {},
): Promise<TelegramPolling> {
  await initTelegramBot(bot, options.signal);
  await bot.api.deleteWebhook({}, options.signal as GrammySignal);
  // Failures are logged by the API transformer; the menu is a convenience.
  registerTelegramCommands(bot).catch(() => undefined);
  const log = options.log ?? (() => undefined);
  const gate = createInboxGate<Update>({
    inbox: options.inbox,
    channel: 'telegram',
    idOf: (u) => String(u.update_id),
    log,
    now: options.now,
  });
  const fetchUpdates = createUpdateFetcher(bot, { silent: true, fetch: { allowed_updates: ALLOWED_UPDATES } });
  // One update started per turn, so the responses to sent replies finish their claims between two updates; the next
  // batch is fetched once the last one has started.
  const turns = createTurns();
  // The fetcher confirms a batch to Telegram at its next call, which comes after this one returned: the batch is kept first.
  const source = createSource({
    supply: async (batchSize, signal) => {
      await turns.drained();
      return gate.admit(await fetchUpdates(batchSize, signal));
    },
  });
  const sink = createConcurrentSink<Update, BotError<TelegramContext>>(
    { consume: (u) => turns.next().then(() => bot.handleUpdate(u).finally(() => gate.settle(u))) },
    async (err) => {
      try {
        await bot.errorHandler(err);
      } catch (thrown) {
        log('error', 'telegram: the error handler failed', { err: thrown });
      }
    },
  );
  void sink.handle(await gate.replay());
  const runner = createRunner(source, sink);
  runner.start();
  const finished = runner.task() ?? Promise.resolve();
  return {
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
      while (sink.size() > 0) await new Promise((resolve) => setTimeout(resolve, DRAIN_STEP_MS));
    },
    finished,
  };
}
