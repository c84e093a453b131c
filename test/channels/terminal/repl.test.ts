import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runTerminalChat } from '../../../src/channels/terminal/index.js';
import { createChatHarness, type ChatHarness } from '../../support/chat-harness.js';

let h: ChatHarness | undefined;
afterEach(() => h?.cleanup());

/** Types `lines` into the terminal chat and returns everything it printed. */
async function typeLines(handle: Parameters<typeof runTerminalChat>[0]['handle'], lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const done = runTerminalChat({ handle, input, output });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}

describe('runTerminalChat', () => {
  it('shows the banner, lists what it can do on /help, and answers numbered choices', async () => {
    h = createChatHarness();
    const code = await h.invite({ plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội', role: 'officer' });
    const printed = await typeLines(h.chat(), [
      '/help',
      `/start ${code}`,
      '/capnhat',
      '4',
      '3',
      '',
      'đã ban hành',
      '1',
    ]);
    expect(
      printed.startsWith(
        'Trợ lý 226 (trò chuyện trên máy): gõ câu hỏi, hoặc /help để xem các lệnh; Ctrl+D để thoát.\n> ',
      ),
    ).toBe(true);
    expect(printed).toContain(
      '• /capnhat <số> <trạng thái> [ghi chú] — cập nhật tiến độ; gửi /capnhat để được hướng dẫn từng bước',
    );
    expect(printed).toContain('Chọn nhiệm vụ cần cập nhật:\n  1) 1. Xây dựng');
    expect(printed).toContain(
      'Chọn trạng thái:\n  1) Chưa thực hiện\n  2) Đang thực hiện\n  3) Hoàn thành\n  4) Vướng mắc\n  5) Chỉ thêm ghi chú',
    );
    expect(printed).toContain(
      'Đã lưu cập nhật:\n• Nhiệm vụ 4 (Kế hoạch 158/KH-UBND)\n• Trạng thái: Hoàn thành\n• Ghi chú: đã ban hành',
    );
    expect((await h.store().users.get('cli:local'))?.unit).toBe('Phòng Văn hóa - Xã hội');
    expect(h.db.rows('updates')).toHaveLength(1);
  });

  it('greets the person at the terminal by a Vietnamese name and answers an empty line', async () => {
    h = createChatHarness();
    const code = await h.invite({ plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội', role: 'officer' });
    const printed = await typeLines(h.chat(), ['   ', `/start ${code}`]);
    expect(printed).toContain(
      '> Hãy gõ câu hỏi, ví dụ: Nhiệm vụ 4 do ai chủ trì? — hoặc /help để xem các lệnh; Ctrl+D để thoát.\n> ',
    );
    expect(printed).toContain('Chào Quản trị (máy này)! Bạn đã đăng ký là chuyên viên');
    expect(printed).not.toContain('Terminal');
  });

  it('apologises when a message fails and keeps going', async () => {
    let calls = 0;
    const printed = await typeLines(async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      return [{ text: 'ok' }];
    }, ['a', 'b']);
    expect(printed.split('\n').slice(1)).toEqual([
      '> Xin lỗi, trợ lý đang gặp sự cố khi xử lý tin nhắn này. Bạn vui lòng thử lại sau ít phút.',
      '> ok',
      '> ',
    ]);
  });
});
