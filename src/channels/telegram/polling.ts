import { run } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import { BOT_COMMANDS } from '../../messages/index.js';
import type { TelegramContext } from './context.js';

/** A running long-polling loop. */
export type TelegramPolling = {
  /** Stops fetching updates and waits for the updates in flight to be handled. */
  stop(): Promise<void>;
  /** Settles when polling ends: resolves after `stop`, rejects when Telegram refuses polling (401 bad token, 409 conflict). */
  finished: Promise<void>;
};

/** The update kinds the bot asks Telegram for, in both modes. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;
const DRAIN_STEP_MS = 10;

/** Registers the Vietnamese command menu (/hoi, /capnhat, ...) shown next to the text box. */
export async function registerTelegramCommands(bot: Bot<TelegramContext>): Promise<void> {
  await bot.api.setMyCommands(BOT_COMMANDS.map(({ command, description }) => ({ command, description })));
}

/**
 * Starts long polling through grammY's runner (updates of different chats concurrently, one chat in order).
 * Calls getMe (unless botInfo was given) and removes a webhook left from webhook mode, so it fails fast on a bad
 * token; the command menu is registered in the background (a failure is logged, never fatal).
 */
export async function startTelegramPolling(bot: Bot<TelegramContext>): Promise<TelegramPolling> {
  await bot.init();
  await bot.api.deleteWebhook();
  // Failures are logged by the API transformer; the menu is a convenience.
  registerTelegramCommands(bot).catch(() => undefined);
  const runner = run(bot, { runner: { silent: true, fetch: { allowed_updates: ALLOWED_UPDATES } } });
  const finished = runner.task() ?? Promise.resolve();
  return {
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
      while (runner.size() > 0) await new Promise((resolve) => setTimeout(resolve, DRAIN_STEP_MS));
    },
    finished,
  };
}
