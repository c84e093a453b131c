import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Figure, NewUpdate } from '../../src/tasks/index.js';
import { describeStores, type AnyStore } from '../support/store-kinds.js';

const T0 = new Date('2026-06-01T02:00:00Z');
const LATER = new Date('2026-06-08T02:00:00Z');

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

describeStores('the repositories', (t) => {
  let store: AnyStore;
  beforeEach(async () => {
    store = await t.open();
    await store.invites.create({
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

  describe('createInviteRepo', () => {
    it('redeems an invite once, registering the user with its plan, unit and role', async () => {
      const user = await store.invites.redeem('ABC123', { key: 'tg:1', name: 'Lan' }, T0);
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
      expect(await store.invites.get('ABC123')).toMatchObject({ usedAt: T0, usedBy: 'tg:1' });
      expect(await store.invites.redeem('ABC123', { key: 'tg:2', name: 'Minh' }, T0)).toEqual({
        ok: false,
        error: { code: 'invite_used' },
      });
      expect(await store.users.get('tg:2')).toBeUndefined();
    });

    it('refuses an unknown or expired code and changes nothing', async () => {
      const before = await t.rows('invites');
      expect(await store.invites.redeem('NOPE', { key: 'tg:1', name: 'Lan' }, T0)).toEqual({
        ok: false,
        error: { code: 'invite_unknown' },
      });
      expect(await store.invites.redeem('ABC123', { key: 'tg:1', name: 'Lan' }, LATER)).toEqual({
        ok: false,
        error: { code: 'invite_expired', expiresAt: LATER },
      });
      expect(await t.rows('invites')).toEqual(before);
      expect(await t.rows('users')).toEqual([]);
    });

    it('lets one of two connections redeeming one code at once register', async () => {
      const other = await t.open();
      const results = await Promise.all([
        store.invites.redeem('ABC123', { key: 'tg:1', name: 'Lan' }, T0),
        other.invites.redeem('ABC123', { key: 'tg:2', name: 'Minh' }, T0),
      ]);
      expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
      expect(await t.rows('users')).toHaveLength(1);
    });
  });

  describe('createUserRepo', () => {
    it('deactivates a user and keeps the row', async () => {
      await store.invites.redeem('ABC123', { key: 'tg:1', name: 'Lan' }, T0);
      expect(await store.users.deactivate('tg:1')).toBe(true);
      expect(await store.users.deactivate('tg:404')).toBe(false);
      expect((await store.users.get('tg:1'))?.active).toBe(false);
      expect(await t.rows('users')).toEqual([
        {
          key: 'tg:1',
          name: 'Lan',
          role: 'officer',
          plan: 'nhi-chieu',
          unit: 'Phòng Văn hóa - Xã hội',
          active: 0,
          created_at: T0.toISOString(),
        },
      ]);
    });
  });

  describe('createProgressRepo', () => {
    beforeEach(async () => {
      await store.invites.redeem('ABC123', { key: 'tg:1', name: 'Lan' }, T0);
    });

    it('appends a row and reads it back exactly, quotes, SQL and emoji included', async () => {
      const appended = await store.progress.append(update());
      expect(appended).toEqual({ ok: true, value: { id: 1, ...update() } });
      expect(await store.progress.listForTask('nhi-chieu', '4')).toEqual([{ id: 1, ...update() }]);
      expect((await store.progress.findByDelivery('telegram', 'm1'))?.id).toBe(1);
    });

    it('applies the same delivery once', async () => {
      await store.progress.append(update());
      const again = await store.progress.append(update({ note: 'other' }));
      expect(again).toEqual({ ok: false, error: { code: 'duplicate_delivery', existing: { id: 1, ...update() } } });
      expect(await t.rows('updates')).toHaveLength(1);
    });

    it('applies the same delivery once when two connections append it at once', async () => {
      const other = await t.open();
      const results = await Promise.all([store.progress.append(update()), other.progress.append(update())]);
      expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
      expect(await t.rows('updates')).toHaveLength(1);
    });

    it('never changes or deletes a row', async () => {
      await store.progress.append(update());
      await expect(t.exec("UPDATE updates SET note = 'x'")).rejects.toThrow('updates are append-only');
      await expect(t.exec('DELETE FROM updates')).rejects.toThrow('updates are append-only');
      expect(await t.rows('updates')).toMatchObject([{ note: update().note }]);
    });

    it('records whose share of a group task a row is, and reads it back', async () => {
      await store.progress.append(update({ unit: 'UBND xã Tân Chi' }));
      await store.progress.append(update({ messageId: 'm2' }));
      expect(await t.rows('updates')).toMatchObject([
        { id: 1, unit: 'UBND xã Tân Chi' },
        { id: 2, unit: null },
      ]);
      expect((await store.progress.listForPlan('nhi-chieu')).map((u) => u.unit)).toEqual(['UBND xã Tân Chi', null]);
    });

    it('lists by plan, by user (newest first) and since a time', async () => {
      await store.progress.append(update());
      await store.progress.append(update({ messageId: 'm2', task: '5', createdAt: LATER }));
      expect((await store.progress.listForPlan('nhi-chieu')).map((u) => u.id)).toEqual([1, 2]);
      expect((await store.progress.listByUser('tg:1', 1)).map((u) => u.id)).toEqual([2]);
      expect((await store.progress.listSince(new Date('2026-06-02T00:00:00Z'))).map((u) => u.id)).toEqual([2]);
    });
  });

  describe('createMemberRepo', () => {
    const XA = 'UBND các xã, phường';

    it('adds the members not yet in the group, in order, and lists them per plan', async () => {
      expect(await store.members.add('hue', XA, ['UBND xã Tân Chi', 'UBND xã Phú Mỹ'], T0)).toEqual([
        'UBND xã Tân Chi',
        'UBND xã Phú Mỹ',
      ]);
      expect(await store.members.add('hue', XA, ['UBND xã Phú Mỹ', 'UBND xã Đại Lai'], LATER)).toEqual([
        'UBND xã Đại Lai',
      ]);
      await store.members.add('nhi-chieu', 'Các phòng, đơn vị', ['Phòng Văn hóa - Xã hội'], T0);
      expect(await t.rows('member_units')).toEqual([
        { plan: 'hue', grp: XA, name: 'UBND xã Tân Chi', added_at: T0.toISOString() },
        { plan: 'hue', grp: XA, name: 'UBND xã Phú Mỹ', added_at: T0.toISOString() },
        { plan: 'hue', grp: XA, name: 'UBND xã Đại Lai', added_at: LATER.toISOString() },
        { plan: 'nhi-chieu', grp: 'Các phòng, đơn vị', name: 'Phòng Văn hóa - Xã hội', added_at: T0.toISOString() },
      ]);
      expect((await store.members.listForPlan('hue')).map((m) => m.name)).toEqual([
        'UBND xã Tân Chi',
        'UBND xã Phú Mỹ',
        'UBND xã Đại Lai',
      ]);
      expect((await store.members.listForPlan('hue'))[0]).toEqual({
        plan: 'hue',
        group: XA,
        name: 'UBND xã Tân Chi',
        addedAt: T0,
      });
    });

    it('removes only members, and leaves the progress rows of a removed member', async () => {
      await store.invites.redeem('ABC123', { key: 'tg:1', name: 'Lan' }, T0);
      await store.members.add('hue', XA, ['UBND xã Tân Chi', 'UBND xã Phú Mỹ'], T0);
      await store.progress.append(update({ plan: 'hue', unit: 'UBND xã Tân Chi' }));
      const updates = await t.rows('updates');
      expect(await store.members.remove('hue', XA, ['UBND xã Tân Chi', 'UBND xã Đại Lai'])).toEqual([
        'UBND xã Tân Chi',
      ]);
      expect(await t.rows('member_units')).toEqual([
        { plan: 'hue', grp: XA, name: 'UBND xã Phú Mỹ', added_at: T0.toISOString() },
      ]);
      expect(await t.rows('updates')).toEqual(updates);
    });
  });

  describe('createDashboardRepo', () => {
    it('uses a link once, opens a session, and ends it when its user is deactivated', async () => {
      await store.invites.redeem('ABC123', { key: 'tg:1', name: 'Lan' }, T0);
      await store.dashboard.addLink('h-link', 'tg:1', T0, new Date(T0.getTime() + 600_000));
      expect(await store.dashboard.useLink('h-link', T0)).toEqual({ ok: true, value: { userKey: 'tg:1' } });
      expect(await store.dashboard.useLink('h-link', T0)).toEqual({ ok: false, error: { code: 'link_used' } });
      expect(await store.dashboard.useLink('h-none', T0)).toEqual({ ok: false, error: { code: 'link_unknown' } });
      const session = { userKey: 'tg:1', origin: 'link', createdAt: T0, expiresAt: LATER } as const;
      await store.dashboard.addSession('h-session', session);
      expect(await store.dashboard.session('h-session', T0)).toEqual(session);
      expect(await store.dashboard.session('h-session', LATER)).toBeUndefined();
      await store.users.deactivate('tg:1');
      expect(await store.dashboard.session('h-session', T0)).toBeUndefined();
      expect(await t.rows('dashboard_sessions')).toMatchObject([{ hash: 'h-session', ended_at: expect.any(String) }]);
    });
  });

  describe('createConversationRepo', () => {
    it('keeps one memory per chat, seen by another connection, and drops those untouched since `forgetBefore`', async () => {
      const other = await t.open();
      await store.conversations.set('telegram:1', '{"shown":1}', T0, new Date(0));
      await store.conversations.set('telegram:1', '{"shown":2}', T0, new Date(0));
      expect(await other.conversations.get('telegram:1', T0)).toBe('{"shown":2}');
      expect(await other.conversations.get('telegram:1', new Date(T0.getTime() + 1))).toBeUndefined();
      expect(await other.conversations.get('zalo:9', new Date(0))).toBeUndefined();
      await other.conversations.set('zalo:9', "'); DROP TABLE conversations; --", LATER, new Date(LATER.getTime() - 1));
      expect(await t.rows('conversations')).toEqual([
        { chat_id: 'zalo:9', memory: "'); DROP TABLE conversations; --", updated_at: LATER.toISOString() },
      ]);
    });
  });

  describe('createPublishedFileRepo', () => {
    it('serves a file to another connection until it expires, and drops expired ones when another is kept', async () => {
      const other = await t.open();
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
      const day = (d: Date) => new Date(d.getTime() + 86_400_000);
      await store.publishedFiles.put({ name: 'a.png', content: png, mimeType: 'image/png', expiresAt: day(T0) }, T0);
      expect(await other.publishedFiles.get('a.png', T0)).toEqual({
        name: 'a.png',
        content: png,
        mimeType: 'image/png',
        expiresAt: day(T0),
      });
      expect(await other.publishedFiles.get('b.png', T0)).toBeUndefined();
      expect(await other.publishedFiles.get('a.png', day(T0))).toBeUndefined();
      await other.publishedFiles.put(
        { name: 'b.png', content: png, mimeType: 'image/png', expiresAt: day(LATER) },
        LATER,
      );
      expect(await t.rows('published_files')).toEqual([
        { name: 'b.png', mime_type: 'image/png', content: png, expires_at: day(LATER).toISOString() },
      ]);
    });
  });

  describe('createRevisionRepo', () => {
    beforeEach(async () => {
      await store.invites.redeem('ABC123', { key: 'tg:1', name: 'Lan' }, T0);
    });

    it('moves the rows written before an amendment to the new number, and retires a dropped task', async () => {
      await store.progress.append(update({ task: '4', messageId: 'm1' }));
      await store.progress.append(update({ task: '7', messageId: 'm2' }));
      const change = { renumbered: [{ from: '4', to: '5' }], retired: [{ no: '7', content: 'Việc bỏ' }] };
      expect(await store.revisions.record('nhi-chieu', change, LATER)).toBe(2);
      await store.progress.append(update({ task: '4', messageId: 'm3', createdAt: LATER }));
      expect((await store.progress.listForPlan('nhi-chieu')).map((u) => `${u.id}:${u.task}`)).toEqual([
        '1:5',
        '2:~v2:7',
        '3:4',
      ]);
      expect(await store.revisions.versions()).toEqual(new Map([['nhi-chieu', 2]]));
      const moves = await t.rows('task_moves');
      expect(moves).toHaveLength(2);
      expect(moves).toEqual(
        expect.arrayContaining([
          { plan: 'nhi-chieu', revision: 2, from_task: '7', to_task: '~v2:7', up_to_id: 2 },
          { plan: 'nhi-chieu', revision: 2, from_task: '4', to_task: '5', up_to_id: 2 },
        ]),
      );
      expect(await t.rows('retired_tasks')).toEqual([
        {
          plan: 'nhi-chieu',
          task: '7',
          revision: 2,
          content: 'Việc bỏ',
          history_key: '~v2:7',
          retired_at: LATER.toISOString(),
        },
      ]);
      expect(await store.revisions.record('nhi-chieu', { renumbered: [], retired: [] }, LATER)).toBe(3);
    });

    it('lists a task with the rows written under its earlier numbers, and without those moved away', async () => {
      await store.progress.append(update({ task: '3', messageId: 'm1' }));
      await store.progress.append(update({ task: '4', messageId: 'm2' }));
      await store.revisions.record('nhi-chieu', { renumbered: [{ from: '4', to: '5' }], retired: [] }, LATER);
      await store.progress.append(update({ task: '4', messageId: 'm3', createdAt: LATER }));
      await store.progress.append(update({ task: '3', messageId: 'm4', createdAt: LATER }));
      const change = {
        renumbered: [
          { from: '3', to: '4' },
          { from: '5', to: '6' },
        ],
        retired: [],
      };
      await store.revisions.record('nhi-chieu', change, LATER);
      const ids = async (task: string) => (await store.progress.listForTask('nhi-chieu', task)).map((u) => u.id);
      expect(await ids('6')).toEqual([2]);
      expect(await ids('4')).toEqual([1, 3, 4]);
      expect(await ids('5')).toEqual([]);
      expect(await ids('3')).toEqual([]);
      const all = await store.progress.listForPlan('nhi-chieu');
      for (const task of ['3', '4', '5', '6'])
        expect(await ids(task)).toEqual(all.filter((u) => u.task === task).map((u) => u.id));
    });

    it('records a change read against the latest version once: two instances reading it, one records', async () => {
      await store.progress.append(update({ task: '4', messageId: 'm1' }));
      const change = { renumbered: [{ from: '4', to: '5' }], retired: [] };
      const other = await t.open();
      expect(await store.revisions.record('nhi-chieu', change, LATER, 1)).toBe(2);
      const before = await t.snapshot();
      expect(await other.revisions.record('nhi-chieu', change, LATER, 1)).toBeNull();
      expect(await t.snapshot()).toEqual(before);
      expect((await store.progress.listForPlan('nhi-chieu')).map((u) => u.task)).toEqual(['5']);
      expect(await other.revisions.record('nhi-chieu', { renumbered: [], retired: [] }, LATER, 2)).toBe(3);
    });
  });

  describe('createSubscriptionRepo', () => {
    it('keeps the latest choice of each user, and null for one who never chose', async () => {
      await store.invites.redeem('ABC123', { key: 'tg:1', name: 'Lan' }, T0);
      expect(await store.subscriptions.get('tg:1')).toBeNull();
      await store.subscriptions.set('tg:1', true, T0);
      await store.subscriptions.set('tg:1', false, LATER);
      expect(await store.subscriptions.get('tg:1')).toBe(false);
      expect(await t.rows('digest_subscriptions')).toEqual([
        { user_key: 'tg:1', subscribed: 0, updated_at: LATER.toISOString() },
      ]);
    });
  });

  describe('createFiguresRepo', () => {
    it('appends figures and reads them back in order', async () => {
      const figure: Figure = {
        plan: 'nhi-chieu',
        unit: 'Văn phòng',
        metric: 'conferences',
        year: 2026,
        field: 'online',
        value: 26.5,
        reportedAt: T0,
      };
      await store.figures.add([figure, { ...figure, field: 'total', value: 40 }], 'tg:1');
      expect(await store.figures.listForPlan('nhi-chieu')).toEqual([figure, { ...figure, field: 'total', value: 40 }]);
      expect(await store.figures.listForPlan('hue')).toEqual([]);
    });

    it('writes none of a batch with a bad figure', async () => {
      const bad: Figure = {
        plan: 'p',
        unit: 'u',
        metric: 'documents',
        year: 2026,
        field: 'total',
        value: -1,
        reportedAt: T0,
      };
      await expect(async () => store.figures.add([{ ...bad, value: 3 }, bad], 'tg:1')).rejects.toThrow(/value/);
      expect(await t.rows('figures')).toEqual([]);
    });
  });

  describe('createNotificationRepo', () => {
    const digest = {
      key: 'digest|tg:1|p|2026-06-01',
      kind: 'digest',
      recipient: 'tg:1',
      plan: 'p',
      slot: '2026-06-01',
      late: false,
    };

    it('lets one claimer send, again only after the lease or a failure, never after sent', async () => {
      expect(await store.notifications.claim(digest, 'a', T0, 60_000)).toBe(true);
      expect(await store.notifications.claim(digest, 'b', T0, 60_000)).toBe(false);
      expect(await store.notifications.claim(digest, 'b', new Date(T0.getTime() + 60_000), 60_000)).toBe(true);
      await store.notifications.markFailed('digest|tg:1|p|2026-06-01', 'blocked');
      expect(await store.notifications.claim({ ...digest, late: true }, 'c', LATER, 60_000)).toBe(true);
      await store.notifications.markSent(digest.key, LATER);
      expect(await store.notifications.claim(digest, 'd', LATER, 0)).toBe(false);
      expect(await store.notifications.lastSent('digest', 'tg:1')).toEqual(LATER);
      expect(await store.notifications.lastSent('digest', 'tg:2')).toBeNull();
      expect(await t.rows('notifications')).toEqual([
        {
          ...digest,
          state: 'sent',
          owner: 'c',
          attempts: 3,
          late: 1,
          claimed_at: LATER.toISOString(),
          sent_at: LATER.toISOString(),
          error: null,
        },
      ]);
    });

    it('takes at once the claim of a process of this host that is gone; waits the lease for any other', async () => {
      // A process that ran and exited (and was reaped): its pid names no process now.
      const gonePid = spawnSync(process.execPath, ['-e', '']).pid;
      const self = `${hostname()}:${process.pid}:self`;
      const soon = new Date(T0.getTime() + 1_000);
      expect(await store.notifications.claim(digest, `${hostname()}:${gonePid}:x`, T0, 60_000)).toBe(true);
      expect(await store.notifications.claim(digest, self, soon, 60_000)).toBe(true);
      expect(await t.rows('notifications')).toMatchObject([{ owner: self, state: 'claimed', attempts: 2 }]);
      for (const [i, owner] of [
        `${hostname()}:${process.ppid}:alive`,
        `another-host:${gonePid}:x`,
        `${hostname()}:${process.pid}:earlier`,
        'proc-a',
      ].entries()) {
        const other = { ...digest, key: `digest|tg:1|p|other-${i}` };
        expect(await store.notifications.claim(other, owner, T0, 60_000)).toBe(true);
        expect(await store.notifications.claim(other, self, soon, 60_000)).toBe(false);
      }
    });

    it('lets one of several connections claiming at once send', async () => {
      const others = await Promise.all([t.open(), t.open(), t.open()]);
      const claims = await Promise.all(
        [store, ...others].map((s, i) => s.notifications.claim(digest, `proc-${i}`, T0, 60_000)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    });
  });
});
