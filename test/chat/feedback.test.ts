import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackChoices, parseFeedbackData } from '../../src/chat/index.js';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';

let h: ChatHarness;
beforeEach(() => {
  h = createChatHarness({ questionLog: true });
});
afterEach(() => h.cleanup());

const lan = { id: '1', name: 'Lan' };
const minh = { id: '2', name: 'Minh' };

type QuestionRow = {
  id: number;
  text: string;
  intent: string;
  kind: string;
  answered: number;
  citations: string;
  user_hash: string;
};
const questionRows = () => h.db.rows('questions') as QuestionRow[];

describe('parseFeedbackData', () => {
  it('reads the data of the two votes', () => {
    expect(feedbackChoices(12)).toEqual({ up: 'fb:12:u', down: 'fb:12:d' });
    expect(parseFeedbackData('fb:12:u')).toEqual({ questionId: 12, vote: 'up' });
    expect(parseFeedbackData('fb:12:d')).toEqual({ questionId: 12, vote: 'down' });
  });

  it.each([
    'fb:12:x',
    'fb:0:u',
    'fb:-1:u',
    'fb:12',
    'fb:12:u:1',
    'fb:1234567890123456:u',
    'ok',
    'task:nhi-chieu#4',
    '',
  ])('takes "%s" for no vote', (data) => {
    expect(parseFeedbackData(data)).toBeUndefined();
  });
});

describe('the question log and votes through the chat core', () => {
  it('logs a question answered with its reading, sources and asker hashed, and offers the two votes', async () => {
    const [reply] = await h.send(lan, 'ai chu tri nhiem vu 4 nhi chieu');
    const [row] = questionRows();
    expect(row).toMatchObject({
      text: 'ai chu tri nhiem vu 4 nhi chieu',
      intent: 'lead',
      kind: 'task_field',
      answered: 1,
      citations: '[{"plan":"nhi-chieu","task":"4","section":null}]',
    });
    expect(row!.user_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(reply!.feedback).toEqual(feedbackChoices(row!.id));
  });

  it('logs a question the plans do not cover as not answered', async () => {
    await h.send(lan, 'giá vàng hôm nay bao nhiêu');
    expect(questionRows()).toMatchObject([
      { intent: 'out_of_scope', kind: 'out_of_scope', answered: 0, citations: '[]' },
    ]);
  });

  it('neither logs nor offers votes for small talk, commands and further pages', async () => {
    for (const text of ['chào bạn', '/trogiup', '/tiendo 4', 'cảm ơn']) {
      const replies = await h.send(lan, text);
      expect(replies.every((r) => r.feedback === undefined)).toBe(true);
    }
    expect(questionRows()).toEqual([]);
  });

  it('records a vote once per person, lets them change their mind, and acknowledges each', async () => {
    const [answer] = await h.send(lan, 'ai chu tri nhiem vu 4 nhi chieu');
    const { up, down } = answer!.feedback!;
    expect(await h.press(lan, up)).toEqual([{ text: 'Cảm ơn bạn! Đã ghi nhận câu trả lời hữu ích.' }]);
    expect(await h.press(lan, up)).toEqual([{ text: 'Bạn đã đánh giá câu trả lời này rồi.' }]);
    expect(await h.press(lan, down)).toEqual([{ text: 'Đã đổi đánh giá thành: chưa đúng.' }]);
    expect(await h.press(minh, down)).toEqual([
      { text: 'Cảm ơn bạn! Đã ghi nhận câu trả lời chưa đúng, quản trị viên sẽ xem lại.' },
    ]);
    expect(h.db.rows('question_feedback')).toMatchObject([{ vote: 'down' }, { vote: 'down' }]);
    expect(await h.store().questions.list({ disliked: true })).toMatchObject([
      { text: 'ai chu tri nhiem vu 4 nhi chieu', up: 0, down: 2 },
    ]);
  });

  it('says a vote on a question no longer kept is not recorded', async () => {
    expect(await h.press(lan, 'fb:77:u')).toEqual([
      { text: 'Câu hỏi này không còn được lưu nên không ghi nhận được đánh giá.' },
    ]);
    expect(h.db.rows('question_feedback')).toEqual([]);
  });

  it('takes typed text that looks like vote data as a question, not a vote', async () => {
    await h.send(lan, 'ai chu tri nhiem vu 4 nhi chieu');
    await h.send(lan, 'fb:1:u');
    expect(h.db.rows('question_feedback')).toEqual([]);
  });
});
