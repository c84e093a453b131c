import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotice, isAdmin } from '../../../src/app/admin-notice.js';
import { createPlanIntake } from '../../../src/app/plan-intake.js';
import { createPlanReloader, type PlanReloader } from '../../../src/app/plan-reload.js';
import { createSendRouter } from '../../../src/app/send-router.js';
import {
  createTelegramBot,
  sendTelegramReplies,
  startTelegramPolling,
  type TelegramPolling,
} from '../../../src/channels/telegram/index.js';
import { PLAN_FILE_EXTENSIONS } from '../../../src/ingest/index.js';
import { planReloadFailedText } from '../../../src/messages/index.js';
import { createChatHarness, type ChatHarness } from '../../support/chat-harness.js';
import { knowledgeFolder, realPlan } from '../../support/plan-variants.js';
import { startTelegramServer, type TelegramTestServer } from '../../support/telegram-server.js';

let server: TelegramTestServer;
let harness: ChatHarness;
let polling: TelegramPolling;
let reloader: PlanReloader;
let dir: string;

const HUE_TASK_1 = 'Nhiệm vụ 1 của thành phố Huế hạn khi nào?';
const XLSX_FIXTURES = 'test/ingest/fixtures/xlsx';

beforeEach(async () => {
  server = await startTelegramServer();
  dir = knowledgeFolder({ 'hue.md': realPlan('hue'), 'nhi-chieu.md': realPlan('nhi-chieu') });
  const bot = createTelegramBot({
    token: server.token,
    apiRoot: server.apiRoot,
    handle: (message) => harness.chat()(message),
    log: () => undefined,
  });
  const send = createSendRouter({ telegram: (chatId, replies) => sendTelegramReplies(bot, chatId, replies) });
  harness = createChatHarness({
    knowledgeDir: dir,
    planIntake: (knowledge) => {
      const notify = (text: string) =>
        createNotice(
          harness.store().users,
          () => send,
          () => undefined,
        )(text, isAdmin);
      reloader = createPlanReloader({
        dir,
        knowledge,
        log: () => undefined,
        report: (p) => notify(planReloadFailedText(p.fileName, p.reasons, p.keptOld)),
      });
      return createPlanIntake({ dir, afterStore: (path) => reloader.reload([path.split('/').pop()!]) });
    },
  });
  polling = await startTelegramPolling(bot);
  await harness.register({ id: '1001', name: 'An' }, { plan: null, role: 'admin' });
  await harness.register({ id: '2002', name: 'Bình' }, { plan: 'hue', unit: null, role: 'leader' });
});
afterEach(async () => {
  await polling.stop();
  await server.stop();
  harness.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('a plan file sent to the Telegram bot', () => {
  it('is previewed, stored on confirm, and answers come from it at once', async () => {
    const admin = server.user({ userId: 1001, firstName: 'An' });
    await admin.send(HUE_TASK_1);
    expect((await admin.replies(1))[0]!.text).toMatch(/Tháng 5\/2026/);

    const amended = realPlan('hue').replace('\tTháng 5/2026', '\tTháng 9/2026');
    await admin.sendDocument('hue.md', Buffer.from(amended));
    const [preview] = await admin.replies(1);
    expect(preview!.text.split('\n')[0]).toBe('Đã đọc tệp «hue.md» (mã kế hoạch: hue):');
    expect(preview!.text).toContain('\n• Số: 263/KH-UBND\n• Địa phương: thành phố Huế\n');
    expect(preview!.text).toMatch(
      /\nLưu ý: đã có kế hoạch mã hue; lưu tệp này sẽ thay bằng bản mới\.\n\nLưu và áp dụng kế hoạch này\?$/,
    );
    expect(preview!.buttons.flat().map((b) => b.text)).toEqual(['Lưu và áp dụng', 'Hủy']);
    expect(server.calls('getFile')).toHaveLength(1);
    expect(readFileSync(join(dir, 'hue.md'), 'utf8')).toBe(realPlan('hue'));

    await admin.press(preview!, 'Lưu và áp dụng');
    expect((await admin.replies(1))[0]!.text).toBe(
      'Đã lưu bản mới của Kế hoạch 263/KH-UBND (mã hue). Từ giờ trợ lý trả lời theo bản này.',
    );
    expect(readFileSync(join(dir, 'hue.md'), 'utf8')).toBe(amended);
    await admin.send(HUE_TASK_1);
    expect((await admin.replies(1))[0]!.text).toMatch(/Tháng 9\/2026/);
  });

  it('is not stored when cancelled', async () => {
    const admin = server.user({ userId: 1001 });
    await admin.sendDocument('moi.md', Buffer.from(realPlan('nhi-chieu')));
    const [preview] = await admin.replies(1);
    await admin.press(preview!, 'Hủy');
    expect((await admin.replies(1))[0]!.text).toBe('Đã hủy, tệp kế hoạch không được lưu.');
    expect(() => readFileSync(join(dir, 'moi.md'))).toThrow(/ENOENT/);
  });

  it('that reads badly is refused with the reason, and the old plan keeps serving', async () => {
    const admin = server.user({ userId: 1001 });
    await admin.sendDocument('hue.md', Buffer.from('   '));
    expect((await admin.replies(1))[0]!.text).toBe(
      'Không đọc được kế hoạch từ tệp «hue.md», nên tệp không được lưu. Lý do:\n• hue.md: tệp trống',
    );
    expect(readFileSync(join(dir, 'hue.md'), 'utf8')).toBe(realPlan('hue'));
    await admin.send(HUE_TASK_1);
    expect((await admin.replies(1))[0]!.text).toMatch(/Tháng 5\/2026/);
  });

  it('put badly into the folder keeps the old plan serving and tells the admins why', async () => {
    const admin = server.user({ userId: 1001 });
    writeFileSync(join(dir, 'hue.md'), '');
    await reloader.reload(['hue.md']);
    expect((await admin.replies(1))[0]!.text).toBe(
      'Tệp kế hoạch «hue.md» vừa thay đổi nhưng không đọc được. Trợ lý vẫn dùng bản cũ của kế hoạch mã hue cho tới khi tệp được sửa. Lý do:\n• hue.md: tệp trống',
    );
    expect(server.messagesTo(2002)).toEqual([]);
    await admin.send(HUE_TASK_1);
    expect((await admin.replies(1))[0]!.text).toMatch(/Tháng 5\/2026/);
  });

  it('from someone not an admin, of an unknown type or too large is refused before it is fetched', async () => {
    const leader = server.user({ userId: 2002 });
    await leader.sendDocument('hue.md', Buffer.from(realPlan('hue')));
    expect((await leader.replies(1))[0]!.text).toBe(
      'Cảm ơn bạn đã gửi tệp. Chỉ quản trị viên mới thêm được kế hoạch; bạn vui lòng chuyển tệp này cho quản trị viên của đơn vị.',
    );
    const admin = server.user({ userId: 1001 });
    await admin.sendDocument('ke-hoach.doc', Buffer.from('x'));
    expect((await admin.replies(1))[0]!.text).toBe(
      `Tệp «ke-hoach.doc» không phải loại tệp kế hoạch tôi đọc được. Hãy gửi tệp ${PLAN_FILE_EXTENSIONS.join(', ')}. Tệp Word cũ (.doc): mở bằng Word, lưu lại thành .docx hoặc PDF rồi gửi lại.`,
    );
    await admin.sendDocument('lon.md', Buffer.from('x'), { size: 30 * 1024 * 1024 });
    expect((await admin.replies(1))[0]!.text).toBe(
      'Tệp «lon.md» lớn quá (tối đa 20 MB). Hãy gửi bản PDF hoặc .docx không kèm ảnh quét.',
    );
    expect(server.calls('getFile')).toEqual([]);
  });

  it('is explained by /themkehoach', async () => {
    const admin = server.user({ userId: 1001 });
    await admin.send('/themkehoach');
    expect((await admin.replies(1))[0]!.text).toMatch(
      /^Gửi tệp kế hoạch vào cuộc trò chuyện này dưới dạng tệp đính kèm/,
    );
  });

  it('takes an Excel appendix sent alone to the plan its title names, and answers from its tasks once stored', async () => {
    rmSync(join(dir, 'nhi-chieu.md'));
    writeFileSync(join(dir, 'nhi-chieu.docx'), readFileSync(`${XLSX_FIXTURES}/nhi-chieu.docx`));
    await reloader.reload();
    const admin = server.user({ userId: 1001 });
    await admin.sendDocument('phu-luc.xlsx', readFileSync(`${XLSX_FIXTURES}/phu-luc-kh-158.xlsx`));
    const [preview] = await admin.replies(1);
    expect(preview!.text.split('\n')[0]).toBe(
      'Đã đọc phụ lục «phu-luc.xlsx» cùng kế hoạch của nó (mã kế hoạch: nhi-chieu):',
    );
    expect(preview!.text).toContain('\n• Số: 158/KH-UBND\n');
    expect(preview!.text).toContain('\n• 19 nhiệm vụ trong phụ lục,');
    expect(readdirSync(dir).sort()).toEqual(['hue.md', 'nhi-chieu.docx']);

    await admin.press(preview!, 'Lưu và áp dụng');
    expect((await admin.replies(1))[0]!.text).toBe(
      'Đã lưu bản mới của Kế hoạch 158/KH-UBND (mã nhi-chieu). Từ giờ trợ lý trả lời theo bản này.',
    );
    expect(readdirSync(dir).sort()).toEqual(['hue.md', 'nhi-chieu-phu-luc.xlsx', 'nhi-chieu.docx']);
    await admin.send('Nhiệm vụ 1 của phường Nhị Chiểu hạn khi nào?');
    expect((await admin.replies(1))[0]!.text).toMatch(/10\/5\/2026/);
  });

  it('refuses an Excel appendix that belongs to no plan, saying how appendices find their plan', async () => {
    rmSync(join(dir, 'nhi-chieu.md'));
    await reloader.reload();
    const admin = server.user({ userId: 1001 });
    await admin.sendDocument('phu-luc.xlsx', readFileSync(`${XLSX_FIXTURES}/phu-luc-kh-158.xlsx`));
    expect((await admin.replies(1))[0]!.text).toBe(
      [
        'Tệp «phu-luc.xlsx» là phụ lục (Excel), nhưng tôi không tìm thấy kế hoạch của nó nên chưa lưu.',
        'Phụ lục được gắn vào kế hoạch có số ghi ở tiêu đề (ví dụ «Kèm theo Kế hoạch số 158/KH-UBND…»), hoặc kế hoạch có mã là phần đầu tên tệp (ví dụ nhi-chieu-phu-luc.xlsx cho kế hoạch mã nhi-chieu).',
        'Các kế hoạch đang có: hue (263/KH-UBND). Hãy gửi tệp kế hoạch trước, rồi gửi lại phụ lục.',
      ].join('\n'),
    );
    expect(readdirSync(dir)).toEqual(['hue.md']);
  });
});
