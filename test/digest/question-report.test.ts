import { describe, expect, it } from 'vitest';
import { groupQuestions } from '../../src/digest/index.js';
import type { QuestionRecord } from '../../src/tasks/index.js';

let seq = 0;
const record = (text: string, userHash = 'h1', down = 0): QuestionRecord => ({
  id: ++seq,
  askedAt: new Date(Date.UTC(2026, 5, 1, 0, seq)),
  channel: 'telegram',
  userHash,
  text,
  intent: 'out_of_scope',
  kind: 'out_of_scope',
  answered: false,
  citations: [],
  up: 0,
  down,
});

describe('groupQuestions', () => {
  it('counts questions worded alike as one, whatever the diacritics, case and a word more or less', () => {
    const groups = groupQuestions([
      record('Nguyên tắc 3 không là gì?', 'a'),
      record('giá xăng hôm nay', 'b'),
      record('nguyen tac 3 khong la gi', 'b'),
      record('Nguyên tắc 3 không là gì?', 'c', 1),
      record('nguyên tắc 3 không gồm những gì', 'a'),
    ]);
    expect(groups).toEqual([
      { text: 'Nguyên tắc 3 không là gì?', count: 4, askers: 3, down: 1 },
      { text: 'giá xăng hôm nay', count: 1, askers: 1, down: 0 },
    ]);
  });

  it('keeps questions about different things apart', () => {
    expect(groupQuestions([record('ai chủ trì nhiệm vụ 4'), record('ai phối hợp nhiệm vụ 9')])).toHaveLength(2);
  });
});
