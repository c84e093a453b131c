import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlanReloader, type ReloadProblem } from '../../src/app/plan-reload.js';
import { createKnowledgeHolder, type KnowledgeHolder } from '../../src/chat/index.js';
import { loadKnowledge } from '../../src/ingest/index.js';
import { answerQuestion } from '../../src/search/index.js';
import { renderAnswer } from '../../src/messages/index.js';
import { knowledgeFolder, realPlan } from '../support/plan-variants.js';

let dir: string;
let holder: KnowledgeHolder;
let reported: ReloadProblem[];
let stopWatching: (() => void) | undefined;
const logs: string[] = [];

beforeEach(async () => {
  dir = knowledgeFolder({ 'hue.md': realPlan('hue'), 'nhi-chieu.md': realPlan('nhi-chieu') });
  holder = createKnowledgeHolder((await loadKnowledge(dir)).plans);
  reported = [];
});
afterEach(() => {
  stopWatching?.();
  stopWatching = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const reloader = () =>
  createPlanReloader({
    dir,
    knowledge: holder,
    log: (level, msg) => void logs.push(`${level}: ${msg}`),
    report: async (p) => void reported.push(p),
    debounceMs: 50,
  });
const ids = () => holder.current().plans.map((p) => p.id);
const firstDeadline = (id: string) => holder.current().plans.find((p) => p.id === id)?.tasks[0]?.deadline.raw;
const ask = (q: string) => renderAnswer(answerQuestion(holder.current().index, q, { today: '2026-06-01' }));

async function until(probe: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !probe(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(probe()).toBe(true);
}

describe('createPlanReloader', () => {
  it('swaps in a changed plan, search index included', async () => {
    writeFileSync(join(dir, 'hue.md'), realPlan('hue').replace('\tTháng 5/2026', '\tTháng 9/2026'));
    await reloader().reload(['hue.md']);
    expect(firstDeadline('hue')).toBe('Tháng 9/2026');
    expect(ask('Nhiệm vụ 1 của thành phố Huế hạn khi nào?')).toMatch(/Tháng 9\/2026/);
    expect(reported).toEqual([]);
  });

  it('keeps the old version serving when the changed file reads badly, and reports why', async () => {
    writeFileSync(join(dir, 'hue.md'), '');
    await reloader().reload(['hue.md']);
    expect(ids()).toEqual(['hue', 'nhi-chieu']);
    expect(firstDeadline('hue')).toBe('Tháng 5/2026');
    expect(reported).toEqual([
      {
        fileName: 'hue.md',
        reasons: [{ file: 'hue.md', line: 0, message: 'file is empty', code: 'empty' }],
        keptOld: 'hue',
      },
    ]);
    expect(logs).toContain('warn: knowledge: a changed plan file could not be read');
  });

  it('drops the plan of a removed file; a new file that reads badly serves nothing and is reported', async () => {
    rmSync(join(dir, 'hue.md'));
    writeFileSync(join(dir, 'moi.md'), 'Chỉ là một ghi chú.');
    await reloader().reload(['hue.md', 'moi.md']);
    expect(ids()).toEqual(['nhi-chieu']);
    expect(reported).toEqual([
      {
        fileName: 'moi.md',
        reasons: [
          { file: 'moi.md', line: 0, message: 'no task table and no numbered sections found', code: 'nothing_found' },
        ],
        keptOld: null,
      },
    ]);
  });

  it('notices a changed file in the folder by itself', async () => {
    stopWatching = reloader().watch();
    writeFileSync(join(dir, 'dai-son.md'), realPlan('dai-son'));
    await until(() => ids().includes('dai-son'));
    expect(ids()).toEqual(['dai-son', 'hue', 'nhi-chieu']);
  });
});
