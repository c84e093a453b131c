import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../../../bench/soak/fake-telegram.js';
import type { ChatHandler } from '../../../src/chat/index.js';
import { createTelegramBot, startTelegramPolling, type TelegramPolling } from '../../../src/channels/telegram/index.js';
import { createInboxRepo } from '../../../src/store/index.js';
import { captureLog, type LogCapture } from '../../support/telegram-server.js';
import { createTmpDb, type TmpDb } from '../../support/tmp-db.js';

const TOKEN = '123456789:inbox-test-token';
const LAN = { id: 501, firstName: 'Lan', lastName: 'Nguyễn' };
const QUESTION = 'Nhiệm vụ 4 do ai chủ trì?';
const WAIT = { timeout: 10_000, interval: 5 };

const answering: ChatHandler = async (message) => [{ text: `Đã nhận: ${message.text}` }];

/**
 * A bot process killed while answering, end to end against the soak's fake Telegram (getUpdates with Telegram's
 * offset semantics: a batch is confirmed by the next call). The first bot's chat core never answers, its polling is
 * stopped without waiting for it (what a SIGKILL leaves), and a second bot starts on the same SQLite file.
 */
describe('startTelegramPolling with an inbox', () => {
  let server: FakeTelegram;
  let tmp: TmpDb;
  let log: LogCapture;
  let running: TelegramPolling[];
  /** Lets the killed bot's core return (nothing), so its process can be stopped at the end. */
  let release: () => void;
  let killed: Promise<void>[];
  const stuck: ChatHandler = () => new Promise((resolve) => (release = () => resolve([])));

  /** Starts a bot process on the test database, with the inbox unless told otherwise. */
  async function startBot(handle: ChatHandler, withInbox = true): Promise<TelegramPolling> {
    const bot = createTelegramBot({ token: TOKEN, apiRoot: server.apiRoot, handle, log });
    const polling = await startTelegramPolling(bot, withInbox ? { inbox: createInboxRepo(tmp.open().db), log } : {});
    running.push(polling);
    return polling;
  }

  /** Sends the question to a first bot that never answers it, waits until Telegram counts it delivered, then kills that bot. */
  async function killWhileAnswering(withInbox = true): Promise<number> {
    const first = await startBot(stuck, withInbox);
    const updateId = server.sendText(LAN.id, QUESTION);
    await vi.waitFor(() => expect(server.isPending(updateId)).toBe(false), WAIT);
    killed.push(first.stop());
    running.splice(running.indexOf(first), 1);
    return updateId;
  }

  /** What the bots sent Lan (the killed one sends nothing: its core never answers). */
  const sent = () => server.events(LAN.id).flatMap((e) => (e.type === 'send' ? [e.text] : []));

  beforeEach(async () => {
    server = await startFakeTelegram({ token: TOKEN });
    server.addUser(LAN);
    tmp = createTmpDb();
    log = captureLog();
    running = [];
    killed = [];
    release = () => undefined;
  });
  afterEach(async () => {
    release();
    await Promise.all([...killed, ...running.map((p) => p.stop())]);
    await server.stop();
    tmp.cleanup();
  });

  it('keeps a fetched update before Telegram counts it delivered, and marks it done once answered', async () => {
    await killWhileAnswering();
    expect(tmp.rows('inbox')).toMatchObject([
      { channel: 'telegram', update_id: expect.any(String), done_at: null, replays: 0 },
    ]);
    expect(JSON.parse((tmp.rows('inbox')[0] as { body: string }).body)).toMatchObject({ message: { text: QUESTION } });
  });

  it('answers, after a restart, the update whose answer died with the killed process, once', async () => {
    const updateId = await killWhileAnswering();
    await startBot(answering);
    await vi.waitFor(() => expect(sent()).toHaveLength(1), WAIT);

    server.sendText(LAN.id, 'còn đó không?');
    await vi.waitFor(() => expect(sent()).toHaveLength(2), WAIT);
    expect(sent()).toEqual([`Đã nhận: ${QUESTION}`, 'Đã nhận: còn đó không?']);
    // Done is marked once the handling is over, just after the last message went out.
    const rows = [
      { update_id: String(updateId), body: null, replays: 1, done_at: expect.any(String) },
      { body: null, replays: 0, done_at: expect.any(String) },
    ];
    await vi.waitFor(() => expect(tmp.rows('inbox')).toMatchObject(rows), WAIT);
    expect(
      log.lines.find((l) => l.msg === 'telegram: update left unhandled by a previous process, handling it now'),
    ).toMatchObject({
      level: 'info',
      fields: { updateId: String(updateId) },
    });
  });

  it('answers once an update both left in the inbox and delivered again by Telegram', async () => {
    const updateId = await killWhileAnswering();
    server.redeliver(updateId);
    await startBot(answering);
    await vi.waitFor(() => expect(server.isPending(updateId)).toBe(false), WAIT);

    server.sendText(LAN.id, 'còn đó không?');
    await vi.waitFor(() => expect(sent()).toHaveLength(2), WAIT);
    expect(sent()).toEqual([`Đã nhận: ${QUESTION}`, 'Đã nhận: còn đó không?']);
  });

  it('does not answer again an update Telegram delivers again after it was answered', async () => {
    await startBot(answering);
    const updateId = server.sendText(LAN.id, QUESTION);
    await vi.waitFor(() => expect(tmp.rows('inbox')).toMatchObject([{ done_at: expect.any(String) }]), WAIT);
    server.redeliver(updateId);

    server.sendText(LAN.id, 'còn đó không?');
    await vi.waitFor(() => expect(sent()).toHaveLength(2), WAIT);
    expect(sent()).toEqual([`Đã nhận: ${QUESTION}`, 'Đã nhận: còn đó không?']);
    expect(log.lines.find((l) => l.msg === 'telegram: update delivered again, already handled')).toMatchObject({
      fields: { updateIds: [String(updateId)] },
    });
  });

  it('without an inbox, loses the update the killed process held (what the inbox is for)', async () => {
    await killWhileAnswering(false);
    await startBot(answering, false);
    server.sendText(LAN.id, 'còn đó không?');
    await vi.waitFor(() => expect(sent()).toHaveLength(1), WAIT);
    expect(sent()).toEqual(['Đã nhận: còn đó không?']);
  });
});
