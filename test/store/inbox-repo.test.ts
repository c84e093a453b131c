import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInboxRepo, INBOX_KEEP_MS, INBOX_MAX_REPLAYS, type Store } from '../../src/store/index.js';
import { createTmpDb, type TmpDb } from '../support/tmp-db.js';

let tmp: TmpDb;
let store: Store;
let repo: ReturnType<typeof createInboxRepo>;
const T0 = new Date('2026-06-01T02:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const update = (id: number, text = `tin ${id}`) => ({ id: String(id), body: { update_id: id, message: { text } } });

beforeEach(() => {
  tmp = createTmpDb();
  store = tmp.open();
  repo = createInboxRepo(store.db);
});
afterEach(() => tmp.cleanup());

describe('createInboxRepo', () => {
  it('keeps a batch with its bodies and returns it to be handled', () => {
    expect(repo.keep('telegram', [update(101), update(102, 'Nhiệm vụ 4 do ai chủ trì?')], T0)).toEqual([
      update(101),
      update(102, 'Nhiệm vụ 4 do ai chủ trì?'),
    ]);
    expect(tmp.rows('inbox')).toEqual([
      {
        seq: 1,
        channel: 'telegram',
        update_id: '101',
        body: '{"update_id":101,"message":{"text":"tin 101"}}',
        received_at: T0.toISOString(),
        replays: 0,
        done_at: null,
        owner: null,
        claimed_at: null,
        attempts: 0,
      },
      {
        seq: 2,
        channel: 'telegram',
        update_id: '102',
        body: '{"update_id":102,"message":{"text":"Nhiệm vụ 4 do ai chủ trì?"}}',
        received_at: T0.toISOString(),
        replays: 0,
        done_at: null,
        owner: null,
        claimed_at: null,
        attempts: 0,
      },
    ]);
  });

  it('drops the body once done, and an update done already is not returned when kept again', () => {
    repo.keep('telegram', [update(101), update(102)], T0);
    repo.done('telegram', '101', at(500));
    expect(repo.keep('telegram', [update(101), update(102), update(103)], at(1_000))).toEqual([
      update(102),
      update(103),
    ]);
    expect(tmp.rows('inbox')).toMatchObject([
      { update_id: '101', body: null, received_at: T0.toISOString(), done_at: at(500).toISOString() },
      { update_id: '102', body: expect.any(String), received_at: T0.toISOString(), done_at: null },
      { update_id: '103', body: expect.any(String), received_at: at(1_000).toISOString(), done_at: null },
    ]);
  });

  it('keys by channel and update id: the same id on another channel is another update', () => {
    repo.keep('telegram', [update(7)], T0);
    repo.done('telegram', '7', T0);
    expect(repo.keep('zalo', [update(7)], T0)).toEqual([update(7)]);
    expect(repo.pending('zalo')).toEqual([update(7)]);
    expect(repo.pending('telegram')).toEqual([]);
  });

  it('hands out the pending updates of a channel oldest first, as they were kept', () => {
    repo.keep('telegram', [update(5), update(3)], T0);
    repo.keep('telegram', [update(9)], at(1));
    repo.done('telegram', '3', at(2));
    expect(repo.pending('telegram')).toEqual([update(5), update(9)]);
    expect(tmp.rows('inbox')).toMatchObject([
      { update_id: '5', replays: 1 },
      { update_id: '3', replays: 0 },
      { update_id: '9', replays: 1 },
    ]);
  });

  it(`gives an update up after handing it out ${INBOX_MAX_REPLAYS} times without it being done`, () => {
    repo.keep('zalo', [update(1)], T0);
    for (let i = 0; i < INBOX_MAX_REPLAYS; i++) expect(repo.pending('zalo')).toEqual([update(1)]);
    expect(repo.pending('zalo')).toEqual([]);
    expect(tmp.rows('inbox')).toMatchObject([{ update_id: '1', replays: INBOX_MAX_REPLAYS, done_at: null }]);
  });

  it('shares the file with another connection: what one process kept, the next one finds', () => {
    repo.keep('telegram', [update(42)], T0);
    const next = createInboxRepo(tmp.open().db);
    expect(next.pending('telegram')).toEqual([update(42)]);
    next.done('telegram', '42', at(1));
    expect(repo.keep('telegram', [update(42)], at(2))).toEqual([]);
  });

  it('deletes rows received more than a day ago, done or not, at the first keep, then at most every minute', () => {
    repo.keep('telegram', [update(1), update(2)], T0);
    repo.done('telegram', '1', T0);
    repo.keep('telegram', [update(3)], at(30 * 60_000));

    // A fresh repo (a restart) prunes at its first keep.
    const later = createInboxRepo(store.db);
    const t1 = INBOX_KEEP_MS + 30 * 60_000 - 30_000;
    later.keep('zalo', [update(4)], at(t1));
    expect(tmp.rows('inbox')).toMatchObject([{ update_id: '3' }, { update_id: '4' }]);

    // Within the minute it does not prune again (3 is past its day by then); a minute later it does.
    later.keep('zalo', [update(5)], at(t1 + 59_000));
    expect(tmp.rows('inbox')).toMatchObject([{ update_id: '3' }, { update_id: '4' }, { update_id: '5' }]);
    later.keep('zalo', [update(6)], at(t1 + 61_000));
    expect(tmp.rows('inbox')).toMatchObject([{ update_id: '4' }, { update_id: '5' }, { update_id: '6' }]);
  });

  it('keeps only the latest rows beyond maxRows', () => {
    const small = createInboxRepo(store.db, { maxRows: 3, pruneEveryMs: 0 });
    small.keep(
      'telegram',
      [1, 2, 3, 4].map((id) => update(id)),
      T0,
    );
    small.keep('telegram', [update(5)], at(1));
    expect(tmp.rows('inbox')).toMatchObject([
      { update_id: '2' },
      { update_id: '3' },
      { update_id: '4' },
      { update_id: '5' },
    ]);
    small.keep('telegram', [update(6)], at(2));
    expect(tmp.rows('inbox')).toMatchObject([
      { update_id: '3' },
      { update_id: '4' },
      { update_id: '5' },
      { update_id: '6' },
    ]);
  });

  it('marking an unknown update done, or one done already, changes nothing', () => {
    repo.keep('telegram', [update(1)], T0);
    repo.done('telegram', '1', at(1));
    const before = tmp.snapshot();
    repo.done('telegram', '404', at(2));
    repo.done('telegram', '1', at(3));
    expect(tmp.snapshot()).toEqual(before);
  });
});
