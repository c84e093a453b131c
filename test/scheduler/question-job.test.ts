import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../src/store/index.js';
import type { NewQuestion } from '../../src/tasks/index.js';
import { hanoi } from '../support/digest-fixture.js';
import { addUser, LEADER, SchedulerHarness } from '../support/scheduler-harness.js';

const ADMIN = 'tg:900';
const DAY = 86_400_000;

let h: SchedulerHarness;
let store: Store;
beforeEach(() => {
  h = new SchedulerHarness();
  store = h.tmp.open();
  addUser(store, ADMIN, 'Quản trị', 'admin', null);
});
afterEach(() => {
  vi.useRealTimers();
  h.tmp.cleanup();
});

const ask = (text: string, when: string, user: string, over: Partial<NewQuestion> = {}): Promise<number> =>
  store.questions.record({
    askedAt: hanoi(when),
    channel: 'zalo',
    userKey: user,
    text,
    intent: 'out_of_scope',
    kind: 'out_of_scope',
    answered: false,
    citations: [],
    ...over,
  });

const answered = { intent: 'lead', kind: 'task_field', answered: true } as const;

/** A week of questions: worded alike in several spellings, one answered and disliked twice, one outside the week. */
async function seedWeek(): Promise<void> {
  await ask('6 rõ là gì', '2026-06-02 09:00', 'zl:1');
  await ask('6 ro la gi', '2026-06-03 10:00', 'zl:2');
  await ask('6 rõ là gì vậy', '2026-06-04 11:00', 'zl:1');
  await ask('giá vàng hôm nay', '2026-06-05 08:00', 'zl:3');
  const disliked = await ask('hạn báo cáo quý của Huế', '2026-06-05 09:00', 'zl:4', answered);
  await store.questions.rate(disliked, 'zl:4', 'down', hanoi('2026-06-05 09:01'));
  await store.questions.rate(disliked, 'zl:5', 'down', hanoi('2026-06-05 10:00'));
  const liked = await ask('ai chủ trì nhiệm vụ 4', '2026-06-05 10:00', 'zl:4', answered);
  await store.questions.rate(liked, 'zl:4', 'up', hanoi('2026-06-05 10:01'));
  await ask('câu hỏi tuần trước', '2026-05-31 09:00', 'zl:9');
}

const WEEKLY = [
  '📊 Câu hỏi của cán bộ tuần 01/06/2026–08/06/2026',
  'Tổng số: 6 câu hỏi; chưa trả lời được: 4; bị đánh giá chưa đúng: 1.',
  '',
  '❓ Chưa trả lời được nhiều nhất:',
  '• "6 rõ là gì" (3 lượt, 2 người hỏi)',
  '• "giá vàng hôm nay" (1 lượt)',
  '',
  '👎 Bị đánh giá chưa đúng nhiều nhất:',
  '• "hạn báo cáo quý của Huế" (1 lượt, 2 👎)',
  '',
  'Xem đầy đủ: npm run cli -- questions --since 7d',
].join('\n');

describe('the weekly list of questions', () => {
  it('goes to the admins on Monday at 08:00 Hanoi time, once, with the week before grouped by wording', async () => {
    await seedWeek();
    vi.useFakeTimers({ now: hanoi('2026-06-08 07:45'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const scheduler = h.scheduler('a', () => new Date());
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(hanoi('2026-06-08 07:59').getTime() - Date.now());
    expect(h.texts(ADMIN)).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    await scheduler.catchUp();
    scheduler.stop();
    expect(h.sent.filter((s) => s.to === ADMIN).map((s) => s.at)).toEqual([hanoi('2026-06-08 08:00')]);
    expect(h.texts(ADMIN)).toEqual([WEEKLY]);
    expect(h.texts(LEADER).some((t) => t.startsWith('📊'))).toBe(false);
  });

  it('says so in a week without questions', async () => {
    h.clock = hanoi('2026-06-08 08:05');
    await h.scheduler('a').catchUp();
    expect(h.texts(ADMIN)).toEqual([
      '📊 Câu hỏi của cán bộ tuần 01/06/2026–08/06/2026\n' +
        'Tổng số: 0 câu hỏi; chưa trả lời được: 0; bị đánh giá chưa đúng: 0.\n' +
        'Tuần qua không có câu hỏi nào.',
    ]);
  });
});

describe('the retention of questions', () => {
  it('deletes questions past QUESTION_LOG_DAYS at start and every night at 03:00, with their votes', async () => {
    const old = await ask('rất cũ', '2026-03-01 09:00', 'zl:1');
    await store.questions.rate(old, 'zl:1', 'down', hanoi('2026-03-01 09:05'));
    await ask('sắp hết hạn', '2026-03-10 02:30', 'zl:1');
    await ask('mới', '2026-06-01 09:00', 'zl:1');
    vi.useFakeTimers({ now: hanoi('2026-06-08 02:30'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const scheduler = h.scheduler('a', () => new Date());
    await scheduler.start();
    const texts = () => (h.tmp.rows('questions') as { text: string }[]).map((r) => r.text);
    expect(texts()).toEqual(['sắp hết hạn', 'mới']);
    expect(h.tmp.rows('question_feedback')).toEqual([]);
    await vi.advanceTimersByTimeAsync(hanoi('2026-06-08 03:01').getTime() - Date.now());
    scheduler.stop();
    expect(texts()).toEqual(['mới']);
    expect(hanoi('2026-06-08 03:00').getTime() - hanoi('2026-03-10 02:30').getTime()).toBeGreaterThan(90 * DAY);
  });
});
