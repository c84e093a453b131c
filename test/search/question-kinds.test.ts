/**
 * Kinds of question officials ask every day, each in several phrasings (diacritics or not, shorthand, word order),
 * over the shipped plans and the unseen ones.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/ingest/index.js';
import { renderAnswer } from '../../src/messages/index.js';
import { answerQuestion, buildSearch } from '../../src/search/index.js';
import { foldCase } from '../../src/text/index.js';

const SHIPPED = 'knowledge';
const UNSEEN = 'test/knowledge/fixtures/unseen';
const UNSEEN_2 = 'test/knowledge/fixtures/unseen-2';
const indexes = new Map(
  await Promise.all(
    [SHIPPED, UNSEEN, UNSEEN_2].map(async (dir) => [dir, buildSearch((await loadKnowledge(dir)).plans)] as const),
  ),
);
const indexOf = (dir: string) => indexes.get(dir)!;
const fold = (s: string) =>
  foldCase(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The reply to a question, folded, with the answer's intent. */
function ask(dir: string, question: string, today = '2026-07-01') {
  const answer = answerQuestion(indexOf(dir), question, { today });
  return { answer, text: fold(renderAnswer(answer)) };
}

describe('counts of tasks', () => {
  it.each([
    [SHIPPED, 'nhi chieu co bao nhieu nhiem vu', '19 nhiem vu'],
    [SHIPPED, 'Phường Nhị Chiểu có mấy nhiệm vụ?', '19 nhiem vu'],
    [SHIPPED, 'dai son co tat ca may nhiem vu', '12 nhiem vu'],
    [SHIPPED, 'tổng số nhiệm vụ của xã Đại Sơn', '12 nhiem vu'],
    [UNSEEN, 'lang son co bao nhieu nv', '10 nhiem vu'],
    [UNSEEN, 'Hòa Bình có mấy việc', '8 nhiem vu'],
    [UNSEEN_2, 'Số nhiệm vụ của tỉnh Gia Lai là bao nhiêu', '11 nhiem vu'],
  ])('%s: %s → %s, the count asked', (dir, question, count) => {
    const { answer, text } = ask(dir, question);
    expect(text).toContain(count);
    expect(answer.body).toMatchObject({ countAsked: true });
  });

  it.each([
    [
      SHIPPED,
      'Đại Sơn có bao nhiêu nhiệm vụ do Phòng Văn hóa - Xã hội chủ trì',
      'phong van hoa xa hoi xa dai son chu tri 6 nhiem vu',
    ],
    [SHIPPED, 'phong vhxh dai son chu tri may nv', 'phong van hoa xa hoi xa dai son chu tri 6 nhiem vu'],
    [UNSEEN, 'Văn phòng UBND tỉnh Lạng Sơn chủ trì mấy nhiệm vụ', 'van phong ubnd tinh lang son chu tri 3 nhiem vu'],
  ])('%s: %s → the agency count', (dir, question, said) => {
    expect(ask(dir, question).text).toContain(said);
  });
});

describe('the work of a plan with no appendix', () => {
  it.each(['phường bến thành có mấy việc', 'Bến Thành có những nhiệm vụ nào'])(
    '%s → the duties its body gives, with who does them',
    (question) => {
      const { answer, text } = ask(UNSEEN_2, question);
      expect(answer.body.kind).toBe('passages');
      expect(text).toContain('phuong ben thanh muc iii a 1 van phong hdnd va ubnd phuong');
    },
  );
});

describe('reporting dates, apart from the issue date', () => {
  it.each([
    [SHIPPED, 'hue bao cao dinh ky ngay nao', 'truoc ngay 10 thang 3'],
    [SHIPPED, 'Huế báo cáo định kỳ vào ngày nào?', 'truoc ngay 10 thang 3'],
    [SHIPPED, 'bc quy cua hue nop han nao', 'truoc ngay 10 thang 3'],
    [SHIPPED, 'dai son gui bao cao ve dau', 'so noi vu'],
    [UNSEEN, 'tan lap bao cao dinh ky ngay nao', 'truoc ngay 20 thang 6'],
    [UNSEEN, 'báo cáo 6 tháng của vĩnh long trước ngày nào', 'truoc ngay 5 thang 6'],
  ])('%s: %s', (dir, question, said) => {
    const { answer, text } = ask(dir, question);
    expect(answer.intent).toBe('reporting');
    expect(text).toContain(said);
    expect(text).not.toContain('ngay ban hanh');
  });

  it('still reads "ký ngày nào" as the day the plan was signed', () => {
    expect(ask(SHIPPED, 'kế hoạch của Huế ký ngày nào').text).toContain('ngay ban hanh 08 05 2026');
  });
});

describe('deadlines of body duties', () => {
  it.each([
    ['công chức tư pháp hộ tịch tân lập phải làm xong trước ngày nào', 'quy iii 2026'],
    ['truong cac ap tan lap phai hoan thanh truoc ngay nao', '30 06 2026'],
  ])('%s', (question, said) => {
    const { answer, text } = ask(UNSEEN, question);
    expect(answer.body.kind).toBe('duty_status');
    expect(text).toContain(said);
  });
});

describe("a unit's work", () => {
  it.each([
    [SHIPPED, 'viec cua phong vhxh dai son'],
    [SHIPPED, 'phong vhxh dai son phai lam gi'],
    [SHIPPED, 'Phòng Văn hóa - Xã hội xã Đại Sơn lo những việc gì?'],
    [SHIPPED, 'Đại Sơn: công việc của phòng VH-XH'],
  ])('%s: %s → the six appendix tasks it leads', (dir, question) => {
    const { answer, text } = ask(dir, question);
    expect(answer.intent).toBe('agency_tasks');
    expect(text).toContain('chu tri 6 nhiem vu');
    expect(answer.citations.filter((c) => c.task !== null).length).toBeGreaterThanOrEqual(6);
  });

  it.each([
    [UNSEEN, 'ai lo việc số hóa hồ sơ ở hòa bình', 'trung tam phuc vu hanh chinh cong'],
    [UNSEEN, 'viec cua cong chuc van hoa xa hoi tan lap', 'tuyen truyen'],
  ])('%s: %s', (dir, question, said) => {
    expect(ask(dir, question).text).toContain(said);
  });
});

describe('an agency the plan does not name', () => {
  it.each([
    [SHIPPED, 'Phòng Kinh tế chủ trì những việc gì ở Nhị Chiểu', 'phong kinh te'],
    [SHIPPED, 'phong tai chinh dai son chu tri viec gi', 'phong tai chinh'],
    [SHIPPED, 'Sở Y tế Huế phải làm gì', 'so y te'],
    [UNSEEN, 'Sở Y tế Lạng Sơn lo những việc gì', 'so y te'],
  ])('%s: %s → says so and names the agencies it does', (dir, question, asked) => {
    const { answer, text } = ask(dir, question);
    expect(text).toContain(`khong neu ${asked}`);
    expect(text).toContain('cac co quan don vi chu tri trong ke hoach');
    expect(answer.citations).toEqual([]);
  });
});

describe('percentages in any word order', () => {
  it.each([
    [SHIPPED, 'giảm bao nhiêu phần trăm văn bản', '15'],
    [SHIPPED, 'cắt giảm văn bản bao nhiêu phần trăm', '15'],
    [SHIPPED, 'phan tram van ban phai giam la bao nhieu', '15'],
    [SHIPPED, 'họp giảm bao nhiêu %', '10'],
    [UNSEEN, 'văn bản giảm mấy % hòa bình', '15'],
    [UNSEEN, 'giảm bao nhiêu phần trăm hội nghị ở lạng sơn', '10'],
  ])('%s: %s → %s%%', (dir, question, percent) => {
    const { answer, text } = ask(dir, question);
    expect(answer.intent).toBe('targets');
    expect(text).toContain(`${percent}`);
  });
});

describe('status from reported progress', () => {
  it('says a task done after its due day was done late', () => {
    const answer = answerQuestion(indexOf(SHIPPED), 'nhiệm vụ 4 của Đại Sơn đã xong chưa?', {
      today: '2026-11-28',
      progress: () => ({ status: 'done', percent: 100, updatedOn: '2026-11-25', doneLateDays: 148 }),
    });
    expect(renderAnswer(answer)).toContain('Tình trạng: đã hoàn thành trễ 148 ngày');
  });
});
