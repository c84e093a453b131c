import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatHandler, IncomingMessage } from '../../../src/chat/types.js';
import { createTelegramBot, startTelegramPolling, type TelegramPolling } from '../../../src/channels/telegram/index.js';
import { captureLog, startTelegramServer, type LogCapture, type TelegramTestServer } from '../../support/telegram-server.js';

let server: TelegramTestServer;
let polling: TelegramPolling | undefined;
let log: LogCapture;
let received: IncomingMessage[];

async function startBot(handle: ChatHandler): Promise<void> {
  const bot = createTelegramBot({ token: server.token, apiRoot: server.apiRoot, handle, log });
  polling = await startTelegramPolling(bot);
}

beforeEach(async () => {
  server = await startTelegramServer();
  log = captureLog();
  received = [];
});
afterEach(async () => {
  await polling?.stop();
  polling = undefined;
  await server.stop();
});

describe('startTelegramPolling', () => {
  it('answers a question sent in a private chat', async () => {
    await startBot(async (message) => {
      received.push(message);
      return [{ text: 'Nhiệm vụ 4 do <Phòng Văn hóa & Xã hội> chủ trì.' }];
    });
    const user = server.user({ userId: 42, firstName: 'Lan' });
    await user.send('Ai chủ trì nhiệm vụ 4?');
    const [reply] = await user.replies(1);
    expect(reply).toMatchObject({ text: 'Nhiệm vụ 4 do &lt;Phòng Văn hóa &amp; Xã hội&gt; chủ trì.', parseMode: 'HTML' });
    expect(received[0]).toMatchObject({ channel: 'telegram', senderId: '42', senderName: 'Lan', chatId: '42', text: 'Ai chủ trì nhiệm vụ 4?', isChoice: false });
  });
});
