import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/commands/users.js';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';
import { captureConsole, type CliOutput } from '../support/cli-run.js';

const USAGE = 'usage: npm run cli -- users [--deactivate KEY] [--db FILE]   (KEY as listed, like tg:123456)';
const VHXH = 'Phòng Văn hóa - Xã hội';
const lan = { id: '1', name: 'Lan' };
const chuTich = { id: '77', name: 'Chủ tịch', channel: 'zalo' as const };

let io: CliOutput;
let h: ChatHarness;
beforeEach(() => {
  io = captureConsole();
  h = createChatHarness();
});
afterEach(() => {
  vi.restoreAllMocks();
  h.cleanup();
});

const users = (...args: string[]) => run(['--db', h.db.path, ...args]);

describe('cli users', () => {
  it('says how to start when nobody is registered', async () => {
    expect(await users()).toBe(0);
    expect(io.out).toEqual(['no users yet; create an invite with: npm run cli -- invite --help']);
  });

  it('lists the people registered through the chat, one tab-separated line each', async () => {
    await h.register(lan, { plan: 'nhi-chieu', unit: VHXH, role: 'officer' });
    h.advance(60_000);
    await h.register(chuTich, { plan: 'dai-son', role: 'leader' });
    expect(await users()).toBe(0);
    expect(io.out).toEqual([
      'key\tname\trole\tplan\tunit\tstate\tregistered',
      `tg:1\tLan\tofficer\tnhi-chieu\t${VHXH}\tactive\t2026-06-01T02:00:00.000Z`,
      'zl:77\tChủ tịch\tleader\tdai-son\t-\tactive\t2026-06-01T02:01:00.000Z',
    ]);
    expect(io.err).toEqual([]);
  });

  it('--deactivate stops someone updating while their history stays', async () => {
    await h.register(lan, { plan: 'nhi-chieu', unit: VHXH, role: 'officer' });
    expect(await h.say(lan, '/capnhat 1 đang thực hiện 50%')).toMatch(/^Đã lưu cập nhật:/);
    const history = h.db.rows('updates');
    expect(history).toHaveLength(1);

    expect(await users('--deactivate', 'tg:1')).toBe(0);
    expect(io.out).toEqual(['users: tg:1 deactivated']);
    expect(h.db.rows('users')).toEqual([expect.objectContaining({ key: 'tg:1', name: 'Lan', active: 0 })]);

    expect(await h.say(lan, '/capnhat 1 hoàn thành')).toMatch(/^Bạn chưa đăng ký nên chưa thể cập nhật tiến độ\./);
    expect(h.db.rows('updates')).toEqual(history);
    io.out.length = 0;
    expect(await users()).toBe(0);
    expect(io.out[1]).toBe(`tg:1\tLan\tofficer\tnhi-chieu\t${VHXH}\tinactive\t2026-06-01T02:00:00.000Z`);
  });

  it('refuses an unknown key and changes nothing', async () => {
    await h.register(lan, { plan: 'nhi-chieu', unit: VHXH, role: 'officer' });
    const before = h.db.rows('users');
    expect(await users('--deactivate', '1')).toBe(1);
    expect(io.err).toEqual(['users: no user "1"; list them with: npm run cli -- users']);
    expect(io.out).toEqual([]);
    expect(h.db.rows('users')).toEqual(before);
  });

  it.each([
    [['--deactivate'], `users: Option '--deactivate <value>' argument missing\n${USAGE}`],
    [['tg:1'], `users: Unexpected argument 'tg:1'. This command does not take positional arguments\n${USAGE}`],
  ])('refuses %j with the usage', async (args, message) => {
    expect(await users(...args)).toBe(1);
    expect(io.err).toEqual([message]);
  });

  it('refuses a database that is not there instead of creating an empty one', async () => {
    const path = join(h.db.dir, 'typo', 'troly.db');
    expect(await run(['--db', path])).toBe(1);
    expect(io.err).toEqual([`users: no database at ${path} (set DATABASE_PATH or --db)`]);
    expect(existsSync(path)).toBe(false);
  });
});
