import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'ask', ...args], { encoding: 'utf8' });

describe('cli ask', () => {
  it('prints the reply a chat user would read', () => {
    const out = cli('Ai chủ trì nhiệm vụ 11 của phường Nhị Chiểu?', '--today', '2026-11-28');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(
      'Chủ trì: Trung tâm Phục vụ hành chính công.\nNguồn: Kế hoạch 158/KH-UBND phường Nhị Chiểu, Phụ lục, nhiệm vụ 11.\n',
    );
  });

  it('prints one JSON object with --json', () => {
    const out = cli('nhi chieu nhiem vu 7 han khi nao', '--json', '--today', '2026-11-28');
    const answer = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(answer).toMatchObject({
      id: null,
      intent: 'deadline',
      citations: [{ plan: 'nhi-chieu', task: '7', section: null }],
      tasks: [{ plan: 'nhi-chieu', no: '7', deadline: 'Quý IV/2026', due: '2026-12-31' }],
    });
    expect(answer.text).toContain('Thời hạn: Quý IV/2026 (đến 31/12/2026).');
  });

  it('answers a batch in order, one JSON line each, with the today of each line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ask-'));
    const file = join(dir, 'in.jsonl');
    const lines = [
      { id: 'a', question: 'Tháng này phường Nhị Chiểu phải hoàn thành việc gì?', today: '2026-05-02' },
      { id: 'b', question: 'Giá vàng hôm nay?', today: '2026-11-28' },
      { id: 'c', question: 'Nhiệm vụ 4 của Đại Sơn đã quá hạn chưa?', today: '2026-05-02' },
    ];
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n\n');
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/index.ts', 'ask', '--json', '--batch', file],
      { encoding: 'utf8' },
    );
    const answers = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; intent: string; text: string; citations: unknown[] });
    expect(answers.map((a) => [a.id, a.intent])).toEqual([
      ['a', 'due_in_period'],
      ['b', 'out_of_scope'],
      ['c', 'status'],
    ]);
    expect(answers[0]!.text).toContain('| Hạn: Trước 10/5/2026 (hạn 10/05/2026)');
    expect(answers[1]!.citations).toEqual([]);
    expect(answers[2]!.text).toContain('Tình trạng: chưa quá hạn, còn 59 ngày');
  });

  it('reads plans from another folder with --knowledge', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-'));
    const out = cli('Ai chủ trì nhiệm vụ 1?', '--json', '--knowledge', dir);
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ intent: 'out_of_scope', citations: [] });
  });

  it('refuses a bad --today and a missing question', () => {
    expect(cli('Ai chủ trì nhiệm vụ 1?', '--today', '28/11/2026')).toMatchObject({
      status: 1,
      stderr: "ask: --today must be a day as YYYY-MM-DD, got '28/11/2026'\n",
    });
    expect(cli('Ai chủ trì nhiệm vụ 1?', '--today', '2026-02-30')).toMatchObject({
      status: 1,
      stderr: "ask: --today must be a day as YYYY-MM-DD, got '2026-02-30'\n",
    });
    expect(cli().status).toBe(1);
  });

  it('refuses an unknown option in one line with the usage, not a stack trace', () => {
    const out = cli('nhiệm vụ 1', '--jsn');
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/^ask: Unknown option '--jsn'.*\nusage: npm run cli -- ask/s);
    expect(out.stderr).not.toContain('    at ');
  });
});
