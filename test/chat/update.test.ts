import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/chat/index.js';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';

let h: ChatHarness;
const lan = { id: '1', name: 'Lan' };
const minh = { id: '2', name: 'Minh' };
const hoa = { id: '3', name: 'Hòa' };
const MIN = 60_000;

beforeEach(async () => {
  h = createChatHarness();
  await h.register(lan, { plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội', role: 'officer' });
  await h.register(minh, { plan: 'nhi-chieu', unit: 'Trung tâm Phục vụ hành chính công', role: 'officer' });
  await h.register(hoa, { plan: 'nhi-chieu', unit: 'Trung tâm Dịch vụ sự nghiệp công', role: 'officer' });
});
afterEach(() => h.cleanup());

const stored = (lines: string[], time = '09:00 01/06/2026') =>
  ['Đã lưu cập nhật:', ...lines, `• Lúc: ${time}`, 'Nếu nhầm, gửi /hoantac trong 15 phút để hoàn tác.'].join('\n');
const choice = (replies: Reply[], label: string) =>
  replies.at(-1)!.choices!.find((c) => c.label.startsWith(label))!.data;

describe('createChat: command form', () => {
  it('stores the update and echoes task, status, note and time', async () => {
    expect(await h.say(lan, '/capnhat 4 hoàn thành đã ban hành Công văn 15/CV-VHXH')).toBe(
      stored([
        '• Nhiệm vụ 4 (Kế hoạch 158/KH-UBND)',
        '• Trạng thái: Hoàn thành',
        '• Ghi chú: đã ban hành Công văn 15/CV-VHXH',
      ]),
    );
    expect(h.db.rows('updates')).toMatchObject([
      { plan: 'nhi-chieu', task: '4', period: '', status: 'done', percent: 100, user_key: 'tg:1', user_name: 'Lan' },
    ]);
  });

  it('reads a command addressed to the bot in a group, without diacritics', async () => {
    expect(await h.say(lan, '/capnhat@TroLy226Bot 4 dang thuc hien 60%')).toBe(
      stored(['• Nhiệm vụ 4 (Kế hoạch 158/KH-UBND)', '• Trạng thái: Đang thực hiện 60%']),
    );
  });

  it('tracks a recurring task under the year', async () => {
    expect(await h.say(lan, '/capnhat 3 đang thực hiện 50%')).toBe(
      stored(['• Nhiệm vụ 3 (Kế hoạch 158/KH-UBND, năm 2026)', '• Trạng thái: Đang thực hiện 50%']),
    );
    expect(h.db.rows('updates')).toMatchObject([{ task: '3', period: '2026' }]);
  });

  it("refuses another unit's task and stores nothing", async () => {
    expect(await h.say(minh, '/capnhat 17 xong')).toBe(
      'Nhiệm vụ 17 do Phòng Văn hóa - Xã hội chủ trì; đơn vị bạn (Trung tâm Phục vụ hành chính công) không được cập nhật nhiệm vụ này.\n' +
        'Xem việc của đơn vị bạn: /viec',
    );
    expect(h.db.rows('updates')).toEqual([]);
  });

  it('lets a coordinating unit add a note but not change the status', async () => {
    expect(await h.say(hoa, '/capnhat 17 xong')).toBe(
      'Đơn vị bạn phối hợp thực hiện nhiệm vụ 17 (do Phòng Văn hóa - Xã hội chủ trì) nên chỉ được thêm ghi chú, không đổi trạng thái.\n' +
        'Ví dụ: /capnhat 17 ghi chú đã gửi số liệu cho đơn vị chủ trì',
    );
    expect(h.db.rows('updates')).toEqual([]);
    expect(await h.say(hoa, '/capnhat 17 ghi chú đã cập nhật 12 tin bài lên Cổng')).toBe(
      stored([
        '• Nhiệm vụ 17 (Kế hoạch 158/KH-UBND)',
        '• Trạng thái: Ghi chú',
        '• Ghi chú: đã cập nhật 12 tin bài lên Cổng',
      ]),
    );
  });

  it('lets a leader update any task of the plan, and no task of another plan', async () => {
    const chief = { id: '9', name: 'Chủ tịch' };
    await h.register(chief, { plan: 'nhi-chieu', role: 'leader' });
    expect(await h.say(chief, '/capnhat 17 xong')).toMatch(/^Đã lưu cập nhật:/);
    expect(await h.say(chief, '/capnhat dai-son#4 xong')).toBe(
      'Nhiệm vụ 4 do Phòng Văn hóa - Xã hội chủ trì; bạn không được cập nhật nhiệm vụ này.\nXem việc của đơn vị bạn: /viec',
    );
  });

  it('lets an admin update a task of any plan by naming the plan', async () => {
    const admin = { id: '0', name: 'Quản trị' };
    await h.register(admin, { plan: null, role: 'admin' });
    expect(await h.say(admin, '/capnhat hue#12 đang thực hiện 20%')).toBe(
      stored([
        `• Nhiệm vụ 12 (Kế hoạch ${h.plans.find((p) => p.id === 'hue')!.meta.number})`,
        '• Trạng thái: Đang thực hiện 20%',
      ]),
    );
  });
});

describe('createChat: guided form', () => {
  it('walks task → status → note → confirm, then stores', async () => {
    const tasks = await h.send(lan, '/capnhat');
    expect(tasks[0]!.text).toBe('Chọn nhiệm vụ cần cập nhật:');
    // The appendix tasks, then the body duties the unit leads.
    expect(tasks[0]!.choices!.slice(0, 19).map((c) => c.label.split('.')[0])).toEqual(
      Array.from({ length: 19 }, (_, i) => String(i + 1)),
    );
    expect(tasks[0]!.choices![19]!.label).toMatch(/^Mục II\.1\.a: /);
    const statuses = await h.press(lan, choice(tasks, '4.'));
    expect(statuses[0]!.text).toMatch(/^Nhiệm vụ 4: Ban hành văn bản .*\nChọn trạng thái:$/);
    expect(statuses[0]!.choices!.map((c) => c.label)).toEqual([
      'Chưa thực hiện',
      'Đang thực hiện',
      'Hoàn thành',
      'Vướng mắc',
      'Chỉ thêm ghi chú',
    ]);
    const note = await h.press(lan, choice(statuses, 'Đang thực hiện'));
    expect(note[0]!.text).toBe(
      'Nhập ghi chú (kết quả, văn bản đã ban hành...); có thể ghi tỷ lệ ở đầu, ví dụ: 60% đã dự thảo văn bản, hoặc chọn Bỏ qua:',
    );
    const confirm = await h.send(lan, '70% đã trình ký');
    expect(confirm[0]!.text).toBe(
      'Lưu cập nhật này?\n• Nhiệm vụ 4 (Kế hoạch 158/KH-UBND): Ban hành văn bản về việc thực hiện kỷ luật, kỷ cương chấp…\n• Trạng thái: Đang thực hiện 70%\n• Ghi chú: đã trình ký',
    );
    expect(h.db.rows('updates')).toEqual([]);
    const done = await h.press(lan, choice(confirm, 'Có'));
    expect(done[0]!.text).toBe(
      stored(['• Nhiệm vụ 4 (Kế hoạch 158/KH-UBND)', '• Trạng thái: Đang thực hiện 70%', '• Ghi chú: đã trình ký']),
    );
    expect(h.db.rows('updates')).toHaveLength(1);
  });

  it('skips the note, asks again after a bad note, and stores nothing when cancelled', async () => {
    const statuses = await h.press(lan, choice(await h.send(lan, '/capnhat'), '4.'));
    const blocked = await h.press(lan, choice(statuses, 'Vướng mắc'));
    expect(blocked).toEqual([{ text: 'Nhập lý do vướng mắc:' }]);
    expect(await h.say(lan, 'a'.repeat(10_000))).toMatch(
      /^Ghi chú dài 10000 ký tự, quá giới hạn 1000 ký tự\. Hãy tóm tắt lại\./,
    );
    const confirm = await h.send(lan, 'chờ kinh phí');
    expect(confirm[0]!.text).toContain('• Trạng thái: Vướng mắc\n• Ghi chú: chờ kinh phí');
    expect(await h.press(lan, choice(confirm, 'Không'))).toEqual([{ text: 'Đã hủy, không lưu gì.' }]);
    expect(h.db.rows('updates')).toEqual([]);
    expect(await h.press(lan, 'cn:yes')).toEqual([
      { text: 'Lựa chọn này đã hết hiệu lực. Gửi /capnhat để bắt đầu lại.' },
    ]);
  });

  it('forgets a dialog left for more than 30 minutes, and a restart forgets it too', async () => {
    const statuses = await h.press(lan, choice(await h.send(lan, '/capnhat'), '4.'));
    h.advance(31 * MIN);
    expect(await h.press(lan, choice(statuses, 'Hoàn thành'))).toEqual([
      { text: 'Lựa chọn này đã hết hiệu lực. Gửi /capnhat để bắt đầu lại.' },
    ]);
    await h.send(lan, 'Nhiệm vụ 4 đã hoàn thành');
    h.restart();
    expect(await h.press(lan, 'cn:yes')).toEqual([
      { text: 'Lựa chọn này đã hết hiệu lực. Gửi /capnhat để bắt đầu lại.' },
    ]);
    expect(h.db.rows('updates')).toEqual([]);
  });

  it('takes a typed task number instead of a button, and refuses a task of another unit', async () => {
    await h.send(lan, '/capnhat');
    expect((await h.send(lan, '4'))[0]!.text).toMatch(/^Nhiệm vụ 4: .*\nChọn trạng thái:$/);
    await h.send(minh, '/capnhat');
    expect(await h.say(minh, '17')).toBe(
      'Nhiệm vụ 17 do Phòng Văn hóa - Xã hội chủ trì; đơn vị bạn (Trung tâm Phục vụ hành chính công) không được cập nhật nhiệm vụ này.\nXem việc của đơn vị bạn: /viec',
    );
  });

  it('goes straight to the note for a task the unit only coordinates', async () => {
    const tasks = await h.send(hoa, '/capnhat');
    expect(await h.press(hoa, choice(tasks, '17.'))).toEqual([{ text: 'Nhập ghi chú:' }]);
  });
});

describe('createChat: natural form', () => {
  it('confirms a sentence with yes/no before storing it', async () => {
    const ask = await h.send(lan, 'Nhiệm vụ 4 đã hoàn thành, đã ban hành công văn 15');
    expect(ask[0]).toEqual({
      text: 'Lưu cập nhật này?\n• Nhiệm vụ 4 (Kế hoạch 158/KH-UBND): Ban hành văn bản về việc thực hiện kỷ luật, kỷ cương chấp…\n• Trạng thái: Hoàn thành\n• Ghi chú: đã ban hành công văn 15',
      choices: [
        { label: 'Có, lưu', data: 'cn:yes' },
        { label: 'Không', data: 'cn:no' },
      ],
    });
    expect(h.db.rows('updates')).toEqual([]);
    expect(await h.say(lan, 'có')).toBe(
      stored(['• Nhiệm vụ 4 (Kế hoạch 158/KH-UBND)', '• Trạng thái: Hoàn thành', '• Ghi chú: đã ban hành công văn 15']),
    );
  });

  it('stores nothing when the answer is no, or when something else is said instead', async () => {
    await h.send(lan, 'Nhiệm vụ 4 đã hoàn thành');
    expect(await h.say(lan, 'không')).toBe('Đã hủy, không lưu gì.');
    await h.send(lan, 'Nhiệm vụ 4 đã hoàn thành');
    expect(await h.say(lan, 'Nhiệm vụ 9 do ai chủ trì?')).toContain('Chủ trì:');
    expect(await h.say(lan, 'có')).not.toMatch(/^Đã lưu/);
    expect(h.db.rows('updates')).toEqual([]);
  });

  it('never stores a question', async () => {
    expect(await h.say(lan, 'nhiệm vụ 4 đã xong chưa?')).toContain('Nhiệm vụ 4');
    expect(h.db.rows('updates')).toEqual([]);
  });
});

describe('createChat: undo', () => {
  it('reverts the last update within 15 minutes by appending a reversal', async () => {
    await h.say(lan, '/capnhat 4 đang thực hiện 40%');
    h.advance(MIN);
    await h.say(lan, '/capnhat 4 xong');
    h.advance(14 * MIN);
    expect(await h.say(lan, '/hoantac')).toBe(
      'Đã hoàn tác cập nhật nhiệm vụ 4 lúc 09:01 01/06/2026 (Hoàn thành). Tình trạng hiện tại: Đang thực hiện 40%.',
    );
    expect(h.db.rows('updates')).toMatchObject([
      { id: 1, status: 'in_progress' },
      { id: 2, status: 'done' },
      { id: 3, status: null, reverts: 2 },
    ]);
  });

  it('refuses after 15 minutes, and when there is nothing to undo', async () => {
    expect(await h.say(lan, '/hoantac')).toBe('Bạn chưa có cập nhật nào để hoàn tác.');
    await h.say(lan, '/capnhat 4 xong');
    h.advance(16 * MIN);
    const rows = h.db.rows('updates');
    expect(await h.say(lan, '/hoantac')).toBe(
      'Cập nhật gần nhất của bạn (nhiệm vụ 4 lúc 09:00 01/06/2026) đã quá 15 phút nên không hoàn tác được. Hãy gửi cập nhật mới, ví dụ: /capnhat 4 đang thực hiện 50%',
    );
    expect(h.db.rows('updates')).toEqual(rows);
  });
});

describe('createChat: delivery and restart', () => {
  it('applies the same message delivered twice once', async () => {
    const first = await h.say(lan, '/capnhat 4 xong', 'tg-555');
    expect(await h.say(lan, '/capnhat 4 xong', 'tg-555')).toBe(
      first.replace('Đã lưu cập nhật:', 'Cập nhật này đã được lưu trước đó (không lưu thêm lần nữa):'),
    );
    await h.say(lan, '/hoantac', 'tg-556');
    expect(await h.say(lan, '/hoantac', 'tg-556')).toBe('Yêu cầu này đã được thực hiện trước đó; không thực hiện lại.');
    expect(h.db.rows('updates')).toHaveLength(2);
  });

  it('keeps every acknowledged update across a restart', async () => {
    await h.say(lan, '/capnhat 4 đang thực hiện 60% đã dự thảo');
    await h.say(hoa, '/capnhat 17 ghi chú đã gửi số liệu');
    const rows = h.db.rows('updates');
    h.restart();
    expect(h.db.rows('updates')).toEqual(rows);
    expect(await h.say(lan, '/tiendo 4')).toContain('Tình trạng: Đang thực hiện 60%');
    const delivered = (rows[0] as { message_id: string }).message_id;
    expect(await h.say(lan, '/capnhat 4 xong', delivered)).toMatch(/^Cập nhật này đã được lưu trước đó/);
  });
});
