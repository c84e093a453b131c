import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROCESS_OWNER } from '../../../src/channels/index.js';
import { startZaloBot } from '../../../src/channels/zalo/index.js';
import { createDeliveryRepo, DELIVERY_LEASE_MS } from '../../../src/store/index.js';
import { createChatHarness, type ChatHarness } from '../../support/chat-harness.js';
import { startFakeZaloServer, type FakeZaloServer } from '../../support/fake-zalo-server.js';
import type { Log } from '../../../src/channels/index.js';

const TOKEN = '5550001112:zalo-redelivery-token';
const LAN = { id: 'zl-user-lan', name: 'Lan' };
const HANDLED = 'zalo: update handled';
const AGAIN = 'zalo: message delivered again, already answered';

/**
 * Zalo handing the same message out twice (a webhook retried, long polling after a crash), end to end: the real chat
 * core on SQLite behind the bot, long-polling the local fake Zalo Bot API, with the store's delivery log.
 */
describe('a Zalo message delivered again', () => {
  let h: ChatHarness;
  let server: FakeZaloServer;
  let deliveries: ReturnType<typeof createDeliveryRepo>;
  let stop: () => Promise<void>;
  /** Log lines as [message, messageId], and waiters for one. */
  let lines: Array<[string, string]>;
  let waiters: Array<{ line: string; resolve: () => void }>;
  const log: Log = (_level, msg, data) => {
    const line = `${msg}|${String(data?.messageId)}`;
    lines.push([msg, String(data?.messageId)]);
    for (const w of waiters.filter((x) => x.line === line)) w.resolve();
  };
  const logged = (msg: string, messageId: string) =>
    lines.some(([m, id]) => m === msg && id === messageId)
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ line: `${msg}|${messageId}`, resolve }));

  /** Queues the update, waits until the bot logged `msg` for it, and returns the texts sent meanwhile. */
  async function deliver(update: { message: { message_id: string } }, msg = HANDLED): Promise<string[]> {
    const before = server.sent.length;
    const done = logged(msg, update.message.message_id);
    server.enqueue(update);
    await done;
    return server.sent.slice(before).map((m) => m.text ?? '');
  }

  beforeEach(async () => {
    lines = [];
    waiters = [];
    h = createChatHarness();
    deliveries = createDeliveryRepo(h.store().db);
    server = await startFakeZaloServer({ token: TOKEN });
    const bot = await startZaloBot({
      token: TOKEN,
      apiRoot: server.url,
      handle: (m) => h.chat()(m),
      log,
      pollTimeoutSeconds: 5,
      deliveries,
    });
    stop = bot.stop;
  });
  afterEach(async () => {
    await stop();
    await server.close();
    h.cleanup();
  });

  /** Sends a text as Lan (queued at once) and returns the update, to deliver again. */
  const textUpdate = (text: string) => server.sendText(LAN, text);

  it('answers a question once', async () => {
    const update = textUpdate('Nhiệm vụ 4 của phường Nhị Chiểu do ai chủ trì?');
    await logged(HANDLED, update.message.message_id);
    expect(await deliver(update, AGAIN)).toEqual([]);
    expect(server.sent.filter((m) => m.chat_id === LAN.id)).toHaveLength(1);
    expect(h.db.rows('inbox')).toMatchObject([
      { channel: 'zalo', update_id: update.message.message_id, owner: PROCESS_OWNER, attempts: 1 },
    ]);
  });

  it('stores a progress update once and confirms it once', async () => {
    const code = await h.invite({ plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội', role: 'officer' });
    await logged(HANDLED, textUpdate(`/start ${code}`).message.message_id);
    const update = textUpdate('/capnhat 4 hoàn thành đã ban hành Công văn 15/CV-VHXH');
    await logged(HANDLED, update.message.message_id);
    expect(await deliver(update, AGAIN)).toEqual([]);
    expect(server.sent.map((m) => m.text)).toEqual([
      expect.stringMatching(/^Chào Lan!/),
      expect.stringMatching(/^Đã lưu cập nhật:/),
    ]);
    expect(h.db.rows('updates')).toEqual([
      expect.objectContaining({ task: '4', status: 'done', user_key: `zl:${LAN.id}`, channel: 'zalo' }),
    ]);
  });

  it('answers a message whose claim a killed process left once the lease has passed, then only once', async () => {
    const message = {
      message_id: 'in-killed',
      from: { id: LAN.id },
      chat: { id: LAN.id, chat_type: 'PRIVATE' },
      date: Date.now(),
      text: '/trogiup',
    };
    const update = { event_name: 'message.text.received', message };
    await deliveries.claim('zalo', 'in-killed', 'killed-process', new Date(Date.now() - DELIVERY_LEASE_MS));
    expect(await deliver(update)).toEqual([expect.stringMatching(/\/capnhat/)]);
    expect(await deliver(update, AGAIN)).toEqual([]);
    expect(h.db.rows('inbox')).toMatchObject([
      { update_id: 'in-killed', owner: PROCESS_OWNER, attempts: 2, done_at: expect.any(String) },
    ]);
  });
});
