import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelegramPolling } from '../../../src/channels/telegram/index.js';
import { pollWithHarness } from '../../support/telegram-polling.js';
import { createChatHarness, type ChatHarness } from '../../support/chat-harness.js';
import { startTelegramServer, type TelegramTestServer } from '../../support/telegram-server.js';

let server: TelegramTestServer;
let harness: ChatHarness;
let polling: TelegramPolling;

beforeEach(async () => {
  server = await startTelegramServer();
  harness = createChatHarness({ questionLog: true });
  polling = await pollWithHarness(server, () => harness);
});
afterEach(async () => {
  await polling.stop();
  await server.stop();
  harness.cleanup();
});

describe('the Telegram bot over the real chat core', () => {
  it('answers a question with its source', async () => {
    const user = server.user({ userId: 1001, firstName: 'Lan' });
    await user.send('Ai chủ trì nhiệm vụ 4 của phường Nhị Chiểu?');
    const [answer] = await user.replies(1);
    expect(answer!.text).toBe(
      'Nhiệm vụ 4 – phường Nhị Chiểu: Ban hành văn bản về việc thực hiện kỷ luật, kỷ cương chấp hành thời gian làm việc trong…\n' +
        'Chủ trì: Phòng Văn hóa - Xã hội.\n' +
        'Nguồn: Kế hoạch 158/KH-UBND phường Nhị Chiểu, Phụ lục, nhiệm vụ 4.',
    );
  });

  it('registers with /start CODE, then stores a guided update made with buttons', async () => {
    const code = await harness.invite({ plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội', role: 'officer' });
    const user = server.user({ userId: 1001, firstName: 'Lan' });
    await user.send(`/start ${code}`);
    expect((await user.replies(1))[0]!.text).toBe(
      'Chào Lan! Bạn đã đăng ký là chuyên viên Phòng Văn hóa - Xã hội, Kế hoạch 158/KH-UBND.\n' +
        'Ví dụ: /capnhat 1 hoàn thành đã ban hành Công văn số 15/CV-VP\n' +
        'Xem việc của đơn vị: /viec · Trợ giúp: /trogiup',
    );
    expect(await harness.store().users.get('tg:1001')).toMatchObject({
      role: 'officer',
      plan: 'nhi-chieu',
      active: true,
    });

    await user.send('/capnhat');
    const [tasks] = await user.replies(1);
    expect(tasks!.text).toBe('Chọn nhiệm vụ cần cập nhật:');
    // The 19 appendix tasks, then the body duties of the plan the unit may update, by section.
    expect(tasks!.buttons.slice(0, 19).map(([b]) => b!.text.split('.')[0])).toEqual(
      Array.from({ length: 19 }, (_, i) => String(i + 1)),
    );
    expect(tasks!.buttons[19]![0]!.text).toMatch(/^Mục II\.1\.a: /);
    await user.press(tasks!, '4.');
    const [statuses] = await user.replies(1);
    expect(statuses!.buttons.flat().map((b) => b.text)).toEqual([
      'Chưa thực hiện',
      'Đang thực hiện',
      'Hoàn thành',
      'Vướng mắc',
      'Chỉ thêm ghi chú',
    ]);
    await user.press(statuses!, 'Đang thực hiện');
    expect((await user.replies(1))[0]!.text).toMatch(/^Nhập ghi chú/);
    await user.send('70% đã trình ký');
    const [confirm] = await user.replies(1);
    expect(confirm!.text).toMatch(/^Lưu cập nhật này\?\n• Nhiệm vụ 4 \(Kế hoạch 158\/KH-UBND\)/);
    expect(harness.db.rows('updates')).toEqual([]);

    await user.press(confirm!, 'Có');
    expect((await user.replies(1))[0]!.text).toMatch(
      /^Đã lưu cập nhật:\n• Nhiệm vụ 4 \(Kế hoạch 158\/KH-UBND\)\n• Trạng thái: Đang thực hiện 70%\n• Ghi chú: đã trình ký\n/,
    );
    expect(harness.db.rows('updates')).toMatchObject([
      { plan: 'nhi-chieu', task: '4', status: 'in_progress', percent: 70, user_key: 'tg:1001', user_name: 'Lan' },
    ]);
  });
});

const callbackTexts = () =>
  server.calls('answerCallbackQuery').map((c) => (JSON.parse(c.body) as { text?: string }).text);

describe('👍/👎 under answers on Telegram', () => {
  it('shows the two buttons under an answer; a press is stored and acknowledged on the button, not in the chat', async () => {
    const user = server.user({ userId: 1001, firstName: 'Lan' });
    await user.send('ai chu tri nhiem vu 4 nhi chieu');
    const [answer] = await user.replies(1);
    expect(answer!.text).toMatch(/^Nhiệm vụ 4 – phường Nhị Chiểu:/);
    const [row] = harness.db.rows('questions') as { id: number }[];
    expect(answer!.buttons).toEqual([
      [
        { text: '👍 Hữu ích', callback_data: `fb:${row!.id}:u` },
        { text: '👎 Chưa đúng', callback_data: `fb:${row!.id}:d` },
      ],
    ]);

    await user.press(answer!, '👎');
    await server.waitForCalls('answerCallbackQuery', 1);
    expect(callbackTexts()).toEqual(['Cảm ơn bạn! Đã ghi nhận câu trả lời chưa đúng, quản trị viên sẽ xem lại.']);
    await user.press(answer!, '👍');
    await server.waitForCalls('answerCallbackQuery', 2);
    expect(callbackTexts()[1]).toBe('Đã đổi đánh giá thành: hữu ích.');
    expect(harness.db.rows('question_feedback')).toMatchObject([{ question_id: row!.id, vote: 'up' }]);
    expect(server.messagesTo(user.chatId)).toHaveLength(1);
  });

  it('puts no buttons under small talk or a command', async () => {
    const user = server.user({ userId: 1002 });
    await user.send('chào bạn');
    await user.send('/trogiup');
    const replies = await user.replies(2);
    expect(replies.map((r) => r.buttons)).toEqual([[], []]);
    expect(harness.db.rows('questions')).toEqual([]);
  });
});
