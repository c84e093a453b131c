import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/progress.js';
import { useCliOnTmpDb } from '../support/cli-run.js';
import { seedUser, type SeedUpdate } from '../support/seed-user.js';

const USAGE =
  'usage: npm run cli -- progress --plan ID [--format text|csv] [--today YYYY-MM-DD] [--db FILE] [--knowledge DIR]';
const NOTE_4 = 'đã dự thảo, chờ "ý kiến" lãnh đạo';

const t = useCliOnTmpDb(async (store) => {
  const lan = seedUser(store, { key: 'tg:1', name: 'Lan', plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội' });
  const add = (task: string, fields: Omit<SeedUpdate, 'plan' | 'task'>) =>
    lan.append({ plan: 'nhi-chieu', task, ...fields });
  await add('1', {
    status: 'done',
    note: 'Đã ban hành Kế hoạch 12/KH-UBND',
    createdAt: new Date('2026-05-08T03:00:00Z'),
  });
  await add('4', { status: 'in_progress', percent: 60, note: NOTE_4, createdAt: new Date('2026-05-20T03:00:00Z') });
  await add('3', {
    trackingYear: '2026',
    status: 'blocked',
    note: 'thiếu số liệu',
    createdAt: new Date('2026-05-25T03:00:00Z'),
  });
  const mistaken = await add('8', { status: 'in_progress', percent: 30, createdAt: new Date('2026-05-26T03:00:00Z') });
  await add('8', { reverts: mistaken, createdAt: new Date('2026-05-26T03:05:00Z') });
  await add('4', {
    status: 'done',
    note: 'Đã ban hành Công văn 15/CV-UBND',
    createdAt: new Date('2026-07-02T03:00:00Z'),
  });
});

const progress = async (...args: string[]) => {
  const code = await run(['--db', t.db.path, ...args]);
  return { code, lines: t.io.out.join('\n').split('\n') };
};

describe('cli progress', () => {
  it.each([
    [
      'text',
      [],
      [
        'task\tstate\tdue\tlast update',
        '1\tHoàn thành đúng hạn\t2026-05-10\tLan 10:00 08/05/2026',
        '2\tChưa có báo cáo\tThường xuyên\t-',
        '3\tVướng mắc: thiếu số liệu\t2026-12-31\tLan 10:00 25/05/2026',
        '4\tĐang thực hiện 60%\t2026-06-30\tLan 10:00 20/05/2026',
      ],
      '8\tChưa có báo cáo\t2026-12-31\t-',
    ],
    [
      "CSV with the chat's words and Hanoi times, quoting notes with commas and quotes,",
      ['--format', 'csv'],
      [
        '\uFEFFplan,task,period,state_code,state,status,percent,due,days_late,days_left,last_update,by,note',
        'nhi-chieu,1,,done_on_time,Hoàn thành đúng hạn,Hoàn thành,100,2026-05-10,,,10:00 08/05/2026,Lan,Đã ban hành Kế hoạch 12/KH-UBND',
        'nhi-chieu,2,,no_report,Chưa có báo cáo,,,,,,,,',
        'nhi-chieu,3,2026,blocked,Vướng mắc: thiếu số liệu,Vướng mắc,,2026-12-31,,213,10:00 25/05/2026,Lan,thiếu số liệu',
        'nhi-chieu,4,,in_progress,Đang thực hiện 60%,Đang thực hiện,60,2026-06-30,,29,10:00 20/05/2026,Lan,"đã dự thảo, chờ ""ý kiến"" lãnh đạo"',
      ],
      'nhi-chieu,8,,no_report,Chưa có báo cáo,,,2026-12-31,,213,,,',
    ],
  ])('prints the state of every task as %s from the updates made by --today', async (_, format, head, task8) => {
    const { code, lines } = await progress('--plan', 'nhi-chieu', ...format, '--today', '2026-06-01');
    expect(code).toBe(0);
    expect(lines.slice(0, head.length)).toEqual(head);
    // Task 8 was reported by mistake and reverted.
    expect(lines[8]).toBe(task8);
    // Then the 35 duties of the body, under their section references.
    expect(lines).toHaveLength(1 + 19 + 35);
    expect(lines[20]).toMatch(format.length === 0 ? /^II\.1\.a\tChưa có báo cáo\t/ : /^nhi-chieu,II\.1\.a,,no_report,/);
    expect(t.io.err).toEqual([]);
  });

  it('reads the days late and left against --today', async () => {
    expect((await progress('--plan', 'nhi-chieu', '--today', '2026-06-25')).lines[4]).toBe(
      '4\tĐang thực hiện 60% · sắp đến hạn, còn 5 ngày\t2026-06-30\tLan 10:00 20/05/2026',
    );
    t.io.out.length = 0;
    expect((await progress('--plan', 'nhi-chieu', '--today', '2026-07-01')).lines[4]).toBe(
      '4\tQuá hạn 1 ngày (Đang thực hiện 60%)\t2026-06-30\tLan 10:00 20/05/2026',
    );
    t.io.out.length = 0;
    expect((await progress('--plan', 'nhi-chieu', '--today', '2026-07-15')).lines[4]).toBe(
      '4\tHoàn thành trễ 2 ngày\t2026-06-30\tLan 10:00 02/07/2026',
    );
  });

  it('prints a plan without updates with no status and no last update on any task', async () => {
    const { code, lines } = await progress('--plan', 'hue', '--format', 'csv', '--today', '2026-06-01');
    expect(code).toBe(0);
    // 12 appendix tasks, then 34 body duties.
    expect(lines).toHaveLength(1 + 12 + 34);
    const cells = lines.slice(1).map((l) => l.split(','));
    expect(cells.map((c) => [c[0], c[5], c[10], c[11]])).toEqual(Array(46).fill(['hue', '', '', '']));
    expect(cells.slice(0, 12).map((c) => c[3])).toEqual(['overdue', ...Array(11).fill('no_report')]);
    // IV.1.a is due "trong tháng 5 năm 2026".
    expect(cells.filter((c) => c[3] === 'overdue').map((c) => c[1])).toEqual(['1', 'IV.1.a']);
  });

  it.each([
    [['--plan', 'ha-noi'], 'progress: unknown plan "ha-noi"; plans: dai-son, hue, nhi-chieu'],
    [[], `progress: --plan is required\n${USAGE}`],
    [['--plan', 'hue', '--format', 'xlsx'], `progress: --format must be text or csv, got 'xlsx'\n${USAGE}`],
    [
      ['--plan', 'hue', '--today', '01/06/2026'],
      `progress: --today must be a day as YYYY-MM-DD, got '01/06/2026'\n${USAGE}`,
    ],
    [
      ['--plan', 'hue', '--today', '2026-13-01'],
      `progress: --today must be a day as YYYY-MM-DD, got '2026-13-01'\n${USAGE}`,
    ],
    [
      ['--plan', 'hue', '--today', '2026-02-30'],
      `progress: --today must be a day as YYYY-MM-DD, got '2026-02-30'\n${USAGE}`,
    ],
    [['--plan', 'hue', '--csv'], `progress: Unknown option '--csv'\n${USAGE}`],
  ])('refuses %j with a clear message', async (args, message) => {
    const { code } = await progress(...args);
    expect(code).toBe(1);
    expect(t.io.err).toEqual([message]);
    expect(t.io.out).toEqual([]);
  });

  it('writes notes and names a spreadsheet would run as formulas as plain text', async () => {
    const store = t.db.open();
    await seedUser(store, { key: 'tg:9', name: '@SUM(1+1)', plan: 'hue', unit: 'Sở Nội vụ' }).append({
      plan: 'hue',
      task: '2',
      status: 'in_progress',
      note: '=HYPERLINK("http://x.example","Xem")',
      createdAt: new Date('2026-05-08T03:00:00Z'),
    });
    store.close();
    const { lines } = await progress('--plan', 'hue', '--format', 'csv', '--today', '2026-06-01');
    const row = lines.find((l) => l.startsWith('hue,2,'))!;
    expect(row.endsWith(`,'@SUM(1+1),"'=HYPERLINK(""http://x.example"",""Xem"")"`)).toBe(true);
  });

  it('refuses a database that is not there instead of creating an empty one', async () => {
    const path = join(t.db.dir, 'typo.db');
    expect(await run(['--plan', 'hue', '--db', path])).toBe(1);
    expect(t.io.err).toEqual([`progress: no database at ${path} (set DATABASE_PATH or --db)`]);
    expect(existsSync(path)).toBe(false);
  });
});
