import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';

// A plan written differently from the shipped ones: tasks numbered per group (I.1, I.2, II.1...).
const PLAN = [
  'ỦY BAN NHÂN DÂN TỈNH BẮC NINH',
  'Số: 77/KH-UBND',
  '',
  'KẾ HOẠCH',
  'Thực hiện Kết luận số 226-KL/TW của Ban Bí thư trên địa bàn tỉnh',
  '',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Nâng cao hiệu quả.',
  '',
  'PHỤ LỤC',
  'TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện',
  'I\tNHÓM NHIỆM VỤ VỀ VĂN BẢN\t\t\t',
  '1\tRà soát văn bản\tSở Tư pháp\tCác sở, ngành\tTrước 30/6/2026',
  '2\tGiảm văn bản hành chính\tVăn phòng UBND tỉnh\tSở Tư pháp\tQuý III/2026',
  'II\tNHÓM NHIỆM VỤ VỀ HỘI HỌP\t\t\t',
  '1\tHọp trực tuyến\tSở Khoa học và Công nghệ\tVăn phòng UBND tỉnh\tNăm 2026',
  '2\tHọp không giấy tờ\tVăn phòng UBND tỉnh\t\tThường xuyên',
].join('\n');

let dir: string;
let h: ChatHarness;
const an = { id: '1', name: 'An' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plans-'));
  writeFileSync(join(dir, 'bac-ninh.md'), PLAN);
  h = createChatHarness({ knowledgeDir: dir });
  await h.register(an, { plan: 'bac-ninh', unit: 'Sở Tư pháp', role: 'officer' });
});
afterAll(() => {
  h.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('createChat on a plan numbered by group', () => {
  it('updates a task numbered "I.1", in any case', async () => {
    expect(await h.say(an, '/capnhat i.1 xong')).toMatch(
      /^Đã lưu cập nhật:\n• Nhiệm vụ I\.1 \(Kế hoạch 77\/KH-UBND\)\n/,
    );
  });

  it('names the numbers when a task does not exist', async () => {
    expect(await h.say(an, '/capnhat 5 xong')).toBe(
      'Không có nhiệm vụ số 5. Kế hoạch 77/KH-UBND có 4 nhiệm vụ (số I.1 đến II.2).\nVí dụ: /capnhat I.1 hoàn thành đã ban hành Công văn số 15/CV-VP',
    );
  });

  it('lets the coordinating unit only add notes, and confirms a sentence naming "II.1"', async () => {
    expect(await h.say(an, '/capnhat I.2 xong')).toMatch(/^Đơn vị bạn phối hợp thực hiện nhiệm vụ I\.2 /);
    expect(await h.say(an, 'Nhiệm vụ II.1 đã hoàn thành')).toMatch(
      /^Nhiệm vụ II\.1 do Sở Khoa học và Công nghệ chủ trì;/,
    );
    expect(await h.say(an, '/tiendo I.1')).toContain('Tình trạng: Hoàn thành đúng hạn');
  });
});
