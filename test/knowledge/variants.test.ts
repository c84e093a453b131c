import { describe, expect, it } from 'vitest';
import { parsePlan, type Task } from '../../src/knowledge/index.js';
import {
  addRow, blankNumber, cutRow, cutRowEverywhere, dropAppendix, realPlan, repeatHeader, reshapeTable, toHtmlTable, toPipeTable,
  wrapHeader,
} from '../support/plan-variants.js';

const read = (id: string, text: string) => parsePlan(id, `${id}.md`, text);
const original = (id: string) => read(id, realPlan(id)).plan;
const essence = (tasks: readonly Task[]) =>
  tasks.map((t) => ({ no: t.no, content: t.content, lead: t.lead, coordinators: t.coordinators, product: t.product, deadline: t.deadline }));

describe('parsePlan on variants of the real plans', () => {
  it.each([
    ['hue', '5', 1],
    ['hue', '11', 4],
    ['dai-son', '2', 2],
    ['nhi-chieu', '1', 1],
  ])('joins %s row %s cut across a page inside cell %i', (id, no, cell) => {
    const { plan, warnings } = read(id, cutRow(realPlan(id), no, cell));
    expect(essence(plan.tasks)).toEqual(essence(original(id).tasks));
    expect(warnings).toEqual([]);
  });

  it.each([
    ['hue', ['1', '3', '4', '6', '10', '11', '12']],
    ['dai-son', ['1', '2', '3', '9', '12']],
    ['nhi-chieu', ['2', '3', '6', '11', '19']],
  ])('joins rows of %s cut inside every cell', (id, numbers) => {
    for (const no of numbers) {
      const { plan, warnings } = read(id, cutRowEverywhere(realPlan(id), no));
      expect(essence(plan.tasks), `row ${no}`).toEqual(essence(original(id).tasks));
      expect(warnings).toEqual([]);
    }
  });

  it('joins a cut row when the header is repeated between its pieces', () => {
    const { plan, warnings } = read('hue', cutRow(realPlan('hue'), '8', 1, true));
    expect(essence(plan.tasks)).toEqual(essence(original('hue').tasks));
    expect(warnings).toEqual([]);
  });

  it('skips a header repeated before a row', () => {
    const { plan } = read('dai-son', repeatHeader(realPlan('dai-son'), '3'));
    expect(essence(plan.tasks)).toEqual(essence(original('dai-son').tasks));
  });

  it('reads an extra row', () => {
    const text = addRow(realPlan('hue'), ['13', 'Tổng kết việc thực hiện Kết luận số 226-KL/TW', 'Sở Nội vụ', 'Các sở, ban, ngành', 'Báo cáo tổng kết', 'Quý III/2026']);
    const { plan, warnings } = read('hue', text);
    expect(plan.tasks).toHaveLength(13);
    expect(plan.tasks[12]).toMatchObject({
      no: '13',
      lead: [{ name: 'Sở Nội vụ', raw: 'Sở Nội vụ' }],
      deadline: { kind: 'quarter', start: '2026-07-01', due: '2026-09-30' },
    });
    expect(warnings).toEqual([]);
  });

  it('reads a complete row whose number is blank as the next task, with a warning', () => {
    const { plan, warnings } = read('hue', blankNumber(realPlan('hue'), '7'));
    expect(essence(plan.tasks)).toEqual(essence(original('hue').tasks));
    expect(warnings).toEqual([{ file: 'hue.md', line: plan.tasks[6]!.line, message: 'task number missing; read as task 7', code: 'task_number_missing', subject: '7' }]);
  });

  it('reads a plan with no appendix: no tasks, the body duties still there, no warnings', () => {
    const { plan, warnings } = read('hue', dropAppendix(realPlan('hue')));
    expect(plan.tasks).toEqual([]);
    expect(plan.duties).toEqual(original('hue').duties);
    expect(plan.meta.signer?.name).toBe('Nguyễn Văn Mạnh');
    expect(warnings).toEqual([]);
  });

  it('reads "Hằng năm" and "Hàng năm" alike', () => {
    const { plan } = read('nhi-chieu', realPlan('nhi-chieu').replaceAll('Hàng năm', 'Hằng năm'));
    const task3 = plan.tasks.find((t) => t.no === '3')!;
    expect(task3.deadline).toEqual({ raw: 'Hằng năm, bắt đầu từ 2026', kind: 'recurring', start: null, due: null, fromYear: 2026 });
  });

  it('reads the table written with Markdown pipes', () => {
    const { plan, warnings } = read('nhi-chieu', toPipeTable(realPlan('nhi-chieu')));
    expect(essence(plan.tasks)).toEqual(essence(original('nhi-chieu').tasks));
    expect(warnings).toEqual([]);
  });

  it('reads the table written with pipes but no outer pipes', () => {
    const { plan, warnings } = read('hue', toPipeTable(realPlan('hue'), false));
    expect(essence(plan.tasks)).toEqual(essence(original('hue').tasks));
    expect(warnings).toEqual([]);
  });

  it.each(['dai-son', 'nhi-chieu'])('reads %s with the table written in HTML', (id) => {
    const { plan, warnings } = read(id, toHtmlTable(realPlan(id)));
    expect(essence(plan.tasks)).toEqual(essence(original(id).tasks));
    expect(warnings).toEqual([]);
  });

  it('reads other column names and a table without a product column', () => {
    const header = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Phối hợp', 'Tiến độ'];
    const { plan } = read('dai-son', reshapeTable(realPlan('dai-son'), 4, header));
    const expected = essence(original('dai-son').tasks).map((t) => ({ ...t, product: '' }));
    expect(essence(plan.tasks)).toEqual(expected);
  });

  it.each(['dai-son', 'nhi-chieu', 'hue'])('reads %s with its header wrapped over two lines', (id) => {
    const { plan, warnings } = read(id, wrapHeader(realPlan(id)));
    expect(essence(plan.tasks)).toEqual(essence(original(id).tasks));
    expect(warnings).toEqual([]);
  });

  it.each(['dai-son', 'nhi-chieu'])('numbers the tasks of %s in order when the table has no number column', (id) => {
    const header = ['Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Sản phẩm', 'Thời hạn'];
    const { plan, warnings } = read(id, reshapeTable(realPlan(id), 0, header));
    expect(essence(plan.tasks)).toEqual(essence(original(id).tasks));
    expect(warnings).toEqual([]);
  });

  it('warns, naming file and line, when a deadline cannot be read', () => {
    const text = realPlan('hue').replace('\tTháng 5/2026', '\tsớm');
    const { plan, warnings } = read('hue', text);
    expect(plan.tasks[0]!.deadline.kind).toBe('unknown');
    expect(warnings).toEqual([{ file: 'hue.md', line: plan.tasks[0]!.line, message: "task 1: deadline not understood: 'sớm'", code: 'deadline_unknown', subject: '1', detail: 'sớm' }]);
  });
});

describe('parsePlan on rows with blank or repeated numbers', () => {
  it.each([
    ['nhi-chieu', '17'],
    ['nhi-chieu', '1'],
    ['dai-son', '6'],
    ['hue', '12'],
  ])('reads %s row %s with its number left blank as the same task', (id, no) => {
    const { plan, warnings } = read(id, blankNumber(realPlan(id), no));
    expect(essence(plan.tasks)).toEqual(essence(original(id).tasks));
    expect(warnings.map((w) => w.message)).toEqual([`task number missing; read as task ${no}`]);
  });

  it('joins the piece of a cut row that repeats its number', () => {
    const text = cutRow(realPlan('hue'), '9', 1, true).replace(/\n\t(?=\S)/u, '\n9\t');
    const { plan, warnings } = read('hue', text);
    expect(essence(plan.tasks)).toEqual(essence(original('hue').tasks));
    expect(warnings).toEqual([]);
  });
});
