import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { beforeEach, expect, it } from 'vitest';
import { DELIVERY_LEASE_MS } from '../../src/store/index.js';
import type { DeliveryLog } from '../../src/tasks/index.js';
import { describeStores } from '../support/store-kinds.js';

const T0 = new Date('2026-06-01T02:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describeStores('createDeliveryRepo', (t) => {
  let repo: DeliveryLog;
  beforeEach(async () => {
    repo = await t.deliveries();
  });

  it('claims a message once; a finished one is a duplicate for everyone, whenever asked', async () => {
    expect(await repo.claim('telegram', '1001:5', 'proc-a', T0)).toBe('new');
    await repo.finish('telegram', '1001:5', at(1_000));
    expect(await repo.claim('telegram', '1001:5', 'proc-a', at(2_000))).toBe('duplicate');
    expect(await repo.claim('telegram', '1001:5', 'proc-b', at(DELIVERY_LEASE_MS * 10))).toBe('duplicate');
    expect(await t.rows('inbox')).toEqual([
      {
        seq: 1,
        channel: 'telegram',
        update_id: '1001:5',
        body: null,
        received_at: T0.toISOString(),
        replays: 0,
        owner: 'proc-a',
        attempts: 1,
        claimed_at: T0.toISOString(),
        done_at: at(1_000).toISOString(),
      },
    ]);
  });

  it('keys by channel and message id: the same id on another channel is another message', async () => {
    expect(await repo.claim('telegram', 'in-1', 'proc-a', T0)).toBe('new');
    expect(await repo.claim('zalo', 'in-1', 'proc-a', T0)).toBe('new');
    expect(await repo.claim('telegram', 'in-2', 'proc-a', T0)).toBe('new');
    expect(await t.rows('inbox')).toHaveLength(3);
  });

  it('calls a message in flight in the same process a duplicate, even after the lease', async () => {
    expect(await repo.claim('zalo', 'in-1', 'proc-a', T0)).toBe('new');
    expect(await repo.claim('zalo', 'in-1', 'proc-a', at(1))).toBe('duplicate');
    expect(await repo.claim('zalo', 'in-1', 'proc-a', at(DELIVERY_LEASE_MS * 2))).toBe('duplicate');
  });

  it("calls another process's fresh claim busy, and takes it over once the lease has passed", async () => {
    expect(await repo.claim('zalo', 'in-1', 'dead', T0)).toBe('new');
    expect(await repo.claim('zalo', 'in-1', 'proc-b', at(DELIVERY_LEASE_MS - 1))).toBe('busy');
    const before = await t.rows('inbox');
    expect(before).toMatchObject([
      { channel: 'zalo', update_id: 'in-1', owner: 'dead', attempts: 1, claimed_at: T0.toISOString(), done_at: null },
    ]);

    expect(await repo.claim('zalo', 'in-1', 'proc-b', at(DELIVERY_LEASE_MS))).toBe('new');
    expect(await repo.claim('zalo', 'in-1', 'proc-c', at(DELIVERY_LEASE_MS + 1))).toBe('busy');
    await repo.finish('zalo', 'in-1', at(DELIVERY_LEASE_MS + 2));
    expect(await repo.claim('zalo', 'in-1', 'dead', at(DELIVERY_LEASE_MS * 5))).toBe('duplicate');
    expect(await t.rows('inbox')).toMatchObject([
      {
        channel: 'zalo',
        update_id: 'in-1',
        owner: 'proc-b',
        attempts: 2,
        claimed_at: at(DELIVERY_LEASE_MS).toISOString(),
        done_at: at(DELIVERY_LEASE_MS + 2).toISOString(),
      },
    ]);
  });

  it('takes at once the claim of a process of this host that is gone; waits the lease for any other', async () => {
    // A process that ran and exited (and was reaped): its pid names no process now.
    const gonePid = spawnSync(process.execPath, ['-e', '']).pid;
    const self = `${hostname()}:${process.pid}:self`;
    expect(await repo.claim('telegram', 'gone', `${hostname()}:${gonePid}:x`, T0)).toBe('new');
    expect(await repo.claim('telegram', 'gone', self, at(1))).toBe('new');
    expect(await t.rows('inbox')).toMatchObject([{ update_id: 'gone', owner: self, attempts: 2 }]);
    for (const [id, owner] of [
      ['alive', `${hostname()}:${process.ppid}:x`],
      ['elsewhere', `another-host:${gonePid}:x`],
      ['same-pid', `${hostname()}:${process.pid}:earlier`],
      ['unknown-form', 'proc-a'],
    ]) {
      expect(await repo.claim('telegram', id!, owner!, T0)).toBe('new');
      expect(await repo.claim('telegram', id!, self, at(1))).toBe('busy');
    }
  });

  it('takes the lease it is given', async () => {
    const short = await t.deliveries({ leaseMs: 1_000 });
    expect(await short.claim('zalo', 'in-1', 'dead', T0)).toBe('new');
    expect(await short.claim('zalo', 'in-1', 'proc-b', at(999))).toBe('busy');
    expect(await short.claim('zalo', 'in-1', 'proc-b', at(1_000))).toBe('new');
  });

  it('lets one of two connections to the same database claim a message (two processes)', async () => {
    const other = (await t.open()).deliveries;
    expect(await repo.claim('telegram', 'cb:77', 'proc-a', T0)).toBe('new');
    expect(await other.claim('telegram', 'cb:77', 'proc-b', T0)).toBe('busy');
    await repo.finish('telegram', 'cb:77', at(10));
    expect(await other.claim('telegram', 'cb:77', 'proc-b', at(20))).toBe('duplicate');
  });

  it('lets one of several connections claiming one message at once answer it', async () => {
    const logs = [repo, ...(await Promise.all([t.open(), t.open(), t.open()])).map((s) => s.deliveries)];
    const claims = await Promise.all(logs.map((log, i) => log.claim('telegram', '1001:9', `proc-${i}`, T0)));
    expect(claims.filter((c) => c === 'new')).toHaveLength(1);
    expect(claims.filter((c) => c === 'busy')).toHaveLength(3);
  });

  it('claims and finishes the row the inbox kept: one row per update, its body dropped once finished', async () => {
    const inbox = await t.inbox();
    await inbox.keep('telegram', [{ id: '7', body: { update_id: 7 } }], T0);
    expect(await repo.claim('telegram', '7', 'proc-a', at(1))).toBe('new');
    expect(await inbox.pending('telegram')).toEqual([{ id: '7', body: { update_id: 7 } }]);
    await repo.finish('telegram', '7', at(2));
    expect(await t.rows('inbox')).toEqual([
      {
        seq: 1,
        channel: 'telegram',
        update_id: '7',
        body: null,
        received_at: T0.toISOString(),
        replays: 1,
        owner: 'proc-a',
        attempts: 1,
        claimed_at: at(1).toISOString(),
        done_at: at(2).toISOString(),
      },
    ]);
    // Delivered again: the inbox drops it, and so would the claim.
    expect(await inbox.keep('telegram', [{ id: '7', body: { update_id: 7 } }], at(3))).toEqual([]);
    expect(await repo.claim('telegram', '7', 'proc-b', at(DELIVERY_LEASE_MS * 2))).toBe('duplicate');
  });

  it('never hands out at start a message claimed without the inbox (it has no body)', async () => {
    expect(await repo.claim('zalo', 'in-1', 'dead', T0)).toBe('new');
    expect(await (await t.inbox()).pending('zalo')).toEqual([]);
  });

  it('finishing an unknown message changes nothing', async () => {
    await repo.claim('zalo', 'in-1', 'proc-a', T0);
    const before = await t.snapshot();
    await repo.finish('zalo', 'in-404', at(1));
    expect(await t.snapshot()).toEqual(before);
  });
});
