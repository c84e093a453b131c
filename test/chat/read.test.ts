import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';

let h: ChatHarness;
const lan = { id: '1', name: 'Lan' };
const MIN = 60_000;

beforeEach(async () => {
  h = createChatHarness({
    reportCommands: {
      digest: (ctx) => [{ text: `digest for ${ctx.user?.key ?? 'nobody'} (${ctx.plan?.id}) args=${ctx.args}` }],
      figures: () => [{ text: 'số liệu' }],
    },
  });
  await h.register(lan, { plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội', role: 'officer' });
});
afterEach(() => h.cleanup());

describe('createChat: reading progress', () => {
  it('/tiendo shows the state and the last updates with who and when', async () => {
    expect(await h.say(lan, '/tiendo 4')).toBe(
      'Nhiệm vụ 4 (Kế hoạch 158/KH-UBND): Ban hành văn bản về việc thực hiện kỷ luật, kỷ cương chấp hành thời gian làm việc trong giờ hành chính.\n' +
        'Chủ trì: Phòng Văn hóa - Xã hội · Thời hạn: Quý II/2026\nTình trạng: Chưa có báo cáo\nChưa có cập nhật nào.',
    );
    await h.say(lan, '/capnhat 4 đang thực hiện 40% đã dự thảo');
    h.advance(30 * MIN);
    await h.say(lan, '/capnhat 4 vướng mắc chờ ý kiến thẩm định');
    expect((await h.say(lan, '/tiendo 4')).split('\n').slice(2)).toEqual([
      'Tình trạng: Vướng mắc: chờ ý kiến thẩm định',
      'Cập nhật gần đây:',
      '• 09:30 01/06/2026 — Lan: Vướng mắc — chờ ý kiến thẩm định',
      '• 09:00 01/06/2026 — Lan: Đang thực hiện 40% — đã dự thảo',
    ]);
  });

  it('/viec lists the unit’s tasks with state and deadline; /quahan the overdue ones', async () => {
    await h.say(lan, '/capnhat 4 đang thực hiện 60%');
    const viec = (await h.say(lan, '/viec')).split('\n');
    expect(viec[0]).toBe('Việc của Phòng Văn hóa - Xã hội (Kế hoạch 158/KH-UBND):');
    expect(viec[1]).toBe(
      '• 1. Xây dựng, ban hành kế hoạch của UBND phường đảm bảo thực… — Quá hạn 22 ngày (hạn 10/05/2026)',
    );
    expect(viec).toContain(
      '• 4. Ban hành văn bản về việc thực hiện kỷ luật, kỷ cương chấp… — Đang thực hiện 60% (hạn 30/06/2026)',
    );
    expect(await h.say(lan, '/quahan')).toBe(
      'Nhiệm vụ quá hạn của Kế hoạch 158/KH-UBND:\n• 1. Xây dựng, ban hành kế hoạch của UBND phường đảm bảo thực… — Quá hạn 22 ngày (hạn 10/05/2026)',
    );
    await h.say(lan, '/capnhat 1 xong');
    expect(await h.say(lan, '/quahan')).toBe('Kế hoạch 158/KH-UBND: không có nhiệm vụ nào quá hạn.');
    expect((await h.say(lan, '/viec')).split('\n')[1]).toBe(
      '• 1. Xây dựng, ban hành kế hoạch của UBND phường đảm bảo thực… — Hoàn thành trễ 22 ngày (hạn 10/05/2026)',
    );
  });

  it('answers questions from reported progress', async () => {
    await h.say(lan, '/capnhat 4 đang thực hiện 60%');
    expect(await h.say(lan, 'nhiệm vụ 4 đã xong chưa?')).toContain(
      'Báo cáo tiến độ: Đang thực hiện 60% (cập nhật 01/06/2026).',
    );
    await h.say(lan, '/capnhat 1 xong');
    expect(await h.say(lan, 'việc nào đã quá hạn?')).not.toContain('NV 1:');
  });

  it('/viec lists every task of the plan for a leader', async () => {
    const chief = { id: '9', name: 'Chủ tịch' };
    await h.register(chief, { plan: 'nhi-chieu', role: 'leader' });
    const lines = (await h.say(chief, '/viec')).split('\n');
    expect([lines[0], lines.length]).toEqual(['Các nhiệm vụ của Kế hoạch 158/KH-UBND:', 1 + 19 + 35]);
  });

  it('/viec asks an unregistered person to register', async () => {
    expect(await h.say({ id: '5' }, '/viec')).toBe(
      'Bạn chưa đăng ký với kế hoạch nào. Gửi /start MÃ_MỜI để đăng ký, hoặc hỏi: /hoi Nhiệm vụ 4 do ai chủ trì?',
    );
  });
});

describe('createChat: commands', () => {
  it('/trogiup and /help list what it can do, the digest and report commands included', async () => {
    const help = await h.say(lan, '/trogiup');
    expect(help.split('\n')).toEqual([
      'Trợ lý 226 — những việc tôi làm được:',
      '• Hỏi về kế hoạch: gõ câu hỏi, hoặc /hoi <câu hỏi>',
      '• /capnhat <số> <trạng thái> [ghi chú] — cập nhật tiến độ; gửi /capnhat để được hướng dẫn từng bước',
      '  Trạng thái: chưa thực hiện, đang thực hiện [60%], hoàn thành (hoặc xong), vướng mắc <lý do>',
      '• /hoantac — hoàn tác cập nhật vừa gửi (trong 15 phút)',
      '• /tiendo <số> — tiến độ một nhiệm vụ',
      '• /viec — việc của đơn vị bạn',
      '• /quahan — nhiệm vụ quá hạn',
      '• /digest — bản tổng hợp tiến độ hôm nay',
      '• /nhandigest — nhận bản tổng hợp mỗi sáng ngày làm việc',
      '• /tatdigest — dừng nhận bản tổng hợp',
      '• /baocao [6thang|nam|quy] — báo cáo kết quả thực hiện (tệp Excel)',
      '• /solieu hoinghi 2026 tong=40 tructuyen=26 — báo số liệu cho các chỉ tiêu',
      '• /bangdieukhien — liên kết mở bảng điều khiển tiến độ (trang web, dùng một lần)',
      '• /start — xem bạn đã đăng ký với vai trò nào',
    ]);
    expect(await h.say(lan, '/help@TroLy226Bot')).toBe(help);
    expect((await h.say({ id: '5' }, '/help')).split('\n').at(-1)).toBe(
      '• /start <mã mời> — đăng ký để cập nhật tiến độ',
    );
  });

  it('runs the digest and report commands it is given with the sender, plan and arguments', async () => {
    expect(await h.say(lan, '/digest@TroLy226Bot  hôm nay ')).toBe('digest for tg:1 (nhi-chieu) args=hôm nay');
    expect(await h.say(lan, '/SOLIEU')).toBe('số liệu');
  });

  it('/hoi answers a question', async () => {
    expect(await h.say(lan, '/hoi Nhiệm vụ 4 do ai chủ trì?')).toContain('Chủ trì: Phòng Văn hóa - Xã hội.');
  });
});
