/**
 * Named lists ("6 rõ", "3 không", "5 đẩy mạnh") read from a plan written for this test, which the reader has never
 * seen: a list in brackets after its name, one after "gồm:", one as the items under a paragraph ending with its name,
 * a count in words; and numbers followed by words that name no list. Then questions naming them in several phrasings.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/knowledge/index.js';
import { renderAnswer } from '../../src/messages/index.js';
import { answerQuestion, buildSearch } from '../../src/search/index.js';

const PLAN = [
  'ỦY BAN NHÂN DÂN',
  'XÃ HÒA AN',
  'Số: 77/KH-UBND',
  'Hòa An, ngày 12 tháng 6 năm 2026',
  '',
  '**KẾ HOẠCH**',
  '**Thực hiện Kết luận số 226-KL/TW về chấn chỉnh lề lối làm việc**',
  '',
  '**I. MỤC ĐÍCH, YÊU CẦU**',
  'Cán bộ, công chức thực hiện phương châm "5 đẩy mạnh", gồm: đẩy mạnh họp trực tuyến; đẩy mạnh ký số; đẩy mạnh dịch vụ công trực tuyến; đẩy mạnh số hóa hồ sơ; đẩy mạnh đối thoại với Nhân dân.',
  'Hội nghị chuyên môn không quá 02 ngày; giảm 3 cuộc họp mỗi quý.',
  '**II. NHIỆM VỤ, GIẢI PHÁP**',
  '1. Siết chặt kỷ luật, kỷ cương',
  'Mỗi công chức cam kết thực hiện "ba không" sau:',
  '- Không gây phiền hà cho người dân;',
  '- Không để hồ sơ trễ hạn mà không có lý do;',
  '- Không né tránh, đùn đẩy trách nhiệm.',
  '2. Xử lý tình huống phát sinh',
  'Thực hiện theo yêu cầu "4 tại chỗ" (chỉ huy tại chỗ; lực lượng tại chỗ; phương tiện tại chỗ; hậu cần tại chỗ) khi có thiên tai.',
  '**III. TỔ CHỨC THỰC HIỆN**',
  '1. Văn phòng HĐND và UBND xã',
  'Tham mưu UBND xã triển khai Kế hoạch; hoàn thành trước ngày 30/7/2026.',
  '',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
  'Trần Văn Nam',
].join('\n');

const { plan } = parsePlan('hoa-an', 'knowledge/hoa-an.md', PLAN);
const index = buildSearch([plan]);
const ask = (q: string) => answerQuestion(index, q, { today: '2026-06-20' });
const reply = (q: string) => renderAnswer(ask(q));

describe('parsePlan: named lists', () => {
  it('reads each list with its items, kind and section, whatever form it takes', () => {
    expect(plan.namedLists.map((l) => ({ name: l.name, kind: l.kind, items: l.items, section: l.section }))).toEqual([
      {
        name: '5 đẩy mạnh',
        kind: 'phương châm',
        items: [
          'đẩy mạnh họp trực tuyến',
          'đẩy mạnh ký số',
          'đẩy mạnh dịch vụ công trực tuyến',
          'đẩy mạnh số hóa hồ sơ',
          'đẩy mạnh đối thoại với Nhân dân',
        ],
        section: 'I',
      },
      {
        name: 'ba không',
        kind: null,
        items: [
          'Không gây phiền hà cho người dân',
          'Không để hồ sơ trễ hạn mà không có lý do',
          'Không né tránh, đùn đẩy trách nhiệm',
        ],
        section: 'II.1',
      },
      {
        name: '4 tại chỗ',
        kind: 'yêu cầu',
        items: ['chỉ huy tại chỗ', 'lực lượng tại chỗ', 'phương tiện tại chỗ', 'hậu cần tại chỗ'],
        section: 'II.2',
      },
    ]);
  });
});

describe('answerQuestion: a named list', () => {
  it.each([
    '5 đẩy mạnh là gì',
    'phuong cham 5 day manh gom nhung gi',
    'năm đẩy mạnh là những gì?',
    'Hòa An: 05 đẩy mạnh cụ thể là gì',
  ])('"%s" lists the five items with the source', (q) => {
    expect(ask(q)).toMatchObject({
      intent: 'named_list',
      citations: [{ plan: 'hoa-an', task: null, section: 'I' }],
    });
    expect(reply(q).split('\n').slice(0, 3)).toEqual([
      'Phương châm "5 đẩy mạnh" gồm 5 nội dung (xã Hòa An, mục I):',
      '• Đẩy mạnh họp trực tuyến',
      '• Đẩy mạnh ký số',
    ]);
  });

  it.each(['3 không là gì', 'ba khong gom nhung gi', 'nguyen tac 3 khong', '"3 không" nghĩa là gì?'])(
    '"%s" lists the three items under the paragraph naming them',
    (q) => {
      expect(reply(q)).toBe(
        [
          '"ba không" gồm 3 nội dung (xã Hòa An, mục II.1):',
          '• Không gây phiền hà cho người dân',
          '• Không để hồ sơ trễ hạn mà không có lý do',
          '• Không né tránh, đùn đẩy trách nhiệm',
        ].join('\n'),
      );
    },
  );

  it.each(['4 tai cho la gi', 'yêu cầu bốn tại chỗ'])('"%s" lists the items in brackets', (q) => {
    expect(reply(q).split('\n')[0]).toBe('Yêu cầu "4 tại chỗ" gồm 4 nội dung (xã Hòa An, mục II.2):');
  });

  it.each([
    ['nhiệm vụ 3 không có ai chủ trì?', 'a question about something else that happens to hold the name'],
    ['hội nghị chuyên môn tối đa mấy ngày', 'a count of days, not a list'],
    ['giảm bao nhiêu cuộc họp mỗi quý', 'a number of meetings, not a list'],
  ])('"%s" is no list question (%s)', (q) => {
    expect(ask(q).intent).not.toBe('named_list');
  });

  it('reads no list from a count followed by words without items', () => {
    expect(plan.namedLists.map((l) => l.name)).not.toContain('02 ngày');
    expect(plan.namedLists.map((l) => l.name)).not.toContain('3 cuộc họp');
  });
});
