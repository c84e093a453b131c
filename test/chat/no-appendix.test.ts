import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';

// A commune plan with no appendix (test/knowledge/fixtures/unseen/xa-tan-lap.md): its work is given in the body.
let h: ChatHarness;
const tuPhap = { id: '1', name: 'Tư' };
const lanhDao = { id: '2', name: 'Lãnh' };

beforeAll(async () => {
  h = createChatHarness({ knowledgeDir: 'test/knowledge/fixtures/unseen' });
  await h.register(tuPhap, { plan: 'xa-tan-lap', unit: 'Công chức Tư pháp - Hộ tịch', role: 'officer' });
  await h.register(lanhDao, { plan: 'xa-tan-lap', unit: null, role: 'leader' });
});
afterAll(() => h.cleanup());

describe('a plan with no appendix in chat', () => {
  it("/viec lists the duties the body gives the officer's post, by section reference, with state and deadline", async () => {
    expect(await h.say(tuPhap, '/viec')).toBe(
      [
        'Việc của Công chức Tư pháp - Hộ tịch (Kế hoạch (chưa ghi số) của xã Tân Lập):',
        '• Mục III.2.1: Rà soát các văn bản do HĐND, UBND xã ban hành còn hiệu lực… — Chưa có báo cáo (hạn 30/09/2026)',
        '• Mục III.2.2: Kiểm tra tính hợp pháp của dự thảo văn bản trước khi trình… — Chưa có báo cáo',
        // Led by groups ("Các ấp", "các đoàn thể"), which take in every unit of the plan.
        '• Mục III.6: Phổ biến Kế hoạch đến hộ gia đình qua các cuộc họp ấp; vận… — Chưa có báo cáo (hạn 30/06/2026)',
        '• Mục III.7: Phối hợp tuyên truyền, vận động đoàn viên, hội viên thực… — Chưa có báo cáo',
      ].join('\n'),
    );
  });

  it('/viec lists every duty of the plan for a leader', async () => {
    const lines = (await h.say(lanhDao, '/viec')).split('\n');
    expect(lines[0]).toBe('Các nhiệm vụ của Kế hoạch (chưa ghi số) của xã Tân Lập:');
    expect(lines.filter((l) => l.startsWith('• Mục '))).toHaveLength(12);
  });
});
