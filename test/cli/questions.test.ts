import { describe, expect, it } from 'vitest';
import { parseSince, run } from '../../src/cli/commands/questions.js';
import type { NewQuestion } from '../../src/tasks/index.js';
import { useCliOnTmpDb } from '../support/cli-run.js';

const HOUR = 3_600_000;
const now = Date.now();
const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR);
const q = (text: string, hoursAgo: number, over: Partial<NewQuestion> = {}): NewQuestion => ({
  askedAt: at(hoursAgo),
  channel: 'telegram',
  userKey: 'tg:1',
  text,
  intent: 'lead',
  kind: 'task_field',
  answered: true,
  citations: [{ plan: 'nhi-chieu', task: '4', section: null }],
  ...over,
});

const t = useCliOnTmpDb(async (store) => {
  await store.questions.record(q('ai chủ trì nhiệm vụ 4', 10 * 24));
  await store.questions.record(
    q('giá vàng hôm nay', 3 * 24, { intent: 'out_of_scope', kind: 'out_of_scope', answered: false, citations: [] }),
  );
  const disliked = await store.questions.record(
    q('hạn báo cáo', 2, {
      intent: 'reporting',
      kind: 'reporting',
      citations: [{ plan: 'hue', task: null, section: 'IV.2' }],
    }),
  );
  await store.questions.rate(disliked, 'tg:2', 'down', at(1));
});
const questions = (...args: string[]) => run(['--db', t.db.path, ...args]);
const lastColumn = () => t.io.out.slice(1).map((line) => line.split(/ {2,}/).at(-1));

describe('cli questions', () => {
  it('lists every question newest first as a table with its reading, answer, votes and sources', async () => {
    expect(await questions()).toBe(0);
    expect(t.io.out[0]).toMatch(/^asked\s+channel\s+intent\s+answered\s+👍\s+👎\s+sources\s+question$/);
    expect(t.io.out).toHaveLength(4);
    expect(t.io.out[1]).toMatch(/telegram\s+reporting\s+yes\s+0\s+1\s+hue IV\.2\s+hạn báo cáo$/);
    expect(t.io.out[2]).toMatch(/telegram\s+out_of_scope\s+no\s+0\s+0\s+-\s+giá vàng hôm nay$/);
    expect(t.io.out[3]).toMatch(/lead\/task_field\s+yes\s+0\s+0\s+nhi-chieu#4\s+ai chủ trì nhiệm vụ 4$/);
  });

  it.each([
    [['--unanswered'], ['giá vàng hôm nay']],
    [['--disliked'], ['hạn báo cáo']],
    [
      ['--since', '7d'],
      ['hạn báo cáo', 'giá vàng hôm nay'],
    ],
    [['--since', '24h'], ['hạn báo cáo']],
    [['--since', '7d', '--unanswered'], ['giá vàng hôm nay']],
    [['--limit', '1'], ['hạn báo cáo']],
  ])('filters with %j', async (args, texts) => {
    expect(await questions(...args)).toBe(0);
    expect(lastColumn()).toEqual(texts);
  });

  it('prints JSON with --json', async () => {
    expect(await questions('--json', '--disliked')).toBe(0);
    expect(JSON.parse(t.io.out.join('\n'))).toEqual([
      expect.objectContaining({
        text: 'hạn báo cáo',
        intent: 'reporting',
        answered: true,
        up: 0,
        down: 1,
        citations: [{ plan: 'hue', task: null, section: 'IV.2' }],
        userHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
  });

  it('says when nothing matches', async () => {
    expect(await questions('--since', '1h')).toBe(0);
    expect(t.io.out).toEqual(['no questions match']);
  });

  it.each([
    [['--since', 'tuần trước'], "questions: --since must be like 7d, 24h, 2w or 2026-06-01, got 'tuần trước'"],
    [['--limit', '0'], "questions: --limit must be a whole number from 1, got '0'"],
  ])('refuses %j with one line and the usage', async (args, message) => {
    expect(await questions(...args)).toBe(1);
    expect(t.io.err[0]!.split('\n')[0]).toBe(message);
  });
});

describe('parseSince', () => {
  const NOW = new Date('2026-06-08T02:00:00Z');
  it.each([
    ['7d', '2026-06-01T02:00:00.000Z'],
    ['24h', '2026-06-07T02:00:00.000Z'],
    ['2w', '2026-05-25T02:00:00.000Z'],
    ['2026-06-01', '2026-06-01T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseSince(text, NOW)?.toISOString()).toBe(iso);
  });
  it.each(['7', 'd7', '2026-02-30', '7 d', ''])('refuses "%s"', (text) => {
    expect(parseSince(text, NOW)).toBeNull();
  });
});
