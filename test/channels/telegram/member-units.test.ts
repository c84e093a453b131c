import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TelegramPolling } from '../../../src/channels/telegram/index.js';
import { pollWithHarness } from '../../support/telegram-polling.js';
import { run as invite } from '../../../src/cli/commands/invite.js';
import { run as units } from '../../../src/cli/commands/units.js';
import { createChatHarness, type ChatHarness } from '../../support/chat-harness.js';
import { captureConsole } from '../../support/cli-run.js';
import { startTelegramServer, type TelegramTestServer } from '../../support/telegram-server.js';

let server: TelegramTestServer;
let harness: ChatHarness;
let polling: TelegramPolling;

beforeEach(async () => {
  server = await startTelegramServer();
  harness = createChatHarness();
  polling = await pollWithHarness(server, () => harness);
});
afterEach(async () => {
  await polling.stop();
  await server.stop();
  harness.cleanup();
});

/** Runs a CLI command on the harness's database; returns what it printed. */
async function cli(run: (args: string[]) => Promise<number>, args: string[]): Promise<string[]> {
  const io = captureConsole();
  try {
    expect(await run([...args, '--db', harness.db.path])).toBe(0);
    return io.out;
  } finally {
    vi.restoreAllMocks();
  }
}

describe('a province set-up over Telegram: communes declared, their officers report their share', () => {
  it('declares the communes from a file, registers a commune officer, takes its share and shows every member', async () => {
    const file = join(harness.db.dir, 'xa-phuong.txt');
    writeFileSync(file, 'UBND xã Tân Chi\nUBND xã Đại Lai\nUBND phường Hương Sơ\n');
    expect(await cli(units, ['add', '--plan', 'hue', '--group', 'UBND cac xa, phuong', '--file', file])).toEqual([
      'added 3 to "UBND các xã, phường" (hue): UBND xã Tân Chi, UBND xã Đại Lai, UBND phường Hương Sơ',
    ]);
    const printed = await cli(invite, ['--plan', 'hue', '--unit', 'UBND xa Tan Chi', '--role', 'officer']);
    const code = /^code (\w+) \(officer, UBND xã Tân Chi, hue\)/.exec(printed[0]!)![1]!;

    const lan = server.user({ userId: 2001, firstName: 'Lan' });
    await lan.send(`/start ${code}`);
    expect((await lan.replies(1))[0]!.text).toMatch(
      /^Chào Lan! Bạn đã đăng ký là chuyên viên UBND xã Tân Chi, Kế hoạch 263\/KH-UBND\./,
    );

    await lan.send('/capnhat 1 đang thực hiện 50% đã dự thảo kế hoạch của xã');
    expect((await lan.replies(1))[0]!.text).toContain(
      '• Phần việc của: UBND xã Tân Chi\n• Trạng thái: Đang thực hiện 50%',
    );
    await lan.send('/capnhat IV.1.a hoàn thành đã ban hành Kế hoạch 5/KH-UBND');
    expect((await lan.replies(1))[0]!.text).toContain('• Phần việc của: UBND xã Tân Chi\n• Trạng thái: Hoàn thành');

    await lan.send('/tiendo IV.1.a');
    expect((await lan.replies(1))[0]!.text).toContain(
      [
        'Theo đơn vị (1/4 đơn vị hoàn thành):',
        '• Các sở, ban, ngành: chưa báo cáo (quá hạn 1 ngày)',
        '• UBND xã Tân Chi: hoàn thành',
        '• UBND xã Đại Lai: chưa báo cáo (quá hạn 1 ngày)',
        '• UBND phường Hương Sơ: chưa báo cáo (quá hạn 1 ngày)',
      ].join('\n'),
    );
    expect(harness.db.rows('updates')).toMatchObject([
      { task: '1', unit: 'UBND xã Tân Chi', user_key: 'tg:2001' },
      { task: 'IV.1.a', unit: 'UBND xã Tân Chi', user_key: 'tg:2001' },
    ]);

    const leaderCode = await harness.invite({ plan: 'hue', role: 'leader' });
    const chu = server.user({ userId: 2002, firstName: 'Hùng' });
    await chu.send(`/start ${leaderCode}`);
    await chu.replies(1);
    await chu.send('/digest');
    await server.waitForCalls('sendPhoto', 1);
    const digest = server
      .messagesTo(2002)
      .slice(1)
      .map((m) => m.text)
      .join('\n');
    expect(digest).toContain('trễ 1 ngày, 0/4 đơn vị hoàn thành, chưa xong: Các sở, ban, ngành, UBND xã Tân Chi');
    expect(digest).toContain('🏢 Theo đơn vị (cần đôn đốc trước):');
    expect(digest).toMatch(/• UBND xã Đại Lai: 2 quá hạn, \d+ chưa báo cáo/);
    expect(digest).toMatch(/• UBND xã Tân Chi: 1 quá hạn, \d+ chưa báo cáo, 1 hoàn thành/);
    expect(server.messagesTo(2002).at(-1)!.file).toMatchObject({ method: 'sendPhoto' });
  });
});
