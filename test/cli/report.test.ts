import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/commands/report.js';
import { loadKnowledge } from '../../src/ingest/index.js';
import { xlsxRows } from '../support/xlsx-rows.js';
import { createTmpDb, type TmpDb } from '../support/tmp-db.js';

const USAGE =
  'usage: npm run cli -- report --plan ID --period 2026-H1|2026|2026-Q3|2026-9M --format xlsx|docx|md --out FILE [--today YYYY-MM-DD] [--db FILE] [--knowledge DIR]';

let out: string[];
let err: string[];
let db: TmpDb;
let dir: string;
beforeEach(async () => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  db = createTmpDb();
  dir = mkdtempSync(join(tmpdir(), 'report-'));
  const store = db.open();
  store.db
    .prepare(
      "INSERT INTO users (key, name, role, plan, unit, active, created_at) VALUES ('tg:1', 'Phạm Thu Hà', 'officer', 'hue', 'Sở Nội vụ', 1, '2026-01-01T00:00:00Z')",
    )
    .run();
  await store.progress.append({
    plan: 'hue',
    task: '11',
    trackingYear: '2026',
    status: 'in_progress',
    percent: 40,
    note: 'Đã tổng hợp báo cáo quý I',
    userKey: 'tg:1',
    userName: 'Phạm Thu Hà',
    channel: 'telegram',
    messageId: 'm1',
    createdAt: new Date('2026-03-09T03:00:00Z'),
    reverts: null,
  });
  store.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  db.cleanup();
});

const args = (period: string, format: string, file: string) => [
  '--plan',
  'hue',
  '--period',
  period,
  '--format',
  format,
  '--out',
  join(dir, file),
  '--db',
  db.path,
  '--today',
  '2026-07-15',
];

describe('cli report', () => {
  it('writes the 2026-Q1 report of a plan as xlsx, with the period update', async () => {
    expect(await run(args('2026-Q1', 'xlsx', 'q1.xlsx'))).toBe(0);
    const rows = await xlsxRows(readFileSync(join(dir, 'q1.xlsx')));
    expect(rows[0]).toEqual(['BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 263/KH-UBND']);
    expect(rows[4]).toEqual(['Kỳ báo cáo: quý I năm 2026 (từ 01/01/2026 đến 31/03/2026)']);
    const row11 = rows.find((r) => r[0] === '11')!;
    expect(row11.slice(4)).toEqual([
      'Đang thực hiện (40%)',
      '09/03/2026 Đang thực hiện 40%: Đã tổng hợp báo cáo quý I',
      '09/03/2026',
    ]);
    expect(out).toEqual([
      `report: ${rows.filter((r) => /^(?:\d+|[IVX]+(?:\.[\w.]+)?)$/.test(r[0] ?? '')).length} tasks, 2026-Q1, written to ${join(dir, 'q1.xlsx')}`,
    ]);
  });

  it('writes Markdown and Word files', async () => {
    expect(await run(args('2026', 'md', 'y.md'))).toBe(0);
    const md = readFileSync(join(dir, 'y.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('# BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 263/KH-UBND');
    const hue = (await loadKnowledge('knowledge')).plans.find((p) => p.id === 'hue')!;
    for (const t of hue.tasks) expect(md).toContain(`| ${t.no} | `);
    expect(await run(args('2026-H1', 'docx', 'h1.docx'))).toBe(0);
    expect(readFileSync(join(dir, 'h1.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    [
      ['--plan', 'hue', '--period', '2026-H3', '--out', 'x'],
      "--period must be like 2026, 2026-H1, 2026-Q3 or 2026-9M, got '2026-H3'",
    ],
    [
      ['--plan', 'hue', '--period', '0001', '--out', 'x'],
      "--period must be like 2026, 2026-H1, 2026-Q3 or 2026-9M, got '0001'",
    ],
    [['--plan', 'hue', '--out', 'x'], '--period is required'],
    [
      ['--plan', 'hue', '--period', '2026', '--format', 'pdf', '--out', 'x'],
      "--format must be xlsx, docx or md, got 'pdf'",
    ],
    [
      ['--plan', 'hue', '--period', '2026', '--format', 'constructor', '--out', 'x'],
      "--format must be xlsx, docx or md, got 'constructor'",
    ],
    [['--plan', 'hue', '--period', '2026'], '--out is required (the file to write)'],
    [['--period', '2026', '--out', 'x'], '--plan is required'],
    [
      ['--plan', 'hue', '--period', '2026', '--out', 'x', '--today', '2026-13-01'],
      "--today must be a day as YYYY-MM-DD, got '2026-13-01'",
    ],
  ])('refuses %j saying what is wrong, with the usage', async (bad, problem) => {
    expect(await run(bad)).toBe(1);
    expect(err).toEqual([`report: ${problem}\n${USAGE}`]);
    expect(out).toEqual([]);
  });

  it('refuses an unknown option in one line with the usage, not a stack trace', async () => {
    expect(await run(['--plan', 'hue', '--period', '2026', '--out', 'x', '--pdf'])).toBe(1);
    expect(err[0]).toMatch(/^report: Unknown option '--pdf'.*\nusage: npm run cli -- report/s);
  });

  it('names the plans when the id is unknown', async () => {
    expect(await run(['--plan', 'ha-noi', '--period', '2026', '--out', join(dir, 'x.xlsx'), '--db', db.path])).toBe(1);
    expect(err).toEqual(['report: unknown plan "ha-noi"; plans: dai-son, hue, nhi-chieu']);
  });
});
