import { createHmac } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import type { NewQuestion, QuestionFilter } from '../../src/tasks/index.js';
import { describeStores, type AnyStore } from '../support/store-kinds.js';

const SECRET = 'a-secret-of-the-deployment-0123456789';
const T0 = new Date('2026-06-01T02:00:00Z');
const DAY = 86_400_000;

const question = (over: Partial<NewQuestion> = {}): NewQuestion => ({
  askedAt: T0,
  channel: 'telegram',
  userKey: 'tg:42',
  text: 'ai chủ trì nhiệm vụ 4 nhị chiểu',
  intent: 'lead',
  kind: 'task_field',
  answered: true,
  citations: [{ plan: 'nhi-chieu', task: '4', section: null }],
  ...over,
});

describeStores('createQuestionRepo', (t) => {
  let store: AnyStore;
  beforeEach(async () => {
    store = await t.open({ questionSecret: SECRET });
  });

  it('keeps the question, its reading and sources, with the asker as an HMAC of their key, never the key', async () => {
    const id = await store.questions.record(question());
    const rows = (await t.rows('questions')) as Record<string, unknown>[];
    expect(rows).toEqual([
      {
        id,
        asked_at: '2026-06-01T02:00:00.000Z',
        channel: 'telegram',
        user_hash: createHmac('sha256', SECRET).update('tg:42').digest('hex'),
        text: 'ai chủ trì nhiệm vụ 4 nhị chiểu',
        intent: 'lead',
        kind: 'task_field',
        answered: 1,
        citations: '[{"plan":"nhi-chieu","task":"4","section":null}]',
      },
    ]);
    expect(JSON.stringify(await t.snapshot())).not.toContain('tg:42');
    // A plain hash of the id, which a list of every possible id would reverse, is not what is stored.
    const plain = createHmac('sha256', '').update('tg:42').digest('hex');
    expect(rows[0]!.user_hash).not.toBe(plain);
  });

  it('hashes one person alike under one secret and differently under another', async () => {
    await store.questions.record(question());
    await store.questions.record(question({ text: 'hạn khi nào' }));
    const other = await t.open({ questionSecret: 'another-secret-0123456789' });
    await other.questions.record(question({ text: 'ai phối hợp' }));
    const hashes = ((await t.rows('questions')) as { user_hash: string }[]).map((r) => r.user_hash);
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[2]).not.toBe(hashes[0]);
  });

  it('records one vote per person per answer, a change of mind replacing it', async () => {
    const id = await store.questions.record(question());
    expect(await store.questions.rate(id, 'tg:7', 'up', T0)).toBe('recorded');
    expect(await store.questions.rate(id, 'tg:7', 'up', T0)).toBe('unchanged');
    expect(await store.questions.rate(id, 'tg:7', 'down', new Date(T0.getTime() + 60_000))).toBe('changed');
    expect(await store.questions.rate(id, 'tg:8', 'down', T0)).toBe('recorded');
    const votes = await t.rows('question_feedback');
    expect(votes).toHaveLength(2);
    expect(votes).toEqual(
      expect.arrayContaining([
        {
          question_id: id,
          user_hash: createHmac('sha256', SECRET).update('tg:7').digest('hex'),
          vote: 'down',
          voted_at: '2026-06-01T02:01:00.000Z',
        },
        {
          question_id: id,
          user_hash: createHmac('sha256', SECRET).update('tg:8').digest('hex'),
          vote: 'down',
          voted_at: '2026-06-01T02:00:00.000Z',
        },
      ]),
    );
    expect(await store.questions.list()).toMatchObject([{ id, up: 0, down: 2 }]);
  });

  it('says a vote on a question it does not hold is unknown, and stores nothing', async () => {
    expect(await store.questions.rate(999, 'tg:7', 'up', T0)).toBe('unknown_question');
    expect(await t.rows('question_feedback')).toEqual([]);
  });

  it('lists newest first, filtered by time, by unanswered and by disliked', async () => {
    const old = await store.questions.record(question({ askedAt: new Date(T0.getTime() - 10 * DAY), text: 'cũ' }));
    const missed = await store.questions.record(
      question({
        askedAt: new Date(T0.getTime() - DAY),
        text: 'giá vàng',
        intent: 'out_of_scope',
        kind: 'out_of_scope',
        answered: false,
        citations: [],
      }),
    );
    const disliked = await store.questions.record(question({ text: 'hạn nhiệm vụ 4' }));
    await store.questions.rate(disliked, 'tg:1', 'down', T0);
    await store.questions.rate(old, 'tg:1', 'up', T0);
    const ids = async (f: QuestionFilter) => (await store.questions.list(f)).map((q) => q.id);
    expect(await ids({})).toEqual([disliked, missed, old]);
    expect(await ids({ since: new Date(T0.getTime() - 7 * DAY) })).toEqual([disliked, missed]);
    expect(await ids({ unanswered: true })).toEqual([missed]);
    expect(await ids({ disliked: true })).toEqual([disliked]);
    expect(await ids({ unanswered: true, disliked: true })).toEqual([]);
    expect(await ids({ limit: 1 })).toEqual([disliked]);
    expect(await store.questions.list({ unanswered: true })).toEqual([
      {
        id: missed,
        askedAt: new Date(T0.getTime() - DAY),
        channel: 'telegram',
        userHash: createHmac('sha256', SECRET).update('tg:42').digest('hex'),
        text: 'giá vàng',
        intent: 'out_of_scope',
        kind: 'out_of_scope',
        answered: false,
        citations: [],
        up: 0,
        down: 0,
      },
    ]);
  });

  it('purges the questions asked before a time, with their votes, and keeps the rest', async () => {
    const old = await store.questions.record(question({ askedAt: new Date(T0.getTime() - 91 * DAY) }));
    const recent = await store.questions.record(question({ askedAt: new Date(T0.getTime() - 89 * DAY) }));
    await store.questions.rate(old, 'tg:1', 'down', T0);
    await store.questions.rate(recent, 'tg:1', 'up', T0);
    expect(await store.questions.purge(new Date(T0.getTime() - 90 * DAY))).toBe(1);
    expect(((await t.rows('questions')) as { id: number }[]).map((r) => r.id)).toEqual([recent]);
    expect(await t.rows('question_feedback')).toMatchObject([{ question_id: recent, vote: 'up' }]);
    expect(await store.questions.purge(new Date(T0.getTime() - 90 * DAY))).toBe(0);
  });
});
