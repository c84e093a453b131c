import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryRepo, createInboxRepo, DELIVERY_LEASE_MS, type Store } from '../../src/store/index.js';
import { createTmpDb, type TmpDb } from '../support/tmp-db.js';

let tmp: TmpDb;
let store: Store;
let repo: ReturnType<typeof createDeliveryRepo>;
const T0 = new Date('2026-06-01T02:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeEach(() => {
  tmp = createTmpDb();
  store = tmp.open();
  repo = createDeliveryRepo(store.db);
});
afterEach(() => tmp.cleanup());

describe('createDeliveryRepo', () => {
  it('claims a message once; a finished one is a duplicate for everyone, whenever asked', () => {
    expect(repo.claim('telegram', '1001:5', 'proc-a', T0)).toBe('new');
    repo.finish('telegram', '1001:5', at(1_000));
    expect(repo.claim('telegram', '1001:5', 'proc-a', at(2_000))).toBe('duplicate');
    expect(repo.claim('telegram', '1001:5', 'proc-b', at(DELIVERY_LEASE_MS * 10))).toBe('duplicate');
    expect(tmp.rows('inbox')).toEqual([
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

  it('keys by channel and message id: the same id on another channel is another message', () => {
    expect(repo.claim('telegram', 'in-1', 'proc-a', T0)).toBe('new');
    expect(repo.claim('zalo', 'in-1', 'proc-a', T0)).toBe('new');
    expect(repo.claim('telegram', 'in-2', 'proc-a', T0)).toBe('new');
    expect(tmp.rows('inbox')).toHaveLength(3);
  });

  it('calls a message in flight in the same process a duplicate, even after the lease', () => {
    expect(repo.claim('zalo', 'in-1', 'proc-a', T0)).toBe('new');
    expect(repo.claim('zalo', 'in-1', 'proc-a', at(1))).toBe('duplicate');
    expect(repo.claim('zalo', 'in-1', 'proc-a', at(DELIVERY_LEASE_MS * 2))).toBe('duplicate');
  });

  it("calls another process's fresh claim busy, and takes it over once the lease has passed", () => {
    expect(repo.claim('zalo', 'in-1', 'dead', T0)).toBe('new');
    expect(repo.claim('zalo', 'in-1', 'proc-b', at(DELIVERY_LEASE_MS - 1))).toBe('busy');
    const before = tmp.rows('inbox');
    expect(before).toMatchObject([
      { channel: 'zalo', update_id: 'in-1', owner: 'dead', attempts: 1, claimed_at: T0.toISOString(), done_at: null },
    ]);

    expect(repo.claim('zalo', 'in-1', 'proc-b', at(DELIVERY_LEASE_MS))).toBe('new');
    expect(repo.claim('zalo', 'in-1', 'proc-c', at(DELIVERY_LEASE_MS + 1))).toBe('busy');
    repo.finish('zalo', 'in-1', at(DELIVERY_LEASE_MS + 2));
    expect(repo.claim('zalo', 'in-1', 'dead', at(DELIVERY_LEASE_MS * 5))).toBe('duplicate');
    expect(tmp.rows('inbox')).toMatchObject([
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

  it('takes the lease it is given', () => {
    const short = createDeliveryRepo(store.db, { leaseMs: 1_000 });
    expect(short.claim('zalo', 'in-1', 'dead', T0)).toBe('new');
    expect(short.claim('zalo', 'in-1', 'proc-b', at(999))).toBe('busy');
    expect(short.claim('zalo', 'in-1', 'proc-b', at(1_000))).toBe('new');
  });

  it('lets one of two connections to the same file claim a message (two processes)', () => {
    const other = createDeliveryRepo(tmp.open().db);
    expect(repo.claim('telegram', 'cb:77', 'proc-a', T0)).toBe('new');
    expect(other.claim('telegram', 'cb:77', 'proc-b', T0)).toBe('busy');
    repo.finish('telegram', 'cb:77', at(10));
    expect(other.claim('telegram', 'cb:77', 'proc-b', at(20))).toBe('duplicate');
  });

  it('claims and finishes the row the inbox kept: one row per update, its body dropped once finished', () => {
    const inbox = createInboxRepo(store.db);
    inbox.keep('telegram', [{ id: '7', body: { update_id: 7 } }], T0);
    expect(repo.claim('telegram', '7', 'proc-a', at(1))).toBe('new');
    expect(inbox.pending('telegram')).toEqual([{ id: '7', body: { update_id: 7 } }]);
    repo.finish('telegram', '7', at(2));
    expect(tmp.rows('inbox')).toEqual([
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
    expect(inbox.keep('telegram', [{ id: '7', body: { update_id: 7 } }], at(3))).toEqual([]);
    expect(repo.claim('telegram', '7', 'proc-b', at(DELIVERY_LEASE_MS * 2))).toBe('duplicate');
  });

  it('never hands out at start a message claimed without the inbox (it has no body)', () => {
    expect(repo.claim('zalo', 'in-1', 'dead', T0)).toBe('new');
    expect(createInboxRepo(store.db).pending('zalo')).toEqual([]);
  });

  it('finishing an unknown message changes nothing', () => {
    repo.claim('zalo', 'in-1', 'proc-a', T0);
    const before = tmp.snapshot();
    repo.finish('zalo', 'in-404', at(1));
    expect(tmp.snapshot()).toEqual(before);
  });
});
