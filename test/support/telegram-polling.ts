import { createTelegramBot, startTelegramPolling, type TelegramPolling } from '../../src/channels/telegram/index.js';
import type { ChatHarness } from './chat-harness.js';
import { captureLog, type TelegramTestServer } from './telegram-server.js';

/** The real Telegram channel, polling the local fake Bot API and handing each message to the harness's chat. */
export function pollWithHarness(server: TelegramTestServer, harness: () => ChatHarness): Promise<TelegramPolling> {
  const bot = createTelegramBot({
    token: server.token,
    apiRoot: server.apiRoot,
    handle: (message) => harness().chat()(message),
    log: captureLog(),
  });
  return startTelegramPolling(bot);
}
