import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/calendar/index.js';
import { planProgress, planReminders } from '../../src/digest/index.js';
import { renderReminder } from '../../src/messages/index.js';
import { hanoi, PLAN, update } from '../support/digest-fixture.js';

const remindersOn = (day: string, records = [update('2', '2026-04-01T01:00:00Z')]) => {
  const progress = planProgress(PLAN, records, [], hanoi(`${day} 08:00`));
  return planReminders(PLAN, progress.states, day);
};

/** Each distinct reminder with the first day it is owed, over a range of days. */
function firstOwed(from: string, to: string, subject: string) {
  const first = new Map<string, string>();
  for (let day = from; day <= to; day = addDays(day, 1)) {
    for (const r of remindersOn(day).filter((x) => x.subject === subject)) {
      const key = `${r.kind}@${r.slot}`;
      if (!first.has(key)) first.set(key, day);
    }
  }
  return Object.fromEntries(first);
}

describe('planReminders', () => {
  it('owes a reminder 7 days and 1 day before a dated deadline, then weekly while overdue', () => {
    expect(firstOwed('2026-04-25', '2026-05-25', '1')).toEqual({
      'deadline_7d@2026-05-03': '2026-05-03',
      'deadline_1d@2026-05-09': '2026-05-09',
      'overdue_weekly@2026-05-11': '2026-05-11',
      'overdue_weekly@2026-05-18': '2026-05-18',
      'overdue_weekly@2026-05-25': '2026-05-25',
    });
  });

  it('keeps a missed reminder owed (marked late) until the next one starts', () => {
    expect(remindersOn('2026-05-05').filter((r) => r.subject === '1')).toEqual([
      expect.objectContaining({
        kind: 'deadline_7d',
        slot: '2026-05-03',
        late: true,
        units: ['Phòng Văn hóa - Xã hội'],
      }),
    ]);
  });

  it('owes nothing for a task that is done', () => {
    const done = [update('1', '2026-05-02T01:00:00Z', { status: 'done' })];
    expect(remindersOn('2026-05-09', done).filter((r) => r.subject === '1')).toEqual([]);
  });

  it('reminds the compiling unit 7 days before a reporting date', () => {
    expect(remindersOn('2026-06-02').filter((r) => r.kind === 'reporting_7d')).toEqual([]);
    expect(remindersOn('2026-06-03').filter((r) => r.kind === 'reporting_7d')).toEqual([
      expect.objectContaining({
        subject: '6 tháng',
        slot: '2026-06-03',
        due: '2026-06-10',
        units: ['Phòng Văn hóa - Xã hội'],
        late: false,
      }),
    ]);
  });
});

describe('renderReminder', () => {
  it('says what is due and how to update', () => {
    const [r] = remindersOn('2026-05-03').filter((x) => x.subject === '1');
    expect(renderReminder(r!, '2026-05-03', '158/KH-UBND', 'phường Nhị Chiểu')).toBe(
      '⏰ Nhắc việc: Nhiệm vụ 1 Kế hoạch 158/KH-UBND đến hạn ngày 10/05/2026 (còn 7 ngày).\n' +
        'Ban hành kế hoạch triển khai\n' +
        'Cập nhật: /capnhat 1 hoàn thành <kết quả>, /capnhat 1 đang thực hiện 60% hoặc /capnhat 1 vướng mắc <lý do>.',
    );
  });

  it('counts the days late of an overdue task and marks a caught-up reminder', () => {
    const [r] = remindersOn('2026-05-20').filter((x) => x.subject === '1');
    expect(renderReminder(r!, '2026-05-20', '158/KH-UBND', 'phường Nhị Chiểu').split('\n')[0]).toBe(
      '⏰ Nhắc việc (gửi bù): Nhiệm vụ 1 Kế hoạch 158/KH-UBND đã quá hạn 10 ngày (hạn 10/05/2026) và chưa hoàn thành.',
    );
  });

  it('tells the compiling unit which report is due', () => {
    const [r] = remindersOn('2026-06-03').filter((x) => x.kind === 'reporting_7d');
    expect(renderReminder(r!, '2026-06-03', '158/KH-UBND', 'phường Nhị Chiểu')).toBe(
      '📅 Nhắc kỳ báo cáo: báo cáo 6 tháng Kế hoạch 158/KH-UBND hạn 10/06/2026 (còn 7 ngày). Lập báo cáo bằng lệnh /baocao.',
    );
  });
});
