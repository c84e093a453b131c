import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trackedItems } from '../../src/knowledge/index.js';
import { schedulerOver } from '../support/over-harness.js';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';
import { xlsxRows } from '../support/xlsx-rows.js';

// Two plans with no appendix, written for these tests (test/knowledge/fixtures/duties): a province plan lettered
// under each department ("2. Sở Nội vụ: a) ... b) ..."), a commune plan numbered without Roman headings, with dash
// items and "hoàn thành trước 10/5/2026".
const DIR = 'test/knowledge/fixtures/duties';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const CASES = [
  {
    plan: 'tinh-hoa-lam',
    name: 'Kế hoạch 88/KH-UBND',
    unit: 'Sở Nội vụ',
    own: ['III.1', 'III.2.a', 'III.2.b'],
    // Due 30/06/2026 ("hoàn thành trong tháng 6/2026"); typed in lower case.
    dated: 'III.2.a',
    typed: 'iii.2.a',
    other: 'III.2.b',
    third: 'III.1',
  },
  {
    plan: 'xa-phuc-khanh',
    name: 'Kế hoạch 31/KH-UBND',
    unit: 'Công chức Văn hóa - Xã hội',
    own: ['2.2.1', '2.2.2'],
    // Due 30/06/2026 ("hoàn thành trước 30/6/2026").
    dated: '2.2.1',
    typed: '2.2.1',
    other: '2.2.2',
    third: '2.2.1',
  },
] as const;

let h: ChatHarness;
beforeEach(() => {
  h = createChatHarness({ knowledgeDir: DIR });
});
afterEach(() => h.cleanup());

const officer = { id: '11', name: 'Hà' };
const leader = { id: '12', name: 'Lãnh' };
const rowsOf = (plan: string) => h.db.rows('updates').filter((r) => (r as { plan: string }).plan === plan);

describe.each(CASES)('body duties of $plan', (c) => {
  beforeEach(async () => {
    await h.register(officer, { plan: c.plan, unit: c.unit, role: 'officer' });
    await h.register(leader, { plan: c.plan, unit: null, role: 'leader' });
  });

  it('/viec lists the duties the unit leads under their references', async () => {
    const lines = (await h.say(officer, '/viec')).split('\n');
    expect(lines[0]).toBe(`Việc của ${c.unit} (${c.name}):`);
    for (const ref of c.own) expect(lines.some((l) => l.startsWith(`• Mục ${ref}: `))).toBe(true);
    expect(lines.find((l) => l.startsWith(`• Mục ${c.dated}: `))).toMatch(/— Chưa có báo cáo \(hạn 30\/06\/2026\)$/);
  });

  it('takes /capnhat <ref>, typed in any case, and /tiendo <ref> shows it', async () => {
    const stored = await h.say(officer, `/capnhat ${c.typed} đang thực hiện 50% đã dự thảo`);
    expect(stored).toMatch(
      new RegExp(`^Đã lưu cập nhật:\\n• Nhiệm vụ ${c.dated.replace(/\./g, '\\.')} \\(${c.name}\\)`),
    );
    expect(rowsOf(c.plan)).toMatchObject([{ task: c.dated, status: 'in_progress', percent: 50, note: 'đã dự thảo' }]);
    const progress = (await h.say(officer, `/tiendo ${c.typed}`)).split('\n');
    expect(progress[0]).toMatch(new RegExp(`^Mục ${c.dated.replace(/\./g, '\\.')} \\(${c.name}\\): `));
    expect(progress[1]).toBe(`Chủ trì: ${c.unit} · Thời hạn: ${progress[1]!.split('Thời hạn: ')[1]}`);
    expect(progress[2]).toBe('Tình trạng: Đang thực hiện 50%');
    expect(progress.at(-1)).toBe('• 09:00 01/06/2026 — Hà: Đang thực hiện 50% — đã dự thảo');
  });

  it('takes the guided update: the duty is a button, then status, note, confirm', async () => {
    const [pick] = await h.send(officer, '/capnhat');
    const button = pick!.choices!.find((b) => b.label.startsWith(`Mục ${c.other}: `))!;
    expect(button.data).toBe(`cn:t:${c.plan}#${c.other}`);
    const [statuses] = await h.press(officer, button.data);
    expect(statuses!.text).toMatch(new RegExp(`^Mục ${c.other.replace(/\./g, '\\.')}: `));
    await h.press(officer, 'cn:s:blocked');
    const [confirm] = await h.send(officer, 'chờ hướng dẫn của tỉnh');
    expect(confirm!.text.split('\n')[1]).toMatch(
      new RegExp(`^• Mục ${c.other.replace(/\./g, '\\.')} \\(${c.name}\\): `),
    );
    await h.press(officer, 'cn:yes');
    expect(rowsOf(c.plan)).toMatchObject([{ task: c.other, status: 'blocked', note: 'chờ hướng dẫn của tỉnh' }]);
  });

  it('takes a natural update "Mục <ref> đã hoàn thành", after a yes', async () => {
    const [confirm] = await h.send(officer, `Mục ${c.third} đã hoàn thành, đã ban hành văn bản`);
    expect(confirm!.text).toMatch(/^Lưu cập nhật này\?/);
    await h.press(officer, 'cn:yes');
    expect(rowsOf(c.plan)).toMatchObject([{ task: c.third, status: 'done', note: 'đã ban hành văn bản' }]);
  });

  it('puts the duties in the digest, the reminders and the report', async () => {
    await h.say(officer, `/capnhat ${c.typed} đang thực hiện 50% đã dự thảo`);
    const plan = h.plans.find((p) => p.id === c.plan)!;
    const digest = (await h.say(leader, '/digest')).split('\n');
    expect(digest[1]).toBe(`Tiến độ ${trackedItems(plan).length} nhiệm vụ:`);
    expect(digest).toContain(`• NV ${c.dated} — Hà: Đang thực hiện 50% — đã dự thảo`);

    // 23/06, 08:00 in Hanoi: 7 days before the duty's due day, its unit's officer is reminded (by the catch-up).
    h.advance(22 * DAY + 6 * HOUR);
    const sent: { to: string; text: string }[] = [];
    await schedulerOver(
      () => h,
      async (to, reply) => void sent.push({ to, text: reply.text }),
    ).catchUp();
    const reminder = sent.find((s) => s.to === 'tg:11' && s.text.startsWith('⏰'))!;
    expect(reminder.text.split('\n')[0]).toBe(
      `⏰ Nhắc việc (gửi bù): Mục ${c.dated} ${c.name} đến hạn ngày 30/06/2026 (còn 7 ngày).`,
    );
    expect(reminder.text).toContain(`/capnhat ${c.dated} hoàn thành <kết quả>`);

    // 02/07: overdue in the digest, under its reference.
    h.advance(9 * DAY);
    expect(await h.say(leader, '/digest')).toMatch(
      new RegExp(`🔴 Quá hạn:\\n(?:• .*\\n)*• Mục ${c.dated.replace(/\./g, '\\.')} \\(${c.unit}\\): trễ 2 ngày — `),
    );

    const [report] = await h.send(leader, '/baocao 2026-H2');
    const rows = await xlsxRows(report!.file!.content);
    const row = rows.find((r) => r[0] === c.dated)!;
    expect(row[2]).toBe(c.unit);
    expect(row[4]).toBe('Quá hạn (50%)');
  });
});
