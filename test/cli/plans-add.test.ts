import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/commands/plans.js';
import { PLAN_FILE_EXTENSIONS } from '../../src/ingest/index.js';
import { captureConsole, type CliOutput } from '../support/cli-run.js';
import { createPgTestDb, PG_ABSENT, pgReachable, type PgTestDb } from '../support/pg-db.js';
import { knowledgeFolder, realPlan } from '../support/plan-variants.js';

let io: CliOutput;
let dir: string;
let source: string;
beforeEach(() => {
  io = captureConsole();
  dir = knowledgeFolder({ 'hue.md': realPlan('hue') });
  source = mkdtempSync(join(tmpdir(), 'source-'));
});
afterEach(() => vi.restoreAllMocks());

/** Writes a file to add, outside the plans folder. */
const sourceFile = (name: string, text: string) => {
  writeFileSync(join(source, name), text);
  return join(source, name);
};

describe('cli plans add', () => {
  it('prints what was read, then stores the file under its id in the plans folder', async () => {
    const file = sourceFile('KH 158 Nhị Chiểu.md', realPlan('nhi-chieu'));
    expect(await run(['add', file, '--knowledge', dir])).toBe(0);
    expect(io.out[0]!.split('\n').slice(0, 9)).toEqual([
      'Đã đọc tệp «KH 158 Nhị Chiểu.md» (mã kế hoạch: kh-158-nhi-chieu):',
      '• Số: 158/KH-UBND',
      '• Địa phương: phường Nhị Chiểu',
      '• Ngày ban hành: 05/05/2026',
      '• Người ký: CHỦ TỊCH Lãnh Duy Tiên',
      '• 19 nhiệm vụ trong phụ lục, 35 nhiệm vụ giao trong văn bản, 13 chỉ tiêu',
      'Các nhiệm vụ đầu:',
      '1. Xây dựng, ban hành kế hoạch của UBND phường đảm bảo thực hiện các… — Chủ trì: Phòng Văn hóa - Xã hội · Hạn: Trước 10/5/2026',
      '2. Rà soát cắt giảm, đơn giản hóa thủ tục hành chính trong quá trình tham… — Chủ trì: Văn phòng HĐND và UBND, Trung tâm Phục vụ hành chính công · Hạn: Thường xuyên',
    ]);
    expect(io.out[0]).toMatch(/\nKhông có cảnh báo khi đọc\.$/);
    expect(io.out[1]).toBe(`stored as ${join(dir, 'kh-158-nhi-chieu.md')}`);
    expect(readFileSync(join(dir, 'kh-158-nhi-chieu.md'), 'utf8')).toBe(realPlan('nhi-chieu'));
    expect(io.err).toEqual([]);
  });

  it('prints every warning and takes --id', async () => {
    const file = sourceFile('hue-sua.md', realPlan('hue').replace('\tTháng 5/2026', '\tsớm'));
    expect(await run(['add', file, '--id', 'hue-2', '--knowledge', dir])).toBe(0);
    expect(io.out[0]).toMatch(
      /\nCảnh báo khi đọc \(1\):\n• hue-sua\.md \(dòng \d+\): nhiệm vụ 1: không hiểu thời hạn «sớm»$/,
    );
    expect(existsSync(join(dir, 'hue-2.md'))).toBe(true);
  });

  it('refuses to replace a plan already there unless told to', async () => {
    const file = sourceFile('hue.md', realPlan('hue').replace('Tháng 5/2026', 'Tháng 6/2026'));
    expect(await run(['add', file, '--knowledge', dir])).toBe(1);
    expect(io.out[0]).toMatch(/\nLưu ý: đã có kế hoạch mã hue; lưu tệp này sẽ thay bằng bản mới\.$/);
    expect(io.err).toEqual([
      `plans add: plan "hue" is in ${dir} already; add --replace to store this as its new version`,
    ]);
    expect(readFileSync(join(dir, 'hue.md'), 'utf8')).toBe(realPlan('hue'));

    expect(await run(['add', file, '--knowledge', dir, '--replace'])).toBe(0);
    expect(readFileSync(join(dir, 'hue.md'), 'utf8')).toContain('Tháng 6/2026');
  });

  it('does not store a file that gives no plan, and says why', async () => {
    const before = readdirSync(dir);
    expect(await run(['add', sourceFile('trong.md', '   \n'), '--knowledge', dir])).toBe(1);
    expect(io.err).toEqual([
      'Không đọc được kế hoạch từ tệp «trong.md», nên tệp không được lưu. Lý do:\n• trong.md: tệp trống',
    ]);
    expect(
      await run(['add', sourceFile('ghi-chu.txt', 'Chỉ là một ghi chú, không có nhiệm vụ nào.'), '--knowledge', dir]),
    ).toBe(1);
    expect(io.err[1]).toMatch(
      /^Không đọc được kế hoạch từ tệp «ghi-chu\.txt», nên tệp không được lưu\. Lý do:\n• ghi-chu\.txt: /,
    );
    expect(await run(['add', sourceFile('ke-hoach.doc', 'x'), '--knowledge', dir])).toBe(1);
    expect(io.err[2]).toBe(
      `Tệp «ke-hoach.doc» không phải loại tệp kế hoạch tôi đọc được. Hãy gửi tệp ${PLAN_FILE_EXTENSIONS.join(', ')}. Tệp Word cũ (.doc): mở bằng Word, lưu lại thành .docx hoặc PDF rồi gửi lại.`,
    );
    expect(readdirSync(dir)).toEqual(before);
  });

  it('refuses an id that is not a slug, and a missing file', async () => {
    expect(await run(['add', sourceFile('a.md', realPlan('hue')), '--id', '../hue', '--knowledge', dir])).toBe(1);
    expect(io.err[0]).toBe(
      'plans add: --id must be lower-case letters, digits and dashes (like "nhi-chieu"), not "../hue"',
    );
    expect(await run(['add', join(source, 'none.md'), '--knowledge', dir])).toBe(1);
    expect(io.err[1]).toMatch(/^plans add: cannot read .*none\.md: ENOENT/);
  });
});

describe.skipIf(!pgReachable)(`cli plans add with DATABASE_URL${pgReachable ? '' : ` ${PG_ABSENT}`}`, () => {
  let pg: PgTestDb;
  beforeAll(async () => {
    pg = await createPgTestDb();
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await pg.reset();
  });
  afterAll(() => pg.drop());

  it('writes the stored file to the shared database too, and the plan file it replaces as removed', async () => {
    vi.stubEnv('DATABASE_URL', pg.url);
    expect(await run(['add', sourceFile('hue.txt', realPlan('hue')), '--replace', '--knowledge', dir])).toBe(0);
    expect(readdirSync(dir)).toEqual(['hue.txt']);
    const file = sourceFile('hue.md', realPlan('hue').replace('Tháng 5/2026', 'Tháng 6/2026'));
    expect(await run(['add', file, '--replace', '--knowledge', dir])).toBe(0);
    expect(readdirSync(dir)).toEqual(['hue.md']);
    const sha = createHash('sha256')
      .update(readFileSync(join(dir, 'hue.md')))
      .digest('hex');
    expect(await pg.rows('plan_files')).toMatchObject([
      { name: 'hue.md', sha256: sha, content: readFileSync(join(dir, 'hue.md')) },
      { name: 'hue.txt', sha256: null, content: null },
    ]);
    expect(io.err).toEqual([]);
  });

  it('stores nothing when the shared database cannot be opened', async () => {
    vi.stubEnv('DATABASE_URL', pg.url.replace(/\/[^/]*$/, '/no_such_database'));
    const file = sourceFile('nhi-chieu.md', realPlan('nhi-chieu'));
    expect(await run(['add', file, '--knowledge', dir])).toBe(1);
    expect(readdirSync(dir)).toEqual(['hue.md']);
    expect(io.err[0]).toMatch(
      /^plans add: cannot open the database postgres:\/\/.*\/no_such_database: .*; nothing stored$/,
    );
  });
});
