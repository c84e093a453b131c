import { describe, expect, it } from 'vitest';
import type { Task } from '../../src/knowledge/index.js';
import {
  accessTo,
  deriveTaskState,
  findGroup,
  isGroupName,
  memberNames,
  sharesOf,
  type UnitMembers,
  type UpdateRecord,
  type UserRecord,
} from '../../src/tasks/index.js';

const XA = 'UBND các xã, phường';
const MEMBERS: UnitMembers = new Map([[XA, ['UBND xã A', 'UBND xã B']]]);
const task = (lead: string[], coordinators: string[] = []): Task => ({
  plan: 'p',
  no: '1',
  content: 'x',
  leadRaw: lead.join('; '),
  lead: lead.map((name) => ({ name, raw: name })),
  coordinatorsRaw: '',
  coordinators: coordinators.map((name) => ({ name, raw: name })),
  product: '',
  deadline: { raw: 'Tháng 5/2026', kind: 'month', start: '2026-05-01', due: '2026-05-31', fromYear: null },
  line: 1,
});
const officer = (unit: string): UserRecord => ({
  key: `tg:${unit}`,
  name: unit,
  role: 'officer',
  plan: 'p',
  unit,
  active: true,
  createdAt: new Date(0),
});
let id = 1;
const row = (unit: string | null, status: UpdateRecord['status'], day: string): UpdateRecord => ({
  id: id++,
  plan: 'p',
  task: '1',
  trackingYear: '',
  status,
  percent: null,
  note: '',
  userKey: 'tg:x',
  userName: 'x',
  channel: 'telegram',
  messageId: `m${id}`,
  createdAt: new Date(`${day}T03:00:00Z`),
  reverts: null,
  unit,
});

describe('isGroupName', () => {
  it.each([
    ['UBND các xã, phường', true],
    ['Các sở, ban, ngành', true],
    ['UBND cấp xã', true],
    ['Sở Nội vụ', false],
    ['UBND xã Tân Chi', false],
  ])('%s → %s', (name, group) => expect(isGroupName(name)).toBe(group));
});

describe('findGroup and memberNames', () => {
  const plan = { agencies: ['Các sở, ban, ngành', 'Sở Nội vụ', XA] };
  it('matches a group in any spelling and offers the closest on a miss', () => {
    expect(findGroup(plan, 'ubnd cac xa, phuong')).toEqual({ ok: true, value: XA });
    expect(findGroup(plan, 'Ủy ban nhân dân các xã phường')).toEqual({ ok: true, value: XA });
    expect(findGroup(plan, 'UBND các xã')).toEqual({
      ok: false,
      error: { code: 'unknown_group', typed: 'UBND các xã', closest: [XA] },
    });
  });
  it('spells member names canonically, once each', () => {
    expect(memberNames(['Ủy ban nhân dân xã Tân Chi', ' UBND xã Tân Chi ', '', 'UBND phường An Cựu'])).toEqual([
      'UBND xã Tân Chi',
      'UBND phường An Cựu',
    ]);
  });
});

describe('sharesOf and accessTo with members', () => {
  it('spells a lead group with members into them; none without members', () => {
    expect(sharesOf(task([XA, 'Sở Nội vụ']), MEMBERS)).toEqual(['UBND xã A', 'UBND xã B', 'Sở Nội vụ']);
    expect(sharesOf(task([XA]), new Map())).toBeNull();
    expect(sharesOf(task(['Sở Nội vụ'], [XA]), MEMBERS)).toBeNull();
  });
  it('lets a member lead its share and a non-member nothing, once the group has members', () => {
    expect(accessTo(officer('UBND xã A'), task([XA]), MEMBERS)).toBe('full');
    expect(accessTo(officer('UBND xã C'), task([XA]), MEMBERS)).toBe('none');
    expect(accessTo(officer('UBND xã C'), task([XA]))).toBe('full');
    expect(accessTo(officer('UBND xã A'), task(['Sở Nội vụ'], [XA]), MEMBERS)).toBe('note_only');
  });
});

describe('deriveTaskState with members', () => {
  const now = new Date('2026-06-02T03:00:00Z');
  it('is overdue while a member is not done, naming each share; done when all are', () => {
    const rows = [row('UBND xã A', 'done', '2026-05-20'), row('UBND xã B', 'in_progress', '2026-05-21')];
    const open = deriveTaskState(task([XA]), rows, now, MEMBERS);
    expect(open.kind).toBe('overdue');
    expect(open.shares?.map((s) => [s.unit, s.state.kind])).toEqual([
      ['UBND xã A', 'done_on_time'],
      ['UBND xã B', 'overdue'],
    ]);
    const done = deriveTaskState(task([XA]), [...rows, row('UBND xã B', 'done', '2026-05-30')], now, MEMBERS);
    expect([done.kind, done.status, done.percent]).toEqual(['done_on_time', 'done', 100]);
  });
  it('counts a row for the whole task for every member that has not reported since', () => {
    const rows = [row(null, 'done', '2026-05-20'), row('UBND xã B', 'blocked', '2026-05-21')];
    const s = deriveTaskState(task([XA]), rows, now, MEMBERS);
    expect(s.shares?.map((sh) => sh.state.status)).toEqual(['done', 'blocked']);
    expect(deriveTaskState(task([XA]), rows, now).shares).toBeNull();
  });
});
