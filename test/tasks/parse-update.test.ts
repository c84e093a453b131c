import { describe, expect, it } from 'vitest';
import { parseUpdateArgs, readNaturalUpdate } from '../../src/tasks/index.js';

describe('parseUpdateArgs', () => {
  it.each([
    [
      '4 hoàn thành đã ban hành Công văn 15/CV-VHXH',
      { no: '4', status: 'done', percent: 100, note: 'đã ban hành Công văn 15/CV-VHXH' },
    ],
    ['4 hoan thanh', { no: '4', status: 'done', percent: 100, note: '' }],
    ['4 xong', { no: '4', status: 'done', percent: 100, note: '' }],
    ['04 đang thực hiện 60% đã họp 2 lần', { no: '4', status: 'in_progress', percent: 60, note: 'đã họp 2 lần' }],
    ['4 dang thuc hien', { no: '4', status: 'in_progress', percent: null, note: '' }],
    ['nv12 chưa thực hiện', { no: '12', status: 'not_started', percent: null, note: '' }],
    ['#7 vướng mắc: chờ kinh phí', { no: '7', status: 'blocked', percent: null, note: 'chờ kinh phí' }],
    ['4, ĐANG THỰC HIỆN, 0%', { no: '4', status: 'in_progress', percent: 0, note: '' }],
    ['ii.03 xong', { no: 'II.3', status: 'done', percent: 100, note: '' }],
    ['1.2. đang thực hiện', { no: '1.2', status: 'in_progress', percent: null, note: '' }],
    [
      '4 ghi chú đã phối hợp cung cấp số liệu',
      { no: '4', status: null, percent: null, note: 'đã phối hợp cung cấp số liệu' },
    ],
  ])('reads %j', (args, expected) => {
    const { no, ...rest } = expected;
    expect(parseUpdateArgs(args)).toEqual({ ok: true, value: { ref: { plan: null, no }, ...rest } });
  });

  it('reads a plan-qualified task', () => {
    expect(parseUpdateArgs('dai-son#3 xong')).toMatchObject({ ok: true, value: { ref: { plan: 'dai-son', no: '3' } } });
  });

  it.each([
    ['', { code: 'task_format', given: '' }],
    ["'; DROP TABLE updates; -- xong", { code: 'task_format', given: "';" }],
    ['4', { code: 'status_missing' }],
    ['4 tạm ổn lắm rồi', { code: 'unknown_status', given: 'tạm ổn lắm' }],
    ['4 xongxuoi', { code: 'unknown_status', given: 'xongxuoi' }],
    ['4 đang thực hiện 150%', { code: 'percent_out_of_range', value: 150 }],
    ['4 đang thực hiện -5%', { code: 'percent_out_of_range', value: -5 }],
    ['4 đang thực hiện −5% đã họp', { code: 'percent_out_of_range', value: -5 }],
    ['4 vướng mắc', { code: 'note_required', status: 'blocked' }],
    ['4 ghi chú', { code: 'note_required', status: null }],
    ['4 xong có ký tự \u0007 lạ', { code: 'note_control_chars' }],
    ['4\u0000\u001b[2J xong', { code: 'task_format', given: '4??[2J' }],
    [`${'9'.repeat(50)} xong`, { code: 'task_format', given: '9'.repeat(30) }],
  ])('refuses %s', (args, error) => {
    expect(parseUpdateArgs(args)).toEqual({ ok: false, error });
  });

  it('refuses a 10,000-character note', () => {
    expect(parseUpdateArgs(`4 xong ${'a'.repeat(10_000)}`)).toEqual({
      ok: false,
      error: { code: 'note_too_long', length: 10_000, max: 1000 },
    });
  });
});

describe('readNaturalUpdate', () => {
  it.each([
    [
      'Nhiệm vụ 4 đã hoàn thành, đã ban hành công văn 15',
      { no: '4', status: 'done', percent: 100, note: 'đã ban hành công văn 15' },
    ],
    ['nhiem vu so 4 dang thuc hien 50%', { no: '4', status: 'in_progress', percent: 50, note: '' }],
    ['NV 7 bị vướng mắc do thiếu kinh phí', { no: '7', status: 'blocked', percent: null, note: 'do thiếu kinh phí' }],
    ['Nhiệm vụ II.1 đã xong', { no: 'II.1', status: 'done', percent: 100, note: '' }],
    ['Việc 3 xong rồi.', { no: '3', status: 'done', percent: 100, note: 'rồi.' }],
  ])('recognises %j', (text, expected) => {
    const { no, ...rest } = expected;
    expect(readNaturalUpdate(text)).toEqual({ ok: true, value: { ref: { plan: null, no }, ...rest } });
  });

  it.each([
    'nhiệm vụ 4 đã xong chưa?',
    'Nhiệm vụ 4 đã hoàn thành chưa',
    'nhiệm vụ 4 là gì',
    'Nhiệm vụ 4 do ai chủ trì?',
    'việc nào đã quá hạn?',
    'Hoàn thành nhiệm vụ 4 khi nào',
  ])('leaves %j to the question answerer', (text) => {
    expect(readNaturalUpdate(text)).toBeNull();
  });

  it('reports what is wrong with an update-like sentence', () => {
    expect(readNaturalUpdate('Nhiệm vụ 4 đang thực hiện 150%')).toEqual({
      ok: false,
      error: { code: 'percent_out_of_range', value: 150 },
    });
  });
});
