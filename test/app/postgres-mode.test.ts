import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useAppDb, useTelegramApp, type AppProcess } from '../support/app-process.js';
import { addDayInvite } from '../support/day-invite.js';
import type { TestUser } from '../support/telegram-server.js';
import { createPgTestDb, PG_ABSENT, pgReachable, type PgTestDb } from '../support/pg-db.js';

const UNIT = 'Phòng Văn hóa - Xã hội';
const QUESTION = 'Ai chủ trì nhiệm vụ 4 của phường Nhị Chiểu?';

/** Two starts of the assistant as processes (tsx compiles at each): more than one start's worth of time on a busy machine. */
const TWO_STARTS_MS = 90_000;

/**
 * The Telegram scenario of the polling test with DATABASE_URL set: the assistant runs on PostgreSQL, and its
 * DATABASE_PATH folder never gets a SQLite file (only the start-up cache of the plans).
 */
describe.runIf(pgReachable)('the assistant on PostgreSQL (DATABASE_URL)', () => {
  let pgDb: PgTestDb;
  beforeAll(async () => {
    pgDb = await createPgTestDb();
  });
  afterAll(async () => pgDb?.drop());
  const db = useAppDb();
  const telegram = useTelegramApp(db);
  const start = () => telegram.start({ DATABASE_URL: pgDb.url });

  async function invite(code: string, role: 'officer' | 'leader', unit: string | null): Promise<void> {
    await addDayInvite((await pgDb.open()).invites, { code, role, unit });
  }

  /**
   * The bot's answer to `text`, past the reminders the scheduler sends at start (owed, on PostgreSQL too) and, after
   * a kill, the reply to the update Telegram hands out again when the killed process had not confirmed it (stored
   * before, so the bot says so).
   */
  async function answer(user: TestUser, text: string): Promise<string> {
    await user.send(text);
    for (;;) {
      const [reply] = await user.replies(1);
      if (!/^(⏰|📅|Cập nhật này đã được lưu trước đó)/u.test(reply!.text)) return reply!.text;
    }
  }

  async function stop(app: AppProcess): Promise<void> {
    app.child.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
  }

  it(
    'asks, registers, updates, survives kill -9, refuses bad input, and keeps everything in PostgreSQL only',
    async () => {
      await invite('LAN-PG', 'officer', UNIT);
      const first = await start();
      const server = telegram.server();
      const lan = server.user({ userId: 1001, firstName: 'Lan' });
      const stranger = server.user({ userId: 77, firstName: 'Khách' });

      expect(await answer(stranger, QUESTION)).toContain('Chủ trì: Phòng Văn hóa - Xã hội.');
      expect(await answer(lan, '/start LAN-PG')).toMatch(
        /^Chào Lan! Bạn đã đăng ký là chuyên viên Phòng Văn hóa - Xã hội/,
      );
      expect(await answer(lan, '/capnhat 4 đang thực hiện 70% đã trình ký')).toMatch(
        /^Đã lưu cập nhật:\n• Nhiệm vụ 4 /,
      );

      first.child.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      const second = await start();
      expect(await answer(lan, '/capnhat 4 đang thực hiện 150%')).toMatch(/từ 0% đến 100%/);
      expect(await answer(lan, '/capnhat 999 xong')).toMatch(/999/);
      expect(await answer(lan, 'x'.repeat(10_000))).toMatch(/\S/);
      expect(await answer(lan, '/tiendo 4')).toContain('70%');
      await stop(second);

      expect(await pgDb.rows('users')).toMatchObject([{ key: 'tg:1001', role: 'officer', unit: UNIT, active: 1 }]);
      expect(await pgDb.rows('updates')).toMatchObject([
        { plan: 'nhi-chieu', task: '4', status: 'in_progress', percent: 70, note: 'đã trình ký', user_key: 'tg:1001' },
      ]);
      expect(readdirSync(dirname(db().path)).filter((name) => !name.endsWith('knowledge-cache'))).toEqual([]);
      expect(second.stdout()).not.toContain('postgres://');
    },
    TWO_STARTS_MS,
  );
});

describe.skipIf(pgReachable)(`the assistant on PostgreSQL ${PG_ABSENT}`, () => {
  it.skip('needs a PostgreSQL server', () => undefined);
});
