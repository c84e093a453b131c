import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import type { NewUpdate } from '../../src/tasks/index.js';
import { createTmpDb, type TmpDb } from '../support/tmp-db.js';

let tmp: TmpDb;
let store: Store;
const T0 = new Date('2026-06-01T02:00:00Z');
const LATER = new Date('2026-06-08T02:00:00Z');

beforeEach(() => {
  tmp = createTmpDb();
  store = tmp.open();
  store.invites.create({
    code: 'ABC123',
    plan: 'nhi-chieu',
    unit: 'Phòng Văn hóa - Xã hội',
    role: 'officer',
    createdAt: T0,
    expiresAt: LATER,
    usedAt: null,
    usedBy: null,
  });
});
afterEach(() => tmp.cleanup());

const update = (over: Partial<NewUpdate> = {}): NewUpdate => ({
  plan: 'nhi-chieu',
  task: '4',
  trackingYear: '',
  status: 'done',
  percent: 100,
  note: "Công văn 15/CV-VHXH; '); DROP TABLE updates; -- 🎉",
  userKey: 'tg:1',
  userName: 'Lan',
  channel: 'telegram',
  messageId: 'm1',
  createdAt: T0,
  reverts: null,
  unit: null,
  ...over,
});

describe('createInviteRepo', () => {
  it('redeems an invite once, registering the user with its plan, unit and role', () => {
    const user = store.invites.redeem('ABC123', { key: 'tg:1', name: 'Lan' }, T0);
    expect(user).toEqual({
      ok: true,
      value: {
        key: 'tg:1',
        name: 'Lan',
        role: 'officer',
        plan: 'nhi-chieu',
        unit: 'Phòng Văn hóa - Xã hội',
        active: true,
        createdAt: T0,
      },
    });
    expect(store.invites.get('ABC123')).toMatchObject({ usedAt: T0, usedBy: 'tg:1' });
    expect(store.invites.redeem('ABC123', { key: 'tg:2', name: 'Minh' }, T0)).toEqual({
      ok: false,
      error: { code: 'invite_used' },
    });
    expect(store.users.get('tg:2')).toBeUndefined();
  });

  it('refuses an unknown or expired code and changes nothing', () => {
    const before = tmp.rows('invites');
    expect(store.invites.redeem('NOPE', { key: 'tg:1', name: 'Lan' }, T0)).toEqual({
      ok: false,
      error: { code: 'invite_unknown' },
    });
    expect(store.invites.redeem('ABC123', { key: 'tg:1', name: 'Lan' }, LATER)).toEqual({
      ok: false,
      error: { code: 'invite_expired', expiresAt: LATER },
    });
    expect(tmp.rows('invites')).toEqual(before);
    expect(tmp.rows('users')).toEqual([]);
  });
});

describe('createUserRepo', () => {
  it('deactivates a user and keeps the row', () => {
    store.invites.redeem('ABC123', { key: 'tg:1', name: 'Lan' }, T0);
    expect(store.users.deactivate('tg:1')).toBe(true);
    expect(store.users.deactivate('tg:404')).toBe(false);
    expect(store.users.get('tg:1')?.active).toBe(false);
  });
});

describe('createProgressRepo', () => {
  beforeEach(() => {
    store.invites.redeem('ABC123', { key: 'tg:1', name: 'Lan' }, T0);
  });

  it('appends a row and reads it back exactly, quotes, SQL and emoji included', () => {
    const appended = store.progress.append(update());
    expect(appended).toEqual({ ok: true, value: { id: 1, ...update() } });
    expect(store.progress.listForTask('nhi-chieu', '4')).toEqual([{ id: 1, ...update() }]);
    expect(store.progress.findByDelivery('telegram', 'm1')?.id).toBe(1);
  });

  it('applies the same delivery once', () => {
    store.progress.append(update());
    const again = store.progress.append(update({ note: 'other' }));
    expect(again).toEqual({ ok: false, error: { code: 'duplicate_delivery', existing: { id: 1, ...update() } } });
    expect(tmp.rows('updates')).toHaveLength(1);
  });

  it('never changes or deletes a row', () => {
    store.progress.append(update());
    expect(() => store.db.prepare("UPDATE updates SET note = 'x'").run()).toThrow('updates are append-only');
    expect(() => store.db.prepare('DELETE FROM updates').run()).toThrow('updates are append-only');
  });

  it('records whose share of a group task a row is, and reads it back', () => {
    store.progress.append(update({ unit: 'UBND xã Tân Chi' }));
    store.progress.append(update({ messageId: 'm2' }));
    expect(tmp.rows('updates')).toMatchObject([
      { id: 1, unit: 'UBND xã Tân Chi' },
      { id: 2, unit: null },
    ]);
    expect(store.progress.listForPlan('nhi-chieu').map((u) => u.unit)).toEqual(['UBND xã Tân Chi', null]);
  });

  it('lists by plan, by user (newest first) and since a time', () => {
    store.progress.append(update());
    store.progress.append(update({ messageId: 'm2', task: '5', createdAt: LATER }));
    expect(store.progress.listForPlan('nhi-chieu').map((u) => u.id)).toEqual([1, 2]);
    expect(store.progress.listByUser('tg:1', 1).map((u) => u.id)).toEqual([2]);
    expect(store.progress.listSince(new Date('2026-06-02T00:00:00Z')).map((u) => u.id)).toEqual([2]);
  });
});

describe('createMemberRepo', () => {
  const XA = 'UBND các xã, phường';

  it('adds the members not yet in the group, in order, and lists them per plan', () => {
    expect(store.members.add('hue', XA, ['UBND xã Tân Chi', 'UBND xã Phú Mỹ'], T0)).toEqual([
      'UBND xã Tân Chi',
      'UBND xã Phú Mỹ',
    ]);
    expect(store.members.add('hue', XA, ['UBND xã Phú Mỹ', 'UBND xã Đại Lai'], LATER)).toEqual(['UBND xã Đại Lai']);
    store.members.add('nhi-chieu', 'Các phòng, đơn vị', ['Phòng Văn hóa - Xã hội'], T0);
    expect(tmp.rows('member_units')).toEqual([
      { plan: 'hue', grp: XA, name: 'UBND xã Tân Chi', added_at: T0.toISOString() },
      { plan: 'hue', grp: XA, name: 'UBND xã Phú Mỹ', added_at: T0.toISOString() },
      { plan: 'hue', grp: XA, name: 'UBND xã Đại Lai', added_at: LATER.toISOString() },
      { plan: 'nhi-chieu', grp: 'Các phòng, đơn vị', name: 'Phòng Văn hóa - Xã hội', added_at: T0.toISOString() },
    ]);
    expect(store.members.listForPlan('hue').map((m) => m.name)).toEqual([
      'UBND xã Tân Chi',
      'UBND xã Phú Mỹ',
      'UBND xã Đại Lai',
    ]);
    expect(store.members.listForPlan('hue')[0]).toEqual({
      plan: 'hue',
      group: XA,
      name: 'UBND xã Tân Chi',
      addedAt: T0,
    });
  });

  it('removes only members, and leaves the progress rows of a removed member', () => {
    store.invites.redeem('ABC123', { key: 'tg:1', name: 'Lan' }, T0);
    store.members.add('hue', XA, ['UBND xã Tân Chi', 'UBND xã Phú Mỹ'], T0);
    store.progress.append(update({ plan: 'hue', unit: 'UBND xã Tân Chi' }));
    const updates = tmp.rows('updates');
    expect(store.members.remove('hue', XA, ['UBND xã Tân Chi', 'UBND xã Đại Lai'])).toEqual(['UBND xã Tân Chi']);
    expect(tmp.rows('member_units')).toEqual([
      { plan: 'hue', grp: XA, name: 'UBND xã Phú Mỹ', added_at: T0.toISOString() },
    ]);
    expect(tmp.rows('updates')).toEqual(updates);
  });
});
