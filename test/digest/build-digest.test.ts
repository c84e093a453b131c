import { describe, expect, it } from 'vitest';
import { buildDigest, planProgress } from '../../src/digest/index.js';
import { renderDigest } from '../../src/messages/index.js';
import { conferences, hanoi, PLAN, update } from '../support/digest-fixture.js';

const records = [
  update('1', '2026-04-20T02:00:00Z', { status: 'in_progress', percent: 50 }),
  update('4', '2026-05-31T03:00:00Z', { status: 'blocked', note: 'Chưa có kinh phí số hóa' }),
  update('2', '2026-06-01T09:00:00Z', {
    status: 'done',
    note: 'Đã ban hành Quy chế 12/QC-UBND',
    userName: 'Trần Thị Bình',
  }),
];

describe('buildDigest', () => {
  const now = hanoi('2026-06-02 07:30');
  const digest = buildDigest(planProgress(PLAN, records, [], now), now, hanoi('2026-06-01 07:30'));

  it('counts tasks by state and lists what a leader must see', () => {
    expect(digest.counts).toEqual({ done: 1, in_progress: 1, overdue: 1, no_report: 3 });
    expect(digest.overdue).toEqual([expect.objectContaining({ no: '1', days: 23 })]);
    expect(digest.dueSoon).toEqual([expect.objectContaining({ no: '5', days: 6 })]);
    expect(digest.updates.map((u) => u.task)).toEqual(['2']);
    expect(digest.blocked).toEqual([expect.objectContaining({ no: '4', note: 'Chưa có kinh phí số hóa' })]);
    expect(digest.silent.map((s) => [s.no, s.days])).toEqual([
      ['3', -1],
      ['6', -1],
    ]);
    expect(digest.nextReport?.date).toBe('2026-06-10');
  });

  it('renders the digest as a leader reads it', () => {
    expect(renderDigest(digest)).toBe(
      [
        '📋 Kế hoạch 158/KH-UBND — tổng hợp ngày 02/06/2026',
        'Tiến độ 6 nhiệm vụ:',
        '▓▓░░░░░░░░ Hoàn thành: 1',
        '▓▓░░░░░░░░ Đang thực hiện: 1',
        '▓▓░░░░░░░░ Quá hạn: 1',
        '▓▓▓▓▓░░░░░ Chưa báo cáo: 3',
        '',
        '🔴 Quá hạn:',
        '• NV 1 (Phòng Văn hóa - Xã hội): trễ 23 ngày — Ban hành kế hoạch triển khai',
        '',
        '⏰ Đến hạn trong 7 ngày:',
        '• NV 5 (Trung tâm Phục vụ hành chính công): còn 6 ngày — Đưa dịch vụ công trực tuyến toàn trình vào vận hành',
        '',
        '📝 Cập nhật mới:',
        '• NV 2 — Trần Thị Bình: Hoàn thành — Đã ban hành Quy chế 12/QC-UBND',
        '',
        '⛔ Vướng mắc:',
        '• NV 4: Chưa có kinh phí số hóa',
        '',
        '💤 Quá 30 ngày chưa báo cáo:',
        '• NV 3 (Văn phòng HĐND và UBND): chưa báo cáo lần nào — Cắt giảm 15% văn bản hành chính',
        '• NV 6 (Phòng Văn hóa - Xã hội): chưa báo cáo lần nào — Tuyên truyền, phổ biến Kết luận',
        '',
        '🏢 Theo đơn vị (cần đôn đốc trước):',
        '• Phòng Văn hóa - Xã hội: 1 quá hạn, 1 chưa báo cáo, 1 đang thực hiện',
        '• Trung tâm Phục vụ hành chính công: 1 chưa báo cáo',
        '• Văn phòng HĐND và UBND: 1 chưa báo cáo, 1 hoàn thành',
        '',
        '📅 Kỳ báo cáo tới: báo cáo 6 tháng, hạn 10/06/2026, gửi Ủy ban nhân dân thành phố.',
      ].join('\n'),
    );
  });

  it('says in one line when nothing moved and nothing is late', () => {
    const calm = hanoi('2026-04-22 07:30');
    const quiet = buildDigest(planProgress(PLAN, records, [], calm), calm, hanoi('2026-04-21 07:30'));
    expect(quiet.quiet).toBe(true);
    expect(renderDigest(quiet)).toBe(
      '📋 Kế hoạch 158/KH-UBND, 22/04/2026: không có cập nhật mới, không có nhiệm vụ quá hạn.',
    );
    expect(renderDigest(quiet, true)).toBe(
      '📋 Kế hoạch 158/KH-UBND, 22/04/2026 (gửi bù): không có cập nhật mới, không có nhiệm vụ quá hạn.',
    );
  });

  it('names a plan whose number is left blank by its place', () => {
    const calm = hanoi('2026-04-22 07:30');
    const unnumbered = { ...PLAN, meta: { ...PLAN.meta, number: null, locality: { level: 'xã', name: 'Đại Sơn' } } };
    const quiet = buildDigest(planProgress(unnumbered, records, [], calm), calm, hanoi('2026-04-21 07:30'));
    expect(renderDigest(quiet)).toBe(
      '📋 Kế hoạch (chưa ghi số) của xã Đại Sơn, 22/04/2026: không có cập nhật mới, không có nhiệm vụ quá hạn.',
    );
  });

  it('shows the targets for which figures were reported', () => {
    const figures = [
      conferences('total', 40, hanoi('2026-06-01 10:00')),
      conferences('online', 26, hanoi('2026-06-01 10:00')),
    ];
    const text = renderDigest(buildDigest(planProgress(PLAN, records, figures, now), now, null));
    expect(text).toContain('🎯 Chỉ tiêu năm 2026:\n• tỷ lệ hội nghị trực tuyến (chỉ tiêu: đạt ≥ 60%): 65% — ĐẠT');
  });
});
