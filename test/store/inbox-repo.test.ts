import { beforeEach, expect, it } from 'vitest';
import { INBOX_KEEP_MS, INBOX_MAX_REPLAYS } from '../../src/store/index.js';
import type { UpdateInbox } from '../../src/tasks/index.js';
import { describeStores } from '../support/store-kinds.js';

const T0 = new Date('2026-06-01T02:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const update = (id: number, text = `tin ${id}`) => ({ id: String(id), body: { update_id: id, message: { text } } });

describeStores('createInboxRepo', (t) => {
  let repo: UpdateInbox;
  beforeEach(async () => {
    repo = await t.inbox();
  });

  it('keeps a batch with its bodies and returns it to be handled', async () => {
    expect(await repo.keep('telegram', [update(101), update(102, 'Nhiệm vụ 4 do ai chủ trì?')], T0)).toEqual([
      update(101),
      update(102, 'Nhiệm vụ 4 do ai chủ trì?'),
    ]);
    expect(await t.rows('inbox')).toEqual([
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

  it('drops the body once done, and an update done already is not returned when kept again', async () => {
    await repo.keep('telegram', [update(101), update(102)], T0);
    await repo.done('telegram', '101', at(500));
    expect(await repo.keep('telegram', [update(101), update(102), update(103)], at(1_000))).toEqual([
      update(102),
      update(103),
    ]);
    expect(await t.rows('inbox')).toMatchObject([
      { update_id: '101', body: null, received_at: T0.toISOString(), done_at: at(500).toISOString() },
      { update_id: '102', body: expect.any(String), received_at: T0.toISOString(), done_at: null },
      { update_id: '103', body: expect.any(String), received_at: at(1_000).toISOString(), done_at: null },
    ]);
  });

  it('keys by channel and update id: the same id on another channel is another update', async () => {
    await repo.keep('telegram', [update(7)], T0);
    await repo.done('telegram', '7', T0);
    expect(await repo.keep('zalo', [update(7)], T0)).toEqual([update(7)]);
    expect(await repo.pending('zalo')).toEqual([update(7)]);
    expect(await repo.pending('telegram')).toEqual([]);
  });

  it('hands out the pending updates of a channel oldest first, as they were kept', async () => {
    await repo.keep('telegram', [update(5), update(3)], T0);
    await repo.keep('telegram', [update(9)], at(1));
    await repo.done('telegram', '3', at(2));
    expect(await repo.pending('telegram')).toEqual([update(5), update(9)]);
    expect(await t.rows('inbox')).toMatchObject([
      { update_id: '5', replays: 1 },
      { update_id: '3', replays: 0 },
      { update_id: '9', replays: 1 },
    ]);
  });

  it('hands out only the updates kept before a time when asked so, and counts only those handed out', async () => {
    await repo.keep('telegram', [update(5)], T0);
    await repo.keep('telegram', [update(6)], at(60_000));
    expect(await repo.pending('telegram', at(60_000))).toEqual([update(5)]);
    expect(await t.rows('inbox')).toMatchObject([
      { update_id: '5', replays: 1 },
      { update_id: '6', replays: 0 },
    ]);
    expect(await repo.pending('telegram', T0)).toEqual([]);
    expect(await repo.pending('telegram', at(60_001))).toEqual([update(5), update(6)]);
  });

  it(`gives an update up after handing it out ${INBOX_MAX_REPLAYS} times without it being done`, async () => {
    await repo.keep('zalo', [update(1)], T0);
    for (let i = 0; i < INBOX_MAX_REPLAYS; i++) expect(await repo.pending('zalo')).toEqual([update(1)]);
    expect(await repo.pending('zalo')).toEqual([]);
    expect(await t.rows('inbox')).toMatchObject([{ update_id: '1', replays: INBOX_MAX_REPLAYS, done_at: null }]);
  });

  it('shares the database with another connection: what one process kept, the next one finds', async () => {
    await repo.keep('telegram', [update(42)], T0);
    const next = (await t.open()).inbox;
    expect(await next.pending('telegram')).toEqual([update(42)]);
    await next.done('telegram', '42', at(1));
    expect(await repo.keep('telegram', [update(42)], at(2))).toEqual([]);
  });

  it('deletes rows received more than a day ago, done or not, at the first keep, then at most every minute', async () => {
    await repo.keep('telegram', [update(1), update(2)], T0);
    await repo.done('telegram', '1', T0);
    await repo.keep('telegram', [update(3)], at(30 * 60_000));

    // A fresh repo (a restart) prunes at its first keep.
    const later = await t.inbox();
    const t1 = INBOX_KEEP_MS + 30 * 60_000 - 30_000;
    await later.keep('zalo', [update(4)], at(t1));
    expect(await t.rows('inbox')).toMatchObject([{ update_id: '3' }, { update_id: '4' }]);

    // Within the minute it does not prune again (3 is past its day by then); a minute later it does.
    await later.keep('zalo', [update(5)], at(t1 + 59_000));
    expect(await t.rows('inbox')).toMatchObject([{ update_id: '3' }, { update_id: '4' }, { update_id: '5' }]);
    await later.keep('zalo', [update(6)], at(t1 + 61_000));
    expect(await t.rows('inbox')).toMatchObject([{ update_id: '4' }, { update_id: '5' }, { update_id: '6' }]);
  });

  it('keeps only the latest rows beyond maxRows', async () => {
    const small = await t.inbox({ maxRows: 3, pruneEveryMs: 0 });
    await small.keep(
      'telegram',
      [1, 2, 3, 4].map((id) => update(id)),
      T0,
    );
    await small.keep('telegram', [update(5)], at(1));
    expect(await t.rows('inbox')).toMatchObject([
      { update_id: '2' },
      { update_id: '3' },
      { update_id: '4' },
      { update_id: '5' },
    ]);
    await small.keep('telegram', [update(6)], at(2));
    expect(await t.rows('inbox')).toMatchObject([
      { update_id: '3' },
      { update_id: '4' },
      { update_id: '5' },
      { update_id: '6' },
    ]);
  });

  it('marking an unknown update done, or one done already, changes nothing', async () => {
    await repo.keep('telegram', [update(1)], T0);
    await repo.done('telegram', '1', at(1));
    const before = await t.snapshot();
    await repo.done('telegram', '404', at(2));
    await repo.done('telegram', '1', at(3));
    expect(await t.snapshot()).toEqual(before);
  });
});
