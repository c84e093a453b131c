import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/commands/invite.js';
import { createChatHarness } from '../support/chat-harness.js';
import { useCliOnTmpDb } from '../support/cli-run.js';

const NOW = new Date('2026-06-01T02:00:00Z');
const DAY = 86_400_000;
const VHXH = 'Phòng Văn hóa - Xã hội';
const USAGE =
  'usage: npm run cli -- invite --plan ID [--unit "NAME"] --role officer|leader|admin [--expires 7d|12h] [--db FILE] [--knowledge DIR]';
// Codes avoid 0/O and 1/I/L, which are misread off a screen.
const CODE_LINE = /^code ([A-HJKMNP-Z2-9]{8}) \((.+)\), valid until (\S+)$/;

const t = useCliOnTmpDb();
beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => void vi.useRealTimers());

/** Runs `invite` on the database at `path` and returns the printed code. */
async function invite(args: string[], path = t.db.path): Promise<string> {
  expect(await run([...args, '--db', path])).toBe(0);
  const code = CODE_LINE.exec(t.io.out[0] ?? '')?.[1];
  expect(t.io.out[1]).toBe(`the person sends to the bot: /start ${code}`);
  expect(t.io.err).toEqual([]);
  return code!;
}

describe('cli invite', () => {
  it('prints a code for an officer of a unit typed loosely, stored with the canonical unit', async () => {
    const code = await invite(['--plan', 'nhi-chieu', '--unit', 'Phòng VHXH', '--role', 'officer']);
    expect(t.io.out[0]).toBe(`code ${code} (officer, ${VHXH}, nhi-chieu), valid until 2026-06-08T02:00:00.000Z`);
    expect(t.db.rows('invites')).toEqual([
      {
        code,
        plan: 'nhi-chieu',
        unit: VHXH,
        role: 'officer',
        created_at: '2026-06-01T02:00:00.000Z',
        expires_at: '2026-06-08T02:00:00.000Z',
        used_at: null,
        used_by: null,
      },
    ]);
  });

  it.each([
    [
      ['--plan', 'nhi-chieu', '--unit', 'Phong van hoa xa hoi', '--role', 'officer'],
      `officer, ${VHXH}, nhi-chieu`,
      { plan: 'nhi-chieu', unit: VHXH },
      7 * DAY,
    ],
    [
      ['--plan', 'nhi-chieu', '--unit', 'VP HĐND và UBND', '--role', 'officer', '--expires', '2d'],
      'officer, Văn phòng HĐND và UBND, nhi-chieu',
      { plan: 'nhi-chieu', unit: 'Văn phòng HĐND và UBND' },
      2 * DAY,
    ],
    [
      ['--plan', 'dai-son', '--role', 'leader', '--expires', '12h'],
      'leader, dai-son',
      { plan: 'dai-son', unit: null },
      DAY / 2,
    ],
    [['--role', 'admin'], 'admin', { plan: null, unit: null }, 7 * DAY],
  ])('%j prints (%s) and stores it', async (args, label, stored, ttl) => {
    const code = await invite(args);
    expect(t.io.out[0]).toBe(`code ${code} (${label}), valid until ${new Date(NOW.getTime() + ttl).toISOString()}`);
    expect(t.db.rows('invites')).toEqual([
      expect.objectContaining({
        code,
        ...stored,
        expires_at: new Date(NOW.getTime() + ttl).toISOString(),
        used_at: null,
      }),
    ]);
  });

  it('gives a new code each time', async () => {
    const codes = [await invite(['--role', 'admin'])];
    t.io.out.length = 0;
    codes.push(await invite(['--role', 'admin']));
    expect(new Set(codes).size).toBe(2);
    expect(t.db.rows('invites')).toHaveLength(2);
  });

  it.each([
    [['--plan', 'ha-noi', '--role', 'leader'], 'invite: unknown plan "ha-noi"; plans: dai-son, hue, nhi-chieu'],
    [
      ['--plan', 'nhi-chieu', '--unit', 'VHXH', '--role', 'officer'],
      `invite: unknown unit "VHXH" in plan nhi-chieu; closest: "${VHXH}"`,
    ],
    [
      ['--plan', 'nhi-chieu', '--unit', 'Văn phòng UBND', '--role', 'officer'],
      'invite: unknown unit "Văn phòng UBND" in plan nhi-chieu; closest: "Văn phòng HĐND và UBND", "UBND phường"',
    ],
    [['--plan', 'nhi-chieu', '--role', 'officer'], `invite: --unit is required for an officer\n${USAGE}`],
    [
      ['--plan', 'nhi-chieu', '--unit', VHXH, '--role', 'leader'],
      `invite: --unit is only for an officer; leader and admin codes are not tied to a unit\n${USAGE}`,
    ],
    [['--role', 'leader'], `invite: --plan is required for leader\n${USAGE}`],
    [
      ['--plan', 'nhi-chieu', '--role', 'boss'],
      `invite: --role must be officer, leader or admin, got 'boss'\n${USAGE}`,
    ],
    [['--plan', 'nhi-chieu'], `invite: --role must be officer, leader or admin\n${USAGE}`],
    [
      ['--role', 'admin', '--expires', '7 days'],
      `invite: --expires must look like 7d or 12h (at least 1h), got '7 days'\n${USAGE}`,
    ],
    [
      ['--role', 'admin', '--expires', '0d'],
      `invite: --expires must look like 7d or 12h (at least 1h), got '0d'\n${USAGE}`,
    ],
    [
      ['--role', 'admin', '--expires', '2w'],
      `invite: --expires must look like 7d or 12h (at least 1h), got '2w'\n${USAGE}`,
    ],
    [['--role', 'admin', '--bogus'], `invite: Unknown option '--bogus'\n${USAGE}`],
    [['--role'], `invite: Option '--role <value>' argument missing\n${USAGE}`],
    [
      ['--role', 'admin', 'now'],
      `invite: Unexpected argument 'now'. This command does not take positional arguments\n${USAGE}`,
    ],
  ])('refuses %j with a clear message and stores nothing', async (args, message) => {
    const store = t.db.open();
    await store.invites.create({
      code: 'EARLIER2',
      plan: 'hue',
      unit: null,
      role: 'leader',
      createdAt: NOW,
      expiresAt: new Date(NOW.getTime() + DAY),
      usedAt: null,
      usedBy: null,
    });
    store.close();
    const before = t.db.rows('invites');
    expect(await run(['--db', t.db.path, ...args])).toBe(1);
    expect(t.io.err).toEqual([message]);
    expect(t.io.out).toEqual([]);
    expect(t.db.rows('invites')).toEqual(before);
  });

  it('does not create the database when it refuses', async () => {
    expect(await run(['--plan', 'ha-noi', '--role', 'leader', '--db', t.db.path])).toBe(1);
    expect(existsSync(t.db.path)).toBe(false);
  });

  it('prints the usage with --help', async () => {
    expect(await run(['--help'])).toBe(0);
    expect(t.io.out).toEqual([USAGE]);
  });

  it('gives a code that registers the person through the chat, once', async () => {
    const h = createChatHarness({ now: NOW });
    try {
      const code = await invite(
        ['--plan', 'nhi-chieu', '--unit', 'Phòng VHXH', '--role', 'officer', '--expires', '1d'],
        h.db.path,
      );
      expect(await h.say({ id: '1', name: 'Lan' }, `/start ${code}`)).toBe(
        `Chào Lan! Bạn đã đăng ký là chuyên viên ${VHXH}, Kế hoạch 158/KH-UBND.\n` +
          'Ví dụ: /capnhat 1 hoàn thành đã ban hành Công văn số 15/CV-VP\n' +
          'Xem việc của đơn vị: /viec · Trợ giúp: /trogiup',
      );
      expect(h.db.rows('users')).toEqual([
        {
          key: 'tg:1',
          name: 'Lan',
          role: 'officer',
          plan: 'nhi-chieu',
          unit: VHXH,
          active: 1,
          created_at: '2026-06-01T02:00:00.000Z',
        },
      ]);
      expect(h.db.rows('invites')).toEqual([
        expect.objectContaining({ code, used_at: '2026-06-01T02:00:00.000Z', used_by: 'tg:1' }),
      ]);
      expect(await h.say({ id: '2', name: 'Minh' }, `/start ${code}`)).toBe(
        'Mã mời này đã được dùng. Mỗi mã chỉ dùng được một lần; xin quản trị viên cấp mã mới.',
      );
    } finally {
      h.cleanup();
    }
  });
});

describe('npm run cli -- invite', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'invite', ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_PATH: t.db.path },
    });

  it('prints the code and exits 0, writing to DATABASE_PATH', () => {
    const res = cli('--plan', 'hue', '--role', 'leader');
    expect(res.status).toBe(0);
    const code = CODE_LINE.exec(res.stdout.split('\n')[0]!)?.[1];
    expect(res.stdout).toMatch(
      new RegExp(`^code ${code} \\(leader, hue\\), valid until .+\nthe person sends to the bot: /start ${code}\n$`),
    );
    expect(t.db.rows('invites')).toEqual([expect.objectContaining({ code, plan: 'hue', role: 'leader' })]);
  });

  it('exits 1 with one message and no stack trace on a bad option', () => {
    const res = cli('--plan', 'hue', '--role', 'leader', '--unit');
    expect(res.status).toBe(1);
    expect(res.stderr).toBe(`invite: Option '--unit <value>' argument missing\n${USAGE}\n`);
    expect(res.stdout).toBe('');
  });
});
