import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTelegramBot,
  sendTelegramReplies,
  startTelegramPolling,
  type TelegramPolling,
} from '../../src/channels/telegram/index.js';
import { startZaloBot } from '../../src/channels/zalo/index.js';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';
import { startFakeZaloServer, type FakeZaloServer } from '../support/fake-zalo-server.js';
import {
  captureLog,
  startTelegramServer,
  type RecordedCall,
  type TelegramTestServer,
} from '../support/telegram-server.js';
import { xlsxRows } from '../support/xlsx-rows.js';
import { schedulerOver } from '../support/over-harness.js';

/** The bytes of the file a multipart Bot API call uploaded. */
function uploadedFile(call: RecordedCall): Buffer {
  const boundary = `--${/boundary=([^;]+)/.exec(call.contentType)![1]}`;
  const raw = call.raw;
  const nameAt = raw.indexOf('filename=');
  const start = raw.indexOf('\r\n\r\n', nameAt) + 4;
  return raw.subarray(start, raw.indexOf(`\r\n${boundary}`, start));
}

let h: ChatHarness;
beforeEach(() => {
  h = createChatHarness();
});
afterEach(() => h.cleanup());

describe('digest and report on Telegram, end to end', () => {
  let server: TelegramTestServer;
  let polling: TelegramPolling;
  beforeEach(async () => {
    server = await startTelegramServer();
  });
  afterEach(async () => {
    await polling.stop();
    await server.stop();
  });

  it('pushes the digest with its chart to a leader, and answers /baocao nam with an .xlsx read back row by row', async () => {
    const bot = createTelegramBot({
      token: server.token,
      apiRoot: server.apiRoot,
      handle: (m) => h.chat()(m),
      log: captureLog(),
    });
    polling = await startTelegramPolling(bot);
    const leader = server.user({ userId: 42, firstName: 'Lãnh' });
    await leader.send(`/start ${await h.invite({ plan: 'nhi-chieu', role: 'leader' })}`);
    await leader.replies(1);

    const scheduler = schedulerOver(
      () => h,
      async (userKey, reply) => void (await sendTelegramReplies(bot, userKey.replace(/^tg:/, ''), [reply])),
    );
    await scheduler.catchUp();
    const [text, chart] = await leader.replies(2);
    expect(text!.text.split('\n')[0]).toBe('📋 Kế hoạch 158/KH-UBND — tổng hợp ngày 01/06/2026 (gửi bù)');
    expect(chart).toMatchObject({
      text: 'Kế hoạch 158/KH-UBND: tiến độ theo đơn vị (01/06/2026)',
      file: { method: 'sendPhoto', fileName: 'tien-do-nhi-chieu-2026-06-01.png' },
    });
    await scheduler.catchUp();

    await leader.send('/baocao nam');
    const [doc] = await leader.replies(1);
    expect(doc).toMatchObject({
      text: 'Báo cáo kết quả thực hiện Kế hoạch 158/KH-UBND, năm 2026.',
      file: { method: 'sendDocument', fileName: 'bao-cao-nhi-chieu-2026.xlsx' },
    });
    const rows = await xlsxRows(uploadedFile((await server.waitForCalls('sendDocument'))[0]!));
    const tasks = h.plans.find((p) => p.id === 'nhi-chieu')!.tasks;
    const header = rows.findIndex((r) => r[0] === 'STT');
    expect(rows[0]).toEqual(['BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 158/KH-UBND']);
    expect(rows.slice(header + 1, header + 1 + tasks.length).map((r) => [r[0], r[1], r[2], r[3]])).toEqual(
      tasks.map((t) => [t.no, t.content, t.lead.map((a) => a.name).join('; '), t.deadline.raw]),
    );
    expect(server.calls('sendMessage').filter((c) => c.body.includes('📋'))).toHaveLength(1);
  });
});

describe('digest on Zalo, end to end', () => {
  let server: FakeZaloServer;
  let stop: () => Promise<void>;
  const TOKEN = '5550001112:zalo-digest-token';
  afterEach(async () => {
    await stop();
    await server.close();
  });

  it('pushes the digest to a leader as text alone (no public address: the chart and its caption are left out)', async () => {
    server = await startFakeZaloServer({ token: TOKEN });
    const bot = await startZaloBot({
      token: TOKEN,
      apiRoot: server.url,
      handle: (m) => h.chat()(m),
      log: () => {},
      pollTimeoutSeconds: 5,
    });
    stop = bot.stop;
    const code = await h.invite({ plan: 'nhi-chieu', role: 'leader' });
    await h.send({ id: 'zl-lanh', name: 'Lãnh', channel: 'zalo' }, `/start ${code}`);
    const scheduler = schedulerOver(
      () => h,
      async (userKey, reply) => {
        // As main's send router: a picture left out on purpose is no failure, a text that did not go out is.
        if ((await bot.send(userKey.replace(/^zl:/, ''), [reply])) === 0 && !reply.file && reply.text !== '')
          throw new Error('zalo: nothing sent');
      },
    );
    await scheduler.catchUp();
    const digests = server.sent.filter((m) => m.chat_id === 'zl-lanh');
    expect(digests.map((m) => [m.method, m.text?.split('\n')[0]])).toEqual([
      ['sendMessage', '📋 Kế hoạch 158/KH-UBND — tổng hợp ngày 01/06/2026 (gửi bù)'],
    ]);
  });
});
