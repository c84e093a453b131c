import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/ingest/index.js';

type Expected = {
  plan: string; no: string; content: string; lead: string; coordinators: string; product: string;
  deadline: string; deadline_kind: string; due: string | null;
};

/** The human reading of the 43 appendix tasks, copied from ../shared/eval/expected-tasks.json (see its README) so the clone is self-contained. */
const oracle = JSON.parse(readFileSync('test/knowledge/fixtures/expected-tasks.json', 'utf8')) as Expected[];
const { plans, warnings } = await loadKnowledge('knowledge');
const taskOf = (plan: string, no: string) => plans.find((p) => p.id === plan)?.tasks.find((t) => t.no === no);

describe('readAppendixTable (through loadKnowledge on the real plans)', () => {
  it('reads every task of the three plans and no more', () => {
    const counts = Object.fromEntries(plans.map((p) => [p.id, p.tasks.length]));
    expect(counts).toEqual({ 'dai-son': 12, 'nhi-chieu': 19, hue: 12 });
  });

  it('reads the real plans without warnings', () => {
    expect(warnings).toEqual([]);
  });

  it.each(oracle.map((e) => [`${e.plan}#${e.no}`, e] as const))('reads %s whole, as a careful human does', (_, e) => {
    const task = taskOf(e.plan, e.no);
    expect(task).toBeDefined();
    expect({
      content: task!.content,
      lead: task!.leadRaw,
      coordinators: task!.coordinatorsRaw,
      product: task!.product,
      deadline: task!.deadline.raw,
      kind: task!.deadline.kind,
      due: task!.deadline.due,
    }).toEqual({
      content: e.content,
      lead: e.lead,
      coordinators: e.coordinators,
      product: e.product,
      deadline: e.deadline,
      kind: e.deadline_kind,
      due: e.due,
    });
  });

  it('points each task at the line of its number', () => {
    const lines = readFileSync('knowledge/nhi-chieu.md', 'utf8').split('\n');
    const task = taskOf('nhi-chieu', '12')!;
    expect(lines[task.line - 1]!.startsWith('12\t')).toBe(true);
  });

  it('splits lead cells naming several agencies into canonical names', () => {
    expect(taskOf('nhi-chieu', '6')!.lead.map((a) => a.name)).toEqual(['UBND phường', 'Các phòng, cơ quan, đơn vị']);
    expect(taskOf('nhi-chieu', '8')!.lead.map((a) => a.name)).toEqual(['Văn phòng HĐND và UBND', 'Các phòng, đơn vị']);
    expect(taskOf('nhi-chieu', '13')!.lead).toEqual([{ name: 'Phòng Văn hóa - Xã hội', raw: 'Phòng VHXXH' }]);
    expect(taskOf('hue', '12')!.coordinators.map((a) => a.name)).toEqual([
      'Ban Tuyên giáo và Dân vận Thành ủy',
      'Các cơ quan báo chí, truyền thông',
    ]);
  });
});
