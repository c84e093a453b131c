import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as runPlans } from '../../src/cli/commands/plans.js';
import { run as runTasks } from '../../src/cli/commands/tasks.js';
import { knowledgeFolder, realPlan } from '../support/plan-variants.js';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('cli plans', () => {
  it('lists each plan with its number, locality, date and counts', async () => {
    expect(await runPlans([])).toBe(0);
    expect(out[0]).toMatch(/^id\s+number\s+locality\s+date\s+tasks\s+duties\s+targets\s+sections\s+warnings$/);
    expect(out.slice(1).map((l) => l.split(/\s{2,}/).slice(0, 5))).toEqual([
      ['dai-son', '-', 'xã Đại Sơn', '-', '12'],
      ['hue', '263/KH-UBND', 'thành phố Huế', '2026-05-08', '12'],
      ['nhi-chieu', '158/KH-UBND', 'phường Nhị Chiểu', '2026-05-05', '19'],
    ]);
    expect(err).toEqual([]);
  });

  it('prints the warnings of another folder to stderr, naming file and line', async () => {
    const text = realPlan('hue').replace('\tTháng 5/2026', '\tsớm');
    const dir = knowledgeFolder({ 'hue.md': text, 'empty.md': '' });
    expect(await runPlans(['--knowledge', dir, '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject([{ id: 'hue', tasks: 12, warnings: 1 }]);
    const line = text.split('\n').findIndex((l) => l.startsWith('1\t')) + 1;
    expect(err).toEqual([
      `warning: ${dir}/empty.md: file is empty`,
      `warning: ${dir}/hue.md:${line}: task 1: deadline not understood: 'sớm'`,
    ]);
  });
});

describe('cli tasks', () => {
  it('prints the tasks of a plan as parsed', async () => {
    expect(await runTasks(['--plan', 'nhi-chieu'])).toBe(0);
    expect(out.slice(0, 5)).toEqual([
      '1. Xây dựng, ban hành kế hoạch của UBND phường đảm bảo thực hiện các nhiệm vụ, giải pháp tại Kế hoạch của UBND thành phố.',
      '   lead: Phòng Văn hóa - Xã hội',
      '   coordinators: Các phòng, đơn vị',
      '   product: Kế hoạch triển khai',
      '   deadline: Trước 10/5/2026 (date → due 2026-05-10)',
    ]);
  });

  it('prints them as JSON with --json, the appendix tasks then the body duties by section', async () => {
    expect(await runTasks(['--plan', 'hue', '--json'])).toBe(0);
    const tasks = JSON.parse(out.join('\n')) as Array<{ no: string; source: string; deadline: { kind: string } }>;
    expect(tasks.filter((t) => t.source === 'appendix').map((t) => t.no)).toEqual(
      Array.from({ length: 12 }, (_, i) => String(i + 1)),
    );
    expect(
      tasks
        .filter((t) => t.source === 'body')
        .map((t) => t.no)
        .slice(0, 3),
    ).toEqual(['II.1.a', 'II.1.b', 'II.3.a.1']);
    expect(tasks).toHaveLength(12 + 34);
    expect(tasks[0]!.deadline.kind).toBe('month');
  });

  it('refuses an unknown plan, naming the known ones', async () => {
    expect(await runTasks(['--plan', 'ha-noi'])).toBe(1);
    expect(err).toEqual(["unknown plan 'ha-noi' (known: dai-son, hue, nhi-chieu)"]);
  });

  it('asks for --plan', async () => {
    expect(await runTasks([])).toBe(1);
    expect(err).toEqual(['usage: npm run cli -- tasks --plan ID [--json] [--knowledge DIR]']);
  });
});
