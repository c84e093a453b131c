import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZaloBot } from '../../../src/channels/zalo/index.js';
import { createChatHarness, type ChatHarness } from '../../support/chat-harness.js';
import { startFakeZaloServer, type FakeZaloServer } from '../../support/fake-zalo-server.js';
import type { Log } from '../../../src/channels/index.js';

const TOKEN = '5550001112:zalo-scenario-token';
const LAN = { id: 'zl-user-lan', name: 'Lan' };
const LINE = '(Gõ 1 nếu hữu ích, 2 nếu chưa đúng)';

/**
 * The scenario on Zalo, end to end over HTTP: the real chat core (real plans, SQLite in a temp folder)
 * behind the Zalo bot, long-polling a local fake Zalo Bot API.
 */
describe('Zalo bot over the real chat core', () => {
  let h: ChatHarness;
  let server: FakeZaloServer;
  let stop: () => Promise<void>;
  const handled = new Map<string, () => void>();
  const log: Log = (_level, msg, data) => {
    if (msg === 'zalo: update handled') handled.get(String(data?.messageId))?.();
  };

  /** Sends a text as Lan and resolves to everything the bot sent back for it, joined. */
  async function say(text: string): Promise<string> {
    const before = server.sent.length;
    const done = new Promise<void>((resolve) => handled.set(server.sendText(LAN, text).message.message_id, resolve));
    await done;
    return server.sent
      .slice(before)
      .map((m) => m.text)
      .join('\n---\n');
  }

  beforeAll(async () => {
    h = createChatHarness({ questionLog: true });
    server = await startFakeZaloServer({ token: TOKEN });
    const bot = await startZaloBot({
      token: TOKEN,
      apiRoot: server.url,
      handle: (m) => h.chat()(m),
      log,
      pollTimeoutSeconds: 5,
    });
    stop = bot.stop;
  });
  afterAll(async () => {
    await stop();
    await server.close();
    h.cleanup();
  });

  it('answers a question with its source', async () => {
    const answer = await say('Nhiệm vụ 4 của phường Nhị Chiểu do ai chủ trì?');
    expect(answer).toContain('Chủ trì: Phòng Văn hóa - Xã hội.');
    expect(answer).toContain('Nguồn: Kế hoạch 158/KH-UBND phường Nhị Chiểu, Phụ lục, nhiệm vụ 4.');
  });

  it('registers with /start CODE as a Zalo user', async () => {
    const code = await h.invite({ plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội', role: 'officer' });
    expect(await say(`/start ${code}`)).toMatch(
      /^Chào Lan! Bạn đã đăng ký là chuyên viên Phòng Văn hóa - Xã hội, Kế hoạch 158\/KH-UBND\./,
    );
    expect(await h.store().users.get(`zl:${LAN.id}`)).toMatchObject({
      role: 'officer',
      plan: 'nhi-chieu',
      unit: 'Phòng Văn hóa - Xã hội',
      active: true,
    });
  });

  it('stores a guided update made by answering numbered choices', async () => {
    const tasks = await say('/capnhat');
    expect(tasks).toMatch(/^Chọn nhiệm vụ cần cập nhật:\n\nTrả lời bằng số trong ngoặc \[ \] để chọn:\n\[1\] 1\. /);
    expect(tasks).toContain('\n[4] 4. Ban hành văn bản');
    expect(await say('4')).toMatch(
      /^Nhiệm vụ 4: Ban hành văn bản[^]*\nChọn trạng thái:\n\nTrả lời bằng số trong ngoặc \[ \] để chọn:\n\[1\] Chưa thực hiện\n\[2\] Đang thực hiện\n\[3\] Hoàn thành\n/,
    );
    expect(await say('3')).toBe(
      'Nhập ghi chú (kết quả, văn bản đã ban hành...), hoặc chọn Bỏ qua:\n\nTrả lời bằng số trong ngoặc [ ] để chọn:\n[1] Bỏ qua',
    );
    const confirm = await say('đã ban hành Công văn 15/CV-VHXH');
    expect(confirm).toMatch(
      /^Lưu cập nhật này\?\n[^]*• Trạng thái: Hoàn thành\n• Ghi chú: đã ban hành Công văn 15\/CV-VHXH\n\nTrả lời bằng số trong ngoặc \[ \] để chọn:\n\[1\] Có, lưu\n\[2\] Không$/,
    );
    expect(h.db.rows('updates')).toEqual([]);
    expect(await say('1')).toMatch(
      /^Đã lưu cập nhật:\n• Nhiệm vụ 4 \(Kế hoạch 158\/KH-UBND\)\n• Trạng thái: Hoàn thành\n/,
    );
    expect(h.db.rows('updates')).toEqual([
      expect.objectContaining({
        plan: 'nhi-chieu',
        task: '4',
        status: 'done',
        note: 'đã ban hành Công văn 15/CV-VHXH',
        user_key: `zl:${LAN.id}`,
        channel: 'zalo',
      }),
    ]);
  });

  const votes = () => h.db.rows('question_feedback') as { question_id: number; vote: string }[];

  it('right after an answer, a bare "2" rates it and is acknowledged', async () => {
    const answer = await say('ai chu tri nhiem vu 4 nhi chieu');
    expect(answer.endsWith(`\n${LINE}`)).toBe(true);
    expect(await say('2')).toBe('Cảm ơn bạn! Đã ghi nhận câu trả lời chưa đúng, quản trị viên sẽ xem lại.');
    const question = (h.db.rows('questions') as { id: number }[]).at(-1)!;
    expect(votes()).toEqual([expect.objectContaining({ question_id: question.id, vote: 'down' })]);
  });

  it('a "1" that does not follow an answer is read as a message, not a rating', async () => {
    const before = votes();
    const reply = await say('1');
    expect(reply).not.toMatch(/^Cảm ơn bạn!/);
    expect(votes()).toEqual(before);
  });

  it('no rating line under small talk or a command, and a "1" after them is no rating', async () => {
    expect(await say('chào bạn')).not.toContain(LINE);
    expect(await say('/trogiup')).not.toContain(LINE);
    const before = votes();
    await say('1');
    expect(votes()).toEqual(before);
  });

  it('a "1" after a later question rates that answer, and only the first time', async () => {
    await say('giá vàng hôm nay');
    await say('ai chu tri nhiem vu 5 nhi chieu');
    expect(await say('1')).toBe('Cảm ơn bạn! Đã ghi nhận câu trả lời hữu ích.');
    const last = (h.db.rows('questions') as { id: number }[]).at(-1)!;
    expect(votes().filter((v) => v.question_id === last.id)).toEqual([expect.objectContaining({ vote: 'up' })]);
    const count = votes().length;
    await say('1');
    expect(votes()).toHaveLength(count);
  });
});
