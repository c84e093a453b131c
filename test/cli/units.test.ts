import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as invite } from '../../src/cli/commands/invite.js';
import { run as units } from '../../src/cli/commands/units.js';
import { useCliOnTmpDb } from '../support/cli-run.js';

const NOW = new Date('2026-06-01T02:00:00Z');
const XA = 'UBND các xã, phường';
const t = useCliOnTmpDb();
beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => void vi.useRealTimers());

const cli = (args: string[]) => units([...args, '--db', t.db.path]);
const row = (name: string) => ({ plan: 'hue', grp: XA, name, added_at: NOW.toISOString() });

describe('cli units', () => {
  it('lists every group the plan names, undeclared ones as "chưa khai báo"', async () => {
    expect(await cli(['--plan', 'hue'])).toBe(0);
    expect(t.io.out).toEqual([
      'Các cơ quan báo chí, phương tiện thông tin đại chúng trên địa bàn: chưa khai báo',
      'Các cơ quan báo chí, truyền thông: chưa khai báo',
      // Named as coordinators in the body ("phối hợp với các cơ quan liên quan").
      'Các cơ quan liên quan: chưa khai báo',
      'Các sở, ban, ngành: chưa khai báo',
      'Các sở, ban, ngành và địa phương: chưa khai báo',
      'Các sở, ban, ngành, địa phương: chưa khai báo',
      `${XA}: chưa khai báo`,
    ]);
  });

  it('adds members to a group typed loosely, from the line and from a file, once each', async () => {
    const file = join(t.db.dir, 'members.txt');
    writeFileSync(
      file,
      '\uFEFFỦy ban nhân dân xã Tân Chi\r\n\r\n# phường\r\nUBND phường Hương Sơ\r\nubnd xã tân chi\r\n',
    );
    expect(await cli(['add', '--plan', 'hue', '--group', 'ubnd cac xa phuong', 'UBND xã Phú Mỹ', '--file', file])).toBe(
      0,
    );
    expect(t.io.out).toEqual([`added 3 to "${XA}" (hue): UBND xã Phú Mỹ, UBND xã Tân Chi, UBND phường Hương Sơ`]);
    expect(t.db.rows('member_units')).toEqual([
      row('UBND xã Phú Mỹ'),
      row('UBND xã Tân Chi'),
      row('UBND phường Hương Sơ'),
    ]);

    t.io.out.length = 0;
    expect(await cli(['add', '--plan', 'hue', '--group', XA, 'UBND xa Phu My', 'UBND xã Đại Lai'])).toBe(0);
    expect(t.io.out).toEqual([`added 1 to "${XA}" (hue): UBND xã Đại Lai`, 'already members: UBND xã Phú Mỹ']);

    t.io.out.length = 0;
    expect(await cli(['--plan', 'hue'])).toBe(0);
    expect(t.io.out.at(-1)).toBe(
      [`${XA} (4)`, '  UBND xã Phú Mỹ', '  UBND xã Tân Chi', '  UBND phường Hương Sơ', '  UBND xã Đại Lai'].join('\n'),
    );
  });

  it('removes members, naming the ones that are not members with the closest names', async () => {
    expect(await cli(['add', '--plan', 'hue', '--group', XA, 'UBND xã Phú Mỹ', 'UBND xã Tân Chi'])).toBe(0);
    t.io.out.length = 0;
    expect(await cli(['remove', '--plan', 'hue', '--group', XA, 'ubnd xa tan chi', 'UBND xã Phú'])).toBe(1);
    expect(t.io.out).toEqual([`removed 1 from "${XA}" (hue): UBND xã Tân Chi`]);
    expect(t.io.err).toEqual(['units: unknown member "UBND xã Phú" in plan hue; closest: "UBND xã Phú Mỹ"']);
    expect(t.db.rows('member_units')).toEqual([row('UBND xã Phú Mỹ')]);
  });

  it.each([
    [
      ['add', '--plan', 'hue', '--group', 'ubnd cac xa', 'X'],
      'units: unknown group "ubnd cac xa" in plan hue; closest: "UBND các xã, phường"',
    ],
    [['add', '--plan', 'ha-noi', '--group', XA, 'X'], 'units: unknown plan "ha-noi"; plans: dai-son, hue, nhi-chieu'],
    [['add', '--plan', 'hue', 'X'], expect.stringMatching(/^units: --group is required for add\nusage: /)],
    [['add', '--plan', 'hue', '--group', XA], expect.stringMatching(/^units: no unit named; give names or --file/)],
    [['move', '--plan', 'hue'], expect.stringMatching(/^units: unknown action 'move' \(add or remove\)/)],
    [
      ['add', '--plan', 'hue', '--group', XA, '--file', '/nonexistent/m.txt'],
      'units: cannot read /nonexistent/m.txt: ENOENT',
    ],
  ])('refuses %j with one clear line and stores nothing', async (args, message) => {
    expect(await cli(args)).toBe(1);
    expect(t.io.err).toEqual([message]);
    expect(t.io.out).toEqual([]);
  });
});

describe('cli invite of a member unit', () => {
  const CODE_LINE = /^code ([A-HJKMNP-Z2-9]{8}) \((.+)\), valid until (\S+)$/;

  it('accepts a declared member of a group the plan names, stored under its canonical name', async () => {
    expect(await cli(['add', '--plan', 'hue', '--group', XA, 'UBND xã Tân Chi'])).toBe(0);
    t.io.out.length = 0;
    expect(await invite(['--plan', 'hue', '--unit', 'ubnd xa tan chi', '--role', 'officer', '--db', t.db.path])).toBe(
      0,
    );
    expect(CODE_LINE.exec(t.io.out[0]!)?.[2]).toBe('officer, UBND xã Tân Chi, hue');
    expect(t.db.rows('invites')).toMatchObject([{ plan: 'hue', unit: 'UBND xã Tân Chi', role: 'officer' }]);
  });

  it('refuses a member unit that is not declared, with the closest names, and stores nothing', async () => {
    expect(await cli(['add', '--plan', 'hue', '--group', XA, 'UBND xã Tân Chi', 'UBND xã Tân Phú'])).toBe(0);
    t.io.out.length = 0;
    expect(await invite(['--plan', 'hue', '--unit', 'UBND xã Tân Lập', '--role', 'officer', '--db', t.db.path])).toBe(
      1,
    );
    expect(t.io.err).toEqual([
      'invite: unknown unit "UBND xã Tân Lập" in plan hue; closest: "UBND xã Tân Chi", "UBND xã Tân Phú", "UBND các xã, phường"',
    ]);
    expect(t.db.rows('invites')).toEqual([]);
  });
});
