import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/tasks/index.js';
import {
  dailyCronDueMinutesAgo,
  killLeftovers,
  startApp,
  useAppDb,
  useTelegramApp,
  type AppProcess,
} from '../support/app-process.js';
import { startFakeZaloServer, type FakeZaloServer } from '../support/fake-zalo-server.js';
import type { TelegramTestServer } from '../support/telegram-server.js';

const QUESTION = 'Ai chủ trì nhiệm vụ 4 của phường Nhị Chiểu?';
const ANSWER =
  'Nhiệm vụ 4 – phường Nhị Chiểu: Ban hành văn bản về việc thực hiện kỷ luật, kỷ cương chấp hành thời gian làm việc trong…\n' +
  'Chủ trì: Phòng Văn hóa - Xã hội.\n' +
  'Nguồn: Kế hoạch 158/KH-UBND phường Nhị Chiểu, Phụ lục, nhiệm vụ 4.';
const UNIT = 'Phòng Văn hóa - Xã hội';

const db = useAppDb();
/** Three starts of the assistant as processes (tsx compiles at each): more than one start's worth of time on a busy machine. */
const THREE_STARTS_MS = 90_000;

/** Writes one-time invites into the database before the process starts, as an admin would with the CLI. */
async function createInvites(invites: Array<{ code: string; role: Role; unit?: string }>): Promise<void> {
  const store = db().open();
  const now = new Date();
  for (const i of invites) {
    const expiresAt = new Date(now.getTime() + 86_400_000);
    await store.invites.create({
      code: i.code,
      plan: 'nhi-chieu',
      unit: i.unit ?? null,
      role: i.role,
      createdAt: now,
      expiresAt,
      usedAt: null,
      usedBy: null,
    });
  }
  store.close();
}

/** Texts the bot delivered to one chat of the server, in order. */
const textsOn = (server: TelegramTestServer, chatId: number) => server.messagesTo(chatId).map((m) => m.text);

async function stop(app: AppProcess): Promise<void> {
  app.child.kill('SIGTERM');
  expect(await app.exited).toEqual({ code: 0, signal: null });
}

describe('the assistant polling Telegram', () => {
  const telegram = useTelegramApp(db);
  const start = (digestCron = '30 7 * * 1-5') => telegram.start({ DIGEST_CRON: digestCron });
  let server: TelegramTestServer;
  beforeEach(() => {
    server = telegram.server();
  });

  it('registers a user with /start CODE, answers a question with its source, stores an update and confirms it', async () => {
    await createInvites([{ code: 'LAN-226', role: 'officer', unit: UNIT }]);
    const app = await start();
    const lan = server.user({ userId: 1001, firstName: 'Lan' });

    await lan.send('/start LAN-226');
    expect((await lan.replies(1))[0]!.text).toBe(
      `Chào Lan! Bạn đã đăng ký là chuyên viên ${UNIT}, Kế hoạch 158/KH-UBND.\n` +
        'Ví dụ: /capnhat 1 hoàn thành đã ban hành Công văn số 15/CV-VP\nXem việc của đơn vị: /viec · Trợ giúp: /trogiup',
    );
    await lan.send(QUESTION);
    expect((await lan.replies(1))[0]!.text).toBe(ANSWER);
    await lan.send('/capnhat 4 đang thực hiện 70% đã trình ký');
    expect((await lan.replies(1))[0]!.text).toMatch(
      /^Đã lưu cập nhật:\n• Nhiệm vụ 4 \(Kế hoạch 158\/KH-UBND\)\n• Trạng thái: Đang thực hiện 70%\n• Ghi chú: đã trình ký\n/,
    );
    await stop(app);

    expect(db().rows('users')).toMatchObject([
      { key: 'tg:1001', name: 'Lan', role: 'officer', plan: 'nhi-chieu', unit: UNIT, active: 1 },
    ]);
    expect(db().rows('invites')).toMatchObject([{ code: 'LAN-226', used_by: 'tg:1001' }]);
    expect(db().rows('updates')).toMatchObject([
      {
        plan: 'nhi-chieu',
        task: '4',
        status: 'in_progress',
        percent: 70,
        note: 'đã trình ký',
        user_key: 'tg:1001',
        channel: 'telegram',
      },
    ]);
    expect(app.stdout()).not.toContain(server.token);
  });

  it(
    'sends the digest that fell due to a leader once, at the next start, and not again after another restart',
    async () => {
      await createInvites([
        { code: 'LANH-226', role: 'leader' },
        { code: 'LAN-226', role: 'officer', unit: UNIT },
      ]);
      const cron = dailyCronDueMinutesAgo(2);
      const first = await start(cron);
      const leader = server.user({ userId: 42, firstName: 'Lãnh' });
      const lan = server.user({ userId: 1001, firstName: 'Lan' });
      await leader.send('/start LANH-226');
      await lan.send('/start LAN-226');
      await Promise.all([leader.replies(1), lan.replies(1)]);
      await lan.send('/capnhat 4 hoàn thành đã ban hành Công văn 15');
      await lan.replies(1);
      await stop(first);
      expect(textsOn(server, 42).filter((t) => t.startsWith('📋'))).toEqual([]);

      const second = await start(cron);
      await server.waitForCalls('sendPhoto');
      await stop(second);
      const third = await start(cron);
      await leader.send(QUESTION);
      await third.waitForLog('telegram: update handled');
      await stop(third);

      const digests = textsOn(server, 42).filter((t) => t.startsWith('📋'));
      expect(digests).toHaveLength(1);
      expect(digests[0]).toMatch(/^📋 Kế hoạch 158\/KH-UBND — tổng hợp ngày \d\d\/\d\d\/\d{4} \(gửi bù\)\n/);
      expect(digests[0]).toContain('📝 Cập nhật mới:');
      expect(server.messagesTo(42).filter((m) => m.file?.method === 'sendPhoto')).toHaveLength(1);
      expect(
        db()
          .rows('notifications')
          .filter((n) => (n as { kind: string }).kind.startsWith('digest')),
      ).toMatchObject([
        { kind: 'digest', recipient: 'tg:42', plan: 'nhi-chieu', state: 'sent', attempts: 1 },
        { kind: 'digest_chart', recipient: 'tg:42', plan: 'nhi-chieu', state: 'sent', attempts: 1 },
      ]);
    },
    THREE_STARTS_MS,
  );
});

describe('the assistant polling Zalo', () => {
  const TOKEN = '5550001112:zalo-app-token';
  let zalo: FakeZaloServer;
  beforeEach(async () => {
    zalo = await startFakeZaloServer({ token: TOKEN });
  });
  afterEach(async () => {
    await killLeftovers();
    await zalo.close();
  });

  it('answers a question with its source, then stops on SIGTERM', async () => {
    const app = startApp({
      DATABASE_PATH: db().path,
      ZALO_BOT_TOKEN: TOKEN,
      ZALO_API_ROOT: zalo.url,
      LOG_LEVEL: 'info',
    });
    await app.waitForLog('start: ready');
    zalo.sendText({ id: 'zl-user-1', name: 'Lan' }, QUESTION);
    const [answer] = await zalo.waitForSent(1);
    // The answer is logged and may be rated: a bare "1" or "2" next is its rating.
    expect(answer).toEqual({
      method: 'sendMessage',
      chat_id: 'zl-user-1',
      text: `${ANSWER}\n(Gõ 1 nếu hữu ích, 2 nếu chưa đúng)`,
    });
    await stop(app);
    expect(app.stdout()).not.toContain(TOKEN);
  });
});
