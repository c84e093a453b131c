import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatHandler } from '../../../src/chat/index.js';
import { createZaloWebhookBot, startZaloBot } from '../../../src/channels/zalo/index.js';
import { createInboxRepo } from '../../../src/store/index.js';
import { startFakeZaloServer, type FakeZaloServer } from '../../support/fake-zalo-server.js';
import { createTmpDb, type TmpDb } from '../../support/tmp-db.js';
import type { Log } from '../../../src/channels/index.js';

const TOKEN = '5550001113:zalo-inbox-token';
const SECRET = 'webhook-secret-0123456789';
const LAN = { id: 'zl-user-lan', name: 'Lan' };
const QUESTION = 'Nhiệm vụ 4 do ai chủ trì?';
const WAIT = { timeout: 10_000, interval: 5 };

const answering: ChatHandler = async (message) => [{ text: `Đã nhận: ${message.text}` }];

/**
 * A Zalo bot process killed while answering, end to end against the local fake Zalo Bot API (getUpdates hands an
 * update out once: there is no offset to confirm). The first bot's core never answers, its polling is stopped without
 * waiting for it (what a SIGKILL leaves), and a second bot starts on the same SQLite file.
 */
describe('the Zalo bot with an inbox', () => {
  let server: FakeZaloServer;
  let tmp: TmpDb;
  let logs: Array<{ msg: string; data?: Record<string, unknown> }>;
  let stops: Array<() => Promise<void>>;
  let killed: Promise<void>[];
  /** Lets the killed bot's core return (nothing), so its process can be stopped at the end. */
  let release: () => void;
  /** The inbox rows when the killed bot's core got the question. */
  let rowsWhenHandled: unknown[] | undefined;
  const log: Log = (_level, msg, data) => void logs.push({ msg, data });
  const stuck: ChatHandler = () => {
    rowsWhenHandled = tmp.rows('inbox');
    return new Promise((resolve) => (release = () => resolve([])));
  };

  async function startBot(handle: ChatHandler, withInbox = true) {
    const inbox = withInbox ? createInboxRepo(tmp.open().db) : undefined;
    const bot = await startZaloBot({ token: TOKEN, apiRoot: server.url, handle, log, pollTimeoutSeconds: 5, inbox });
    stops.push(bot.stop);
    return bot;
  }

  /** Sends the question to a first bot that never answers it, then kills that bot. */
  async function killWhileAnswering(withInbox = true) {
    const first = await startBot(stuck, withInbox);
    const update = server.sendText(LAN, QUESTION);
    await vi.waitFor(() => expect(server.actions).toHaveLength(1), WAIT);
    killed.push(first.stop());
    stops.splice(stops.indexOf(first.stop), 1);
    return update;
  }

  const sent = () => server.sent.map((m) => m.text);

  beforeEach(async () => {
    server = await startFakeZaloServer({ token: TOKEN });
    tmp = createTmpDb();
    logs = [];
    stops = [];
    killed = [];
    release = () => undefined;
    rowsWhenHandled = undefined;
  });
  afterEach(async () => {
    release();
    await Promise.all([...killed, ...stops.map((stop) => stop())]);
    await server.close();
    tmp.cleanup();
  });

  it('keeps an update as getUpdates returns it, before answering it', async () => {
    const update = await killWhileAnswering();
    expect(rowsWhenHandled).toMatchObject([
      { channel: 'zalo', update_id: update.message.message_id, done_at: null, replays: 0 },
    ]);
    expect(JSON.parse((tmp.rows('inbox')[0] as { body: string }).body)).toEqual(update);
  });

  it('answers, after a restart, the update whose answer died with the killed process, once', async () => {
    const update = await killWhileAnswering();
    await startBot(answering);
    await vi.waitFor(() => expect(sent()).toEqual([`Đã nhận: ${QUESTION}`]), WAIT);
    await vi.waitFor(
      () =>
        expect(tmp.rows('inbox')).toMatchObject([
          { update_id: update.message.message_id, body: null, replays: 1, done_at: expect.any(String) },
        ]),
      WAIT,
    );
    expect(
      logs.find((l) => l.msg === 'zalo: update left unhandled by a previous process, handling it now')?.data,
    ).toEqual({ updateId: update.message.message_id });

    // Zalo handing it out again later: dropped, and the next message is answered as usual.
    server.enqueue(update);
    server.sendText(LAN, 'còn đó không?');
    await vi.waitFor(() => expect(sent()).toHaveLength(2), WAIT);
    expect(sent()).toEqual([`Đã nhận: ${QUESTION}`, 'Đã nhận: còn đó không?']);
    expect(logs.find((l) => l.msg === 'zalo: update delivered again, already handled')?.data).toEqual({
      updateIds: [update.message.message_id],
    });
  });

  it('without an inbox, loses the update the killed process held (what the inbox is for)', async () => {
    await killWhileAnswering(false);
    await startBot(answering, false);
    server.sendText(LAN, 'còn đó không?');
    await vi.waitFor(() => expect(sent()).toHaveLength(1), WAIT);
    expect(sent()).toEqual(['Đã nhận: còn đó không?']);
  });

  it('in webhook mode, keeps the update before acknowledging it, and answers it after a restart', async () => {
    const message = {
      message_id: 'in-webhook-1',
      from: { id: LAN.id, display_name: LAN.name },
      chat: { id: LAN.id, chat_type: 'PRIVATE' },
      date: Date.now(),
      text: QUESTION,
    };
    const update = { event_name: 'message.text.received', message };
    const first = createZaloWebhookBot({
      token: TOKEN,
      apiRoot: server.url,
      secretToken: SECRET,
      log,
      handle: stuck,
      inbox: createInboxRepo(tmp.open().db),
    });
    expect((await first.handleRequest({ 'x-bot-api-secret-token': SECRET }, JSON.stringify(update))).status).toBe(200);
    expect(tmp.rows('inbox')).toMatchObject([{ update_id: update.message.message_id, done_at: null }]);
    killed.push(first.settled());

    const second = createZaloWebhookBot({
      token: TOKEN,
      apiRoot: server.url,
      secretToken: SECRET,
      log,
      handle: answering,
      inbox: createInboxRepo(tmp.open().db),
    });
    await second.settled();
    expect(sent()).toEqual([`Đã nhận: ${QUESTION}`]);
    expect(tmp.rows('inbox')).toMatchObject([{ update_id: update.message.message_id, done_at: expect.any(String) }]);
  });
});
