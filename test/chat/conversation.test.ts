import { describe, expect, it } from 'vitest';
import { converse, createMemoryConversations, CONVERSATION_TTL_MS } from '../../src/chat/index.js';
import { loadKnowledge } from '../../src/ingest/index.js';
import { MAX_MESSAGE_CHARS } from '../../src/messages/index.js';
import { buildSearch } from '../../src/search/index.js';
import { foldCase } from '../../src/text/index.js';

const shipped = buildSearch((await loadKnowledge('knowledge')).plans);
const unseen = buildSearch((await loadKnowledge('test/knowledge/fixtures/unseen')).plans);
const START = new Date('2026-11-28T02:00:00Z');
const fold = (s: string) => foldCase(s).replace(/\s+/g, ' ');

/** A chat: each call sends one message, `minutes` after the previous one; returns the reply, folded. */
function chat(index = shipped, today = '2026-11-28') {
  const store = createMemoryConversations();
  let now = START;
  return async (text: string, minutes = 1) => {
    now = new Date(now.getTime() + minutes * 60_000);
    return fold((await converse(index, text, { today, now, chatId: 'c1', store })).text);
  };
}

describe('converse: follow-ups about what was just discussed', () => {
  it('answers a task number, a field, the coordinators and the status of the task just talked about', async () => {
    const say = chat();
    expect(await say('Ai chủ trì nhiệm vụ 4 của Đại Sơn?')).toContain('nhiem vu 4 – xa dai son');
    expect(await say('còn nhiệm vụ 5 thì sao?')).toMatch(/nhiem vu 5 – xa dai son.*chu tri: van phong hdnd&ubnd/s);
    expect(await say('hạn khi nào?')).toMatch(/nhiem vu 5 – xa dai son.*thoi han: hang nam/s);
    expect(await say('ai phoi hop')).toMatch(/nhiem vu 5 – xa dai son.*phoi hop: cac co quan, don vi lien quan/s);
    expect(await say('việc đó xong chưa?')).toMatch(/nhiem vu 5 – xa dai son.*tinh trang/s);
  });

  it('asks the last question again of another place ("còn ở Huế?", "còn Đại Sơn thì sao?")', async () => {
    const say = chat();
    expect(await say('hue bao cao dinh ky ngay nao')).toContain('truoc ngay 10 thang 3');
    expect(await say('còn Đại Sơn thì sao?')).toContain('truoc ngay 5 thang 6');
    expect(await say('gui ve dau')).toContain('gui so noi vu (xa dai son');
    const other = chat();
    await other('nhiệm vụ 5 của Đại Sơn ai phối hợp');
    expect(await other('còn ở Huế?')).toMatch(/nhiem vu 5 – thanh pho hue.*phoi hop: so khoa hoc va cong nghe/s);
  });

  it('keeps the plan last talked about for a question naming none, in the unseen plans too', async () => {
    const say = chat(unseen, '2026-07-01');
    expect(await say('lang son co bao nhieu nhiem vu')).toContain('tinh lang son co 10 nhiem vu');
    expect(await say('nhiệm vụ III.2 hạn khi nào')).toContain('nhiem vu iii.2 – tinh lang son');
    expect(await say('thế còn nv III.1?')).toContain('nhiem vu iii.1 – tinh lang son');
  });

  it('forgets the conversation after 30 minutes, and reads each chat apart', async () => {
    const say = chat();
    await say('Ai chủ trì nhiệm vụ 4 của Đại Sơn?');
    expect(await say('hạn khi nào?', 31)).not.toContain('nhiem vu 4 – xa dai son');
    const store = createMemoryConversations();
    await converse(shipped, 'nhiệm vụ 4 của Đại Sơn ai chủ trì', {
      today: '2026-11-28',
      now: START,
      chatId: 'a',
      store,
    });
    const other = await converse(shipped, 'hạn khi nào?', { today: '2026-11-28', now: START, chatId: 'b', store });
    expect(fold(other.text)).not.toContain('nhiem vu 4 – xa dai son');
    expect(CONVERSATION_TTL_MS).toBe(30 * 60_000);
  });
});

describe('converse: phone-length replies', () => {
  it('gives a count first, then the list page by page on "chi tiết", then says there is no more', async () => {
    const say = chat();
    const first = await say('nhi chieu co bao nhieu nhiem vu');
    expect(first).toBe('phuong nhi chieu co 19 nhiem vu trong phu luc. go "chi tiet" de xem danh sach.');
    const pages = [await say('chi tiết'), await say('xem tiếp')];
    expect(pages[0]).toContain('nv 1:');
    expect(pages.join(' ')).toContain('nv 19:');
    expect(await say('chi tiết')).toContain('khong con phan nao nua');
  });

  it.each([
    'quý này có việc gì đến hạn',
    'nhiệm vụ quá hạn',
    'các nhiệm vụ',
    'Phòng Văn hóa - Xã hội chủ trì những nhiệm vụ nào',
    'chế độ báo cáo',
    'chỉ tiêu',
  ])('"%s" over every shipped plan fits one message, counts first when long', async (question) => {
    const store = createMemoryConversations();
    const opts = { today: '2026-11-28', now: START, chatId: 'c', store };
    const reply = (await converse(shipped, question, opts)).text;
    expect(reply.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    for (let page = (await converse(shipped, 'chi tiết', opts)).text; !fold(page).includes('khong con phan nao');) {
      expect(page.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      page = (await converse(shipped, 'chi tiết', opts)).text;
    }
  });

  it('cuts a long reply at a word and says how many parts remain', async () => {
    const reply = (await converse(shipped, 'quý này có việc gì đến hạn', { today: '2026-11-28', now: START })).text;
    expect(reply.startsWith('Số nhiệm vụ đến hạn trong quý IV/2026: Xã Đại Sơn: 5; Thành phố Huế: 4;')).toBe(true);
    expect(reply).toMatch(/… còn \d+ phần\. Gõ "chi tiết" để xem tiếp\.$/);
  });
});
