import { describe, expect, it } from 'vitest';
import type { Deadline, Task } from '../../src/knowledge/schema.js';
import { deriveTaskState, type UpdateRecord } from '../../src/tasks/index.js';

const deadline = (over: Partial<Deadline>): Deadline => ({
  raw: '',
  kind: 'date',
  start: null,
  due: null,
  fromYear: null,
  ...over,
});
const task = (no: string, d: Deadline): Task => ({
  plan: 'p',
  no,
  content: 'x',
  leadRaw: '',
  lead: [],
  coordinatorsRaw: '',
  coordinators: [],
  product: '',
  deadline: d,
  line: 1,
});
let nextId = 1;
const row = (over: Partial<UpdateRecord>): UpdateRecord => ({
  id: nextId++,
  plan: 'p',
  task: '4',
  trackingYear: '',
  status: 'in_progress',
  percent: null,
  note: '',
  userKey: 'tg:1',
  userName: 'Lan',
  channel: 'telegram',
  messageId: `m${nextId}`,
  createdAt: new Date('2026-05-01T03:00:00Z'),
  reverts: null,
  unit: null,
  ...over,
});
const at = (day: string) => new Date(`${day}T03:00:00Z`);
const dated = task('4', deadline({ kind: 'quarter', start: '2026-04-01', due: '2026-06-30' }));

describe('deriveTaskState', () => {
  it.each([
    ['no report, far from due', [], '2026-05-01', 'no_report', null, 60],
    ['no report, due in 7 days', [], '2026-06-23', 'due_soon', null, 7],
    ['no report, past due', [], '2026-07-02', 'overdue', 2, null],
    ['in progress', [{ status: 'in_progress', percent: 60 }], '2026-05-01', 'in_progress', null, 60],
    ['not started', [{ status: 'not_started' }], '2026-05-01', 'not_started', null, 60],
    ['blocked', [{ status: 'blocked', note: 'kinh phí' }], '2026-05-01', 'blocked', null, 60],
    ['blocked and past due', [{ status: 'blocked', note: 'kinh phí' }], '2026-07-10', 'overdue', 10, null],
    ['done on time', [{ status: 'done', createdAt: at('2026-06-30') }], '2026-08-01', 'done_on_time', null, null],
    ['done late', [{ status: 'done', createdAt: at('2026-07-03') }], '2026-08-01', 'done_late', 3, null],
  ] as const)('%s', (_name, rows, today, kind, daysLate, daysLeft) => {
    const state = deriveTaskState(
      dated,
      rows.map((r) => row(r as Partial<UpdateRecord>)),
      at(today),
    );
    expect({ kind: state.kind, daysLate: state.daysLate, daysLeft: state.daysLeft }).toEqual({
      kind,
      daysLate,
      daysLeft,
    });
  });

  it('keeps the latest status and percent, and counts a later note as the last update', () => {
    const rows = [
      row({ status: 'in_progress', percent: 30 }),
      row({ status: 'in_progress', percent: 60 }),
      row({ status: null, note: 'phối hợp' }),
    ];
    const state = deriveTaskState(dated, rows, at('2026-05-02'));
    expect([state.status, state.percent, state.lastUpdate?.note, state.history.length]).toEqual([
      'in_progress',
      60,
      'phối hợp',
      3,
    ]);
  });

  it('ignores a reverted update and its reversal', () => {
    const done = row({ status: 'done' });
    const rows = [row({ status: 'in_progress', percent: 40 }), done, row({ status: null, reverts: done.id })];
    const state = deriveTaskState(dated, rows, at('2026-05-02'));
    expect([state.kind, state.percent, state.history.length]).toEqual(['in_progress', 40, 1]);
  });

  it('ignores rows of other tasks and plans', () => {
    const rows = [row({ task: '5', status: 'done' }), row({ plan: 'q', status: 'done' })];
    expect(deriveTaskState(dated, rows, at('2026-05-02')).kind).toBe('no_report');
  });

  it('reads the day in Hanoi time: 23:30 UTC on the 30th is already the 1st', () => {
    const state = deriveTaskState(
      dated,
      [row({ status: 'done', createdAt: new Date('2026-06-30T23:30:00Z') })],
      at('2026-08-01'),
    );
    expect([state.kind, state.daysLate]).toEqual(['done_late', 1]);
  });

  it('tracks a recurring task per year, due at the end of each year', () => {
    const yearly = task('3', deadline({ kind: 'recurring', raw: 'Hằng năm, từ năm 2026', fromYear: 2026 }));
    const rows = [row({ task: '3', trackingYear: '2026', status: 'done', createdAt: at('2026-12-01') })];
    expect(deriveTaskState(yearly, rows, at('2026-12-20')).kind).toBe('done_on_time');
    const next = deriveTaskState(yearly, rows, at('2027-03-01'));
    expect([next.kind, next.trackingYear, next.due, next.history]).toEqual(['no_report', '2027', '2027-12-31', []]);
  });

  it('never marks an undated task overdue', () => {
    const ongoing = task('2', deadline({ kind: 'ongoing', raw: 'Thường xuyên' }));
    expect(deriveTaskState(ongoing, [], at('2030-01-01')).kind).toBe('no_report');
  });
});
