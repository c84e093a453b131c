import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';

let h: ChatHarness;
const lan = { id: '1', name: 'Lan' };
const EXAMPLE = 'Ví dụ: /capnhat 1 hoàn thành đã ban hành Công văn số 15/CV-VP';
const STATUSES = 'Trạng thái: chưa thực hiện, đang thực hiện [60%], hoàn thành (hoặc xong), vướng mắc <lý do>.';

beforeAll(async () => {
  h = createChatHarness();
  await h.register(lan, { plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội', role: 'officer' });
  await h.say(lan, '/capnhat 4 đang thực hiện 30% đã họp triển khai');
});
afterAll(() => h.cleanup());

describe('createChat: bad input', () => {
  it.each([
    [
      '/capnhat 25 xong',
      `Không có nhiệm vụ số 25. Kế hoạch 158/KH-UBND có 19 nhiệm vụ (số 1 đến 19) và 35 nhiệm vụ giao trong văn bản (mục II.1.a đến IV.4).\n${EXAMPLE}`,
    ],
    ['/capnhat 4 tạm ổn', `Không hiểu trạng thái «tạm ổn». ${STATUSES}\n${EXAMPLE}`],
    ['/capnhat 4', `Thiếu trạng thái. ${STATUSES}\nVí dụ: /capnhat 1 đang thực hiện 60% đã dự thảo văn bản`],
    [
      '/capnhat 4 đang thực hiện 150%',
      'Tỷ lệ 150% không hợp lệ: chỉ từ 0% đến 100%.\nVí dụ: /capnhat 1 đang thực hiện 60%',
    ],
    [
      '/capnhat 4 đang thực hiện -5%',
      'Tỷ lệ -5% không hợp lệ: chỉ từ 0% đến 100%.\nVí dụ: /capnhat 1 đang thực hiện 60%',
    ],
    [
      'Nhiệm vụ 4 đang thực hiện -5%',
      'Tỷ lệ -5% không hợp lệ: chỉ từ 0% đến 100%.\nVí dụ: /capnhat 1 đang thực hiện 60%',
    ],
    [
      'Nhiệm vụ 4 đang thực hiện 150%',
      'Tỷ lệ 150% không hợp lệ: chỉ từ 0% đến 100%.\nVí dụ: /capnhat 1 đang thực hiện 60%',
    ],
    ['/capnhat 4 vướng mắc', 'Trạng thái vướng mắc cần ghi rõ lý do.\nVí dụ: /capnhat 1 vướng mắc chờ bố trí kinh phí'],
    ['/capnhat 4 ghi chú   ', 'Ghi chú đang trống.\nVí dụ: /capnhat 1 ghi chú đã gửi số liệu cho đơn vị chủ trì'],
    [
      `/capnhat 4 xong ${'x'.repeat(10_000)}`,
      `Ghi chú dài 10000 ký tự, quá giới hạn 1000 ký tự. Hãy tóm tắt lại.\n${EXAMPLE}`,
    ],
    [
      '/capnhat 4 xong đã ký\u0000\u001b[31m',
      `Ghi chú có ký tự điều khiển không hiển thị được. Hãy gõ lại ghi chú.\n${EXAMPLE}`,
    ],
    [
      '/capnhat 4 xong đã ký hợp đồng \u202Efdp.exe',
      `Ghi chú có ký tự điều khiển không hiển thị được. Hãy gõ lại ghi chú.\n${EXAMPLE}`,
    ],
    [
      'Nhiệm vụ 4 đã hoàn thành \u2067đã ký\u2069',
      `Ghi chú có ký tự điều khiển không hiển thị được. Hãy gõ lại ghi chú.\n${EXAMPLE}`,
    ],
    [
      '/capnhat 4 xong đã gửi \uD83D báo cáo',
      `Ghi chú có ký tự điều khiển không hiển thị được. Hãy gõ lại ghi chú.\n${EXAMPLE}`,
    ],
    ['/capnhat 4 xong \uDE00', `Ghi chú có ký tự điều khiển không hiển thị được. Hãy gõ lại ghi chú.\n${EXAMPLE}`],
    [
      "/capnhat '; DROP TABLE updates; -- xong",
      `Không đọc được số nhiệm vụ «';».\nCú pháp: /capnhat <số nhiệm vụ> <trạng thái> [ghi chú]\n${EXAMPLE}`,
    ],
    [
      '/capnhat "4" "xong"',
      `Không đọc được số nhiệm vụ «"4"».\nCú pháp: /capnhat <số nhiệm vụ> <trạng thái> [ghi chú]\n${EXAMPLE}`,
    ],
    [
      '/capnhat 🎉🎉 xong',
      `Không đọc được số nhiệm vụ «🎉🎉».\nCú pháp: /capnhat <số nhiệm vụ> <trạng thái> [ghi chú]\n${EXAMPLE}`,
    ],
    [
      '/capnhat abc#4 xong',
      'Chưa lưu cập nhật. Không có kế hoạch «abc». Các kế hoạch: dai-son (xã Đại Sơn), hue (thành phố Huế), nhi-chieu (phường Nhị Chiểu).',
    ],
    [
      '/tiendo 99',
      'Không có nhiệm vụ số 99. Kế hoạch 158/KH-UBND có 19 nhiệm vụ (số 1 đến 19) và 35 nhiệm vụ giao trong văn bản (mục II.1.a đến IV.4).\nVí dụ: /tiendo 1',
    ],
    ['/tiendo bốn', 'Cú pháp: /tiendo <số nhiệm vụ>, ví dụ: /tiendo 4'],
    ['/xoa_het', 'Không có lệnh /xoa_het. Gửi /trogiup để xem các lệnh.'],
    ['/constructor 0', 'Không có lệnh /constructor. Gửi /trogiup để xem các lệnh.'],
    ['/__proto__', 'Không có lệnh /__proto__. Gửi /trogiup để xem các lệnh.'],
    ['/hoi', 'Cú pháp: /hoi <câu hỏi>, ví dụ: /hoi Nhiệm vụ 4 do ai chủ trì?'],
    ['   ', 'Cú pháp: /hoi <câu hỏi>, ví dụ: /hoi Nhiệm vụ 4 do ai chủ trì?'],
    [
      `Ai chủ trì ${'hội nghị '.repeat(1_200)}`,
      'Câu hỏi dài 10810 ký tự, quá giới hạn 1000 ký tự. Hãy hỏi ngắn gọn, ví dụ: Nhiệm vụ 4 do ai chủ trì?',
    ],
    [
      `/hoi ${'x'.repeat(1_001)}`,
      'Câu hỏi dài 1001 ký tự, quá giới hạn 1000 ký tự. Hãy hỏi ngắn gọn, ví dụ: Nhiệm vụ 4 do ai chủ trì?',
    ],
    [
      `/start ${'X'.repeat(10_000)}`,
      `Mã mời «${'X'.repeat(30)}…» không đúng. Kiểm tra lại mã (ví dụ: /start K7QX2M9P) hoặc xin quản trị viên mã mới.`,
    ],
    [
      '/start MÃ\u0007',
      'Mã mời «MÃ?» không đúng. Kiểm tra lại mã (ví dụ: /start K7QX2M9P) hoặc xin quản trị viên mã mới.',
    ],
    [`/${'a'.repeat(10_000)}`, `Không có lệnh /${'a'.repeat(30)}…. Gửi /trogiup để xem các lệnh.`],
    [
      `/tiendo ${'a'.repeat(5_000)}#4`,
      `Không có kế hoạch «${'a'.repeat(30)}…». Các kế hoạch: dai-son (xã Đại Sơn), hue (thành phố Huế), nhi-chieu (phường Nhị Chiểu).`,
    ],
  ])('answers %s clearly and changes nothing', async (text, reply) => {
    const before = [h.db.rows('updates'), h.db.rows('users'), h.db.rows('invites')];
    expect(await h.say(lan, text)).toBe(reply);
    expect([h.db.rows('updates'), h.db.rows('users'), h.db.rows('invites')]).toEqual(before);
  });

  it('stores a note full of quotes, SQL and emoji exactly as written', async () => {
    const note = `đã gửi "Công văn 15" ('; DROP TABLE updates; --) 🎉✅`;
    expect(await h.say(lan, `/capnhat 4 đang thực hiện 50% ${note}`)).toContain(`• Ghi chú: ${note}`);
    expect(h.db.rows('updates').at(-1)).toMatchObject({ note, percent: 50 });
  });
});
