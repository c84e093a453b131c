import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/chat/index.js';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';
import { schedulerOver } from '../support/over-harness.js';

let h: ChatHarness;
const XA = 'UBND các xã, phường';
const tanChi = { id: '11', name: 'Lan' };
const daiLai = { id: '12', name: 'Minh' };
const huongSo = { id: '13', name: 'Hòa' };
const noiVu = { id: '14', name: 'Tuấn' };
const leader = { id: '20', name: 'Chủ tịch' };

beforeEach(async () => {
  h = createChatHarness();
  await h.store().members.add('hue', XA, ['UBND xã Tân Chi', 'UBND xã Đại Lai', 'UBND phường Hương Sơ'], h.now());
  await h.register(tanChi, { plan: 'hue', unit: 'UBND xã Tân Chi', role: 'officer' });
  await h.register(daiLai, { plan: 'hue', unit: 'UBND xã Đại Lai', role: 'officer' });
  await h.register(huongSo, { plan: 'hue', unit: 'UBND phường Hương Sơ', role: 'officer' });
  await h.register(noiVu, { plan: 'hue', unit: 'Sở Nội vụ', role: 'officer' });
  await h.register(leader, { plan: 'hue', role: 'leader' });
});
afterEach(() => h.cleanup());

const choice = (replies: Reply[], label: string) =>
  replies.at(-1)!.choices!.find((c) => c.label.startsWith(label))!.data;

describe('a task led by a group with declared members', () => {
  it('records each member officer’s update as its own share, in all three forms', async () => {
    expect(await h.say(tanChi, '/capnhat 1 hoàn thành đã ban hành Kế hoạch 12/KH-UBND')).toContain(
      '• Nhiệm vụ 1 (Kế hoạch 263/KH-UBND)\n• Phần việc của: UBND xã Tân Chi\n• Trạng thái: Hoàn thành',
    );
    expect(await h.say(daiLai, 'Nhiệm vụ 1 đang thực hiện 50%, đang dự thảo kế hoạch')).toContain('Lưu cập nhật này?');
    expect(await h.say(daiLai, 'có')).toContain('• Phần việc của: UBND xã Đại Lai\n• Trạng thái: Đang thực hiện 50%');
    const tasks = await h.send(huongSo, '/capnhat');
    const statuses = await h.press(huongSo, choice(tasks, '1.'));
    await h.press(huongSo, choice(statuses, 'Vướng mắc'));
    await h.say(huongSo, 'chờ hướng dẫn của Sở Nội vụ');
    expect(await h.say(huongSo, 'có')).toContain('• Phần việc của: UBND phường Hương Sơ\n• Trạng thái: Vướng mắc');
    expect(await h.say(noiVu, '/capnhat 1 đang thực hiện 20%')).toContain('• Phần việc của: Các sở, ban, ngành');
    expect(h.db.rows('updates')).toMatchObject([
      { task: '1', status: 'done', unit: 'UBND xã Tân Chi', user_key: 'tg:11' },
      { task: '1', status: 'in_progress', percent: 50, unit: 'UBND xã Đại Lai', user_key: 'tg:12' },
      { task: '1', status: 'blocked', unit: 'UBND phường Hương Sơ', user_key: 'tg:13' },
      { task: '1', status: 'in_progress', percent: 20, unit: 'Các sở, ban, ngành', user_key: 'tg:14' },
    ]);
  });

  it('/tiendo names every member with its status and counts those done', async () => {
    await h.say(tanChi, '/capnhat 1 hoàn thành đã ban hành Kế hoạch 12/KH-UBND');
    await h.say(daiLai, '/capnhat 1 đang thực hiện 50% đang dự thảo');
    await h.say(huongSo, '/capnhat 1 vướng mắc chờ hướng dẫn');
    const text = await h.say(leader, '/tiendo 1');
    expect(text).toContain(
      [
        'Tình trạng: Quá hạn 1 ngày (Vướng mắc)',
        'Theo đơn vị (1/4 đơn vị hoàn thành):',
        '• Các sở, ban, ngành: chưa báo cáo (quá hạn 1 ngày)',
        '• UBND xã Tân Chi: hoàn thành',
        '• UBND xã Đại Lai: đang thực hiện 50% (quá hạn 1 ngày)',
        '• UBND phường Hương Sơ: vướng mắc: chờ hướng dẫn (quá hạn 1 ngày)',
        'Cập nhật gần đây:',
      ].join('\n'),
    );
    expect(text).toContain('— Lan (UBND xã Tân Chi): Hoàn thành — đã ban hành Kế hoạch 12/KH-UBND');
  });

  it('is done when every member is done; a leader’s update counts for every member that has not reported since', async () => {
    await h.say(tanChi, '/capnhat 1 hoàn thành');
    await h.say(leader, '/capnhat 1 hoàn thành toàn bộ các đơn vị đã ban hành');
    await h.say(daiLai, '/capnhat 1 đang thực hiện 90% bổ sung phụ lục');
    expect(await h.say(leader, '/tiendo 1')).toContain('Theo đơn vị (3/4 đơn vị hoàn thành):');
    await h.say(daiLai, '/capnhat 1 xong');
    expect(await h.say(leader, '/tiendo 1')).toContain(
      'Tình trạng: Hoàn thành trễ 1 ngày\nTheo đơn vị (4/4 đơn vị hoàn thành):',
    );
  });

  it('tracks a body duty given to the group per member too', async () => {
    expect(await h.say(tanChi, '/capnhat IV.1.a hoàn thành đã ban hành kế hoạch')).toContain(
      '• Phần việc của: UBND xã Tân Chi',
    );
    expect(await h.say(daiLai, 'Mục IV.1.a đang thực hiện 40%')).toContain('Lưu cập nhật này?');
    await h.say(daiLai, 'có');
    const text = await h.say(leader, '/tiendo IV.1.a');
    expect(text).toContain('Theo đơn vị (1/4 đơn vị hoàn thành):');
    expect(text).toContain('• UBND xã Tân Chi: hoàn thành\n• UBND xã Đại Lai: đang thực hiện 40% (quá hạn 1 ngày)');
    expect(h.db.rows('updates')).toMatchObject([
      { task: 'IV.1.a', unit: 'UBND xã Tân Chi' },
      { task: 'IV.1.a', unit: 'UBND xã Đại Lai', percent: 40 },
    ]);
  });

  it('shows a member officer its own share in /viec', async () => {
    await h.say(tanChi, '/capnhat 1 hoàn thành');
    expect(await h.say(tanChi, '/viec')).toContain('• 1. Xây dựng và ban hành Kế hoạch của các Sở, ban, ngành');
    expect(await h.say(tanChi, '/viec')).toMatch(/• 1\. .* — Hoàn thành trễ 1 ngày/);
    expect(await h.say(daiLai, '/viec')).toMatch(/• 1\. .* — Quá hạn 1 ngày/);
  });

  it('refuses an officer of a unit that is not a member of the groups that lead', async () => {
    await h.store().members.add('hue', 'Các sở, ban, ngành', ['Sở Nội vụ'], h.now());
    h.store().db.prepare("UPDATE users SET unit = 'UBND xã Tân Lập' WHERE key = 'tg:11'").run();
    expect(await h.say(tanChi, '/capnhat 1 hoàn thành')).toContain(
      'Nhiệm vụ 1 do Các sở, ban, ngành, UBND các xã, phường chủ trì; đơn vị bạn (UBND xã Tân Lập) không được cập nhật nhiệm vụ này.',
    );
    expect(h.db.rows('updates')).toEqual([]);
  });
});

describe('the digest and reminders of a task tracked per member', () => {
  beforeEach(async () => {
    await h.say(tanChi, '/capnhat 1 hoàn thành đã ban hành Kế hoạch 12/KH-UBND');
    await h.say(daiLai, '/capnhat 1 đang thực hiện 50% đang dự thảo');
  });

  it('names the overdue members and the count, and shows the units that need a push first', async () => {
    const [digest] = await h.send(leader, '/digest');
    expect(digest!.text).toContain(
      '• NV 1 (Các sở, ban, ngành; UBND các xã, phường): trễ 1 ngày, 1/4 đơn vị hoàn thành, chưa xong: Các sở, ban, ngành, UBND xã Đại Lai, UBND phường Hương Sơ — ',
    );
    expect(digest!.text).toContain('• NV 1 — Minh (UBND xã Đại Lai): Đang thực hiện 50% — đang dự thảo');
    const units = digest!.text.split('🏢 Theo đơn vị (cần đôn đốc trước):\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(units.slice(0, 4)).toEqual([
      '• Các sở, ban, ngành: 2 quá hạn, 20 chưa báo cáo',
      '• UBND phường Hương Sơ: 2 quá hạn, 20 chưa báo cáo',
      '• UBND xã Đại Lai: 2 quá hạn, 20 chưa báo cáo',
      '• UBND xã Tân Chi: 1 quá hạn, 20 chưa báo cáo, 1 hoàn thành',
    ]);
  });

  it('reminds the officers of each overdue member of a task or a duty, naming its share, not the members done', async () => {
    const sent: { to: string; text: string }[] = [];
    const scheduler = schedulerOver(
      () => h,
      async (to, reply) => void sent.push({ to, text: reply.text }),
    );
    await scheduler.catchUp();
    const reminders = sent.filter((m) => m.text.startsWith('⏰')).map((m) => [m.to, m.text.split('\n')[0]]);
    // Duty IV.1.a of the body is given to the same groups, due the same day: every member is reminded of it.
    expect(reminders.filter(([, text]) => text!.includes('IV.1.a')).map(([to]) => to)).toEqual([
      'tg:14',
      'tg:11',
      'tg:12',
      'tg:13',
    ]);
    expect(reminders.filter(([, text]) => !text!.includes('IV.1.a'))).toEqual([
      [
        'tg:14',
        '⏰ Nhắc việc (gửi bù): Nhiệm vụ 1 Kế hoạch 263/KH-UBND (phần của Các sở, ban, ngành) đã quá hạn 1 ngày (hạn 31/05/2026) và chưa hoàn thành.',
      ],
      [
        'tg:12',
        '⏰ Nhắc việc (gửi bù): Nhiệm vụ 1 Kế hoạch 263/KH-UBND (phần của UBND xã Đại Lai) đã quá hạn 1 ngày (hạn 31/05/2026) và chưa hoàn thành.',
      ],
      [
        'tg:13',
        '⏰ Nhắc việc (gửi bù): Nhiệm vụ 1 Kế hoạch 263/KH-UBND (phần của UBND phường Hương Sơ) đã quá hạn 1 ngày (hạn 31/05/2026) và chưa hoàn thành.',
      ],
    ]);
    expect(h.db.rows('notifications').filter((n) => (n as { kind: string }).kind === 'overdue_weekly')).toHaveLength(7);
  });
});
