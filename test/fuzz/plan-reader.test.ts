import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlan, planSchema, readWarningSchema, type Plan, type ReadWarning } from '../../src/knowledge/index.js';
import { loadKnowledge } from '../../src/ingest/index.js';
import { normalizeText } from '../../src/text/index.js';
import { fuzzParameters, hostileText } from '../support/fuzz.js';
import { realPlan } from '../support/plan-variants.js';

const PLANS = ['nhi-chieu', 'hue', 'dai-son'].map((id) => ({ id, lines: realPlan(id).split('\n') }));

/** Lines a plan reader meets in plans converted from Word or PDF, and some it should never meet. */
const odd = fc.oneof(
  hostileText,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    '\t\t\t',
    '# KẾ HOẠCH',
    '## II. NHIỆM VỤ',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'III.',
    '1.',
    'a)',
    '- ',
    '+ Phòng VHXH:',
    '<b>',
    '</b>',
    '<b>Nhiệm vụ</b>',
    '<table>',
    '<tr><td>1</td><td>Ban hành',
    '</td></tr></table>',
    'PHỤ LỤC',
    'Nơi nhận:',
    'TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm\tThời gian hoàn thành',
    '1\t\t\t\t\t',
    '99\tx\tPhòng VHXH;;;\t,,,\t\tQuý V/2026',
    'Trước 31/2/2026',
    'Tháng 13/2026',
    'đạt 150% trở lên; giảm -10%',
    'Hội nghị không quá 0 ngày',
    'trước ngày 99 tháng 99',
    'Số: /KH-UBND',
    'x'.repeat(20_000),
    'Nhiệm vụ '.repeat(3_000),
  ),
);

type LineEdit = { kind: 'delete' | 'duplicate' | 'swap' | 'insert' | 'inject'; at: number; to: number; text: string };
const edit: fc.Arbitrary<LineEdit> = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'swap', 'insert', 'inject'),
  at: fc.nat(),
  to: fc.nat(),
  text: odd,
});

function applyEdit(lines: string[], e: LineEdit): string[] {
  if (lines.length === 0) return e.kind === 'insert' ? [e.text] : lines;
  const out = [...lines];
  const i = e.at % out.length;
  const j = e.to % out.length;
  const line = out[i]!;
  if (e.kind === 'delete') out.splice(i, 1);
  else if (e.kind === 'duplicate') out.splice(j, 0, line);
  else if (e.kind === 'swap') [out[i], out[j]] = [out[j]!, line];
  else if (e.kind === 'insert') out.splice(i, 0, e.text);
  else out[i] = line.slice(0, e.to % (line.length + 1)) + e.text + line.slice(e.to % (line.length + 1));
  return out;
}

/** A real plan with a few random line edits, sometimes cut short at a random point. */
const mutatedPlan = fc
  .tuple(
    fc.constantFrom(...PLANS),
    fc.array(edit, { minLength: 1, maxLength: 8 }),
    fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  )
  .map(([plan, edits, cut]) => {
    const text = edits.reduce(applyEdit, plan.lines).join('\n');
    return { id: plan.id, text: cut === undefined ? text : text.slice(0, Math.floor(text.length * cut)) };
  });

/** The plan satisfies its schema, and every warning names the file and a line of it (CR, CRLF and LF end lines). */
function expectReadable(plan: Plan, warnings: ReadWarning[], file: string, text: string): void {
  const lineCount = normalizeText(text).split('\n').length;
  expect(planSchema.safeParse(plan).error).toBeUndefined();
  for (const w of warnings) {
    expect(readWarningSchema.safeParse(w).error).toBeUndefined();
    expect(w.file).toBe(file);
    expect(w.line).toBeLessThanOrEqual(lineCount);
  }
  for (const t of plan.tasks) expect(t.line).toBeLessThanOrEqual(lineCount);
}

describe('parsePlan on mutated real plans', () => {
  it('never throws, and what it reads satisfies the plan schema', () => {
    fc.assert(
      fc.property(mutatedPlan, ({ id, text }) => {
        const { plan, warnings } = parsePlan(id, `${id}.md`, text);
        expect(plan.id).toBe(id);
        expectReadable(plan, warnings, `${id}.md`, text);
      }),
      fuzzParameters(),
    );
  });

  it('never throws on short texts made of plan-like lines', () => {
    fc.assert(
      fc.property(fc.array(odd, { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const { plan, warnings } = parsePlan('x', 'x.md', text);
        expectReadable(plan, warnings, 'x.md', text);
      }),
      fuzzParameters(),
    );
  });
});

describe('loadKnowledge on a folder of damaged files', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const fileContent: fc.Arbitrary<Buffer> = fc.oneof(
    { arbitrary: mutatedPlan.map((p) => Buffer.from(p.text)), weight: 4 },
    mutatedPlan.map((p) => utf16(p.text)),
    fc.uint8Array({ maxLength: 4_000 }).map((b) => Buffer.from(b)),
    fc.constantFrom(
      Buffer.alloc(0),
      Buffer.from('   \n\n'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
      Buffer.alloc(10_000),
    ),
  );
  const folder = fc.array(
    fc.tuple(fc.constantFrom('a.md', 'b.txt', 'C.MD', 'README.md', 'notes.pdf', 'd.md'), fileContent),
    { minLength: 1, maxLength: 4 },
  );

  it('never throws: readable files become plans that satisfy the schema, the rest warnings', async () => {
    await fc.assert(
      fc.asyncProperty(folder, fc.boolean(), async (files, withSubfolder) => {
        const dir = mkdtempSync(join(tmpdir(), 'fuzz-plans-'));
        dirs.push(dir);
        for (const [name, content] of files) writeFileSync(join(dir, name), content);
        if (withSubfolder) mkdirSync(join(dir, 'e.md'));
        const { plans, warnings } = await loadKnowledge(dir);
        for (const plan of plans) expect(planSchema.safeParse(plan).error).toBeUndefined();
        for (const w of warnings) expect(readWarningSchema.safeParse(w).error).toBeUndefined();
        const planFiles = new Set(
          files.map(([name]) => name).filter((n) => /\.(md|txt)$/i.test(n) && !/^readme\./i.test(n)),
        );
        expect(plans.length).toBeLessThanOrEqual(planFiles.size);
        for (const name of planFiles) {
          const id = name.replace(/\.[^.]+$/, '');
          const read = plans.some((p) => p.id === id);
          expect(read || warnings.some((w) => w.file === join(dir, name))).toBe(true);
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      fuzzParameters(200),
    );
  });
});
