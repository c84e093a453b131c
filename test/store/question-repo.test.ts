import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import type { NewQuestion } from '../../src/tasks/index.js';
import { createTmpDb, type TmpDb } from '../support/tmp-db.js';

const SECRET = 'a-secret-of-the-deployment-0123456789';
const T0 = new Date('2026-06-01T02:00:00Z');
const DAY = 86_400_000;

let tmp: TmpDb;
let store: Store;
beforeEach(() => {
  tmp = createTmpDb();
  store = openStore(tmp.path, { questionSecret: SECRET });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

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

describe('createQuestionRepo', () => {
  it('keeps the question, its reading and sources, with the asker as an HMAC of their key, never the key', () => {
    const id = store.questions.record(question());
    const rows = tmp.rows('questions') as Record<string, unknown>[];
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
    expect(JSON.stringify(tmp.snapshot())).not.toContain('tg:42');
    // A plain hash of the id, which a list of every possible id would reverse, is not what is stored.
    const plain = createHmac('sha256', '').update('tg:42').digest('hex');
    expect(rows[0]!.user_hash).not.toBe(plain);
  });

  it('hashes one person alike under one secret and differently under another', () => {
    store.questions.record(question());
    store.questions.record(question({ text: 'hạn khi nào' }));
    const other = openStore(tmp.path, { questionSecret: 'another-secret-0123456789' });
    other.questions.record(question({ text: 'ai phối hợp' }));
    other.close();
    const hashes = (tmp.rows('questions') as { user_hash: string }[]).map((r) => r.user_hash);
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[2]).not.toBe(hashes[0]);
  });

  it('records one vote per person per answer, a change of mind replacing it', () => {
    const id = store.questions.record(question());
    expect(store.questions.rate(id, 'tg:7', 'up', T0)).toBe('recorded');
    expect(store.questions.rate(id, 'tg:7', 'up', T0)).toBe('unchanged');
    expect(store.questions.rate(id, 'tg:7', 'down', new Date(T0.getTime() + 60_000))).toBe('changed');
    expect(store.questions.rate(id, 'tg:8', 'down', T0)).toBe('recorded');
    expect(tmp.rows('question_feedback')).toEqual([
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
    ]);
    expect(store.questions.list()).toMatchObject([{ id, up: 0, down: 2 }]);
  });

  it('says a vote on a question it does not hold is unknown, and stores nothing', () => {
    expect(store.questions.rate(999, 'tg:7', 'up', T0)).toBe('unknown_question');
    expect(tmp.rows('question_feedback')).toEqual([]);
  });

  it('lists newest first, filtered by time, by unanswered and by disliked', () => {
    const old = store.questions.record(question({ askedAt: new Date(T0.getTime() - 10 * DAY), text: 'cũ' }));
    const missed = store.questions.record(
      question({
        askedAt: new Date(T0.getTime() - DAY),
        text: 'giá vàng',
        intent: 'out_of_scope',
        kind: 'out_of_scope',
        answered: false,
        citations: [],
      }),
    );
    const disliked = store.questions.record(question({ text: 'hạn nhiệm vụ 4' }));
    store.questions.rate(disliked, 'tg:1', 'down', T0);
    store.questions.rate(old, 'tg:1', 'up', T0);
    const ids = (f: Parameters<Store['questions']['list']>[0]) => store.questions.list(f).map((q) => q.id);
    expect(ids({})).toEqual([disliked, missed, old]);
    expect(ids({ since: new Date(T0.getTime() - 7 * DAY) })).toEqual([disliked, missed]);
    expect(ids({ unanswered: true })).toEqual([missed]);
    expect(ids({ disliked: true })).toEqual([disliked]);
    expect(ids({ unanswered: true, disliked: true })).toEqual([]);
    expect(ids({ limit: 1 })).toEqual([disliked]);
    expect(store.questions.list({ unanswered: true })).toEqual([
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

  it('purges the questions asked before a time, with their votes, and keeps the rest', () => {
    const old = store.questions.record(question({ askedAt: new Date(T0.getTime() - 91 * DAY) }));
    const recent = store.questions.record(question({ askedAt: new Date(T0.getTime() - 89 * DAY) }));
    store.questions.rate(old, 'tg:1', 'down', T0);
    store.questions.rate(recent, 'tg:1', 'up', T0);
    expect(store.questions.purge(new Date(T0.getTime() - 90 * DAY))).toBe(1);
    expect((tmp.rows('questions') as { id: number }[]).map((r) => r.id)).toEqual([recent]);
    expect(tmp.rows('question_feedback')).toMatchObject([{ question_id: recent, vote: 'up' }]);
    expect(store.questions.purge(new Date(T0.getTime() - 90 * DAY))).toBe(0);
  });
});
