import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge, readPlanFile } from '../../src/ingest/index.js';
import { knowledgeFolder } from '../support/plan-variants.js';

const FIXTURES = 'test/ingest/fixtures/xlsx';
const BODY = readFileSync(`${FIXTURES}/nhi-chieu.docx`);
const APPENDIX = readFileSync(`${FIXTURES}/phu-luc-kh-158.xlsx`);
const withoutLines = <T extends { line: number }>(items: T[]) => items.map(({ line: _, ...rest }) => rest);

describe('loadKnowledge with an .xlsx appendix', () => {
  it('reads the appendix titled "Kèm theo Kế hoạch số 158/KH-UBND" as the tasks of plan 158 (merged header cells)', async () => {
    const { plans, warnings } = await loadKnowledge(FIXTURES);
    const text = (await loadKnowledge('knowledge')).plans.find((p) => p.id === 'nhi-chieu')!;
    expect(warnings).toEqual([]);
    expect(plans.map((p) => p.id)).toEqual(['nhi-chieu']);
    expect(withoutLines(plans[0]!.tasks)).toEqual(withoutLines(text.tasks));
  });

  it('gives an appendix without that title to the plan whose file name begins its own', async () => {
    const dir = knowledgeFolder({ 'kh-158.docx': BODY, 'kh-158-phu-luc.xlsx': APPENDIX });
    const { plans } = await loadKnowledge(dir);
    expect(plans.map((p) => [p.id, p.tasks.length])).toEqual([['kh-158', 19]]);
  });

  it('warns about an appendix that belongs to no plan of the folder', async () => {
    const dir = knowledgeFolder({ 'phu-luc.xlsx': APPENDIX });
    const { plans, warnings } = await loadKnowledge(dir);
    expect(plans).toEqual([]);
    expect(warnings).toEqual([
      {
        file: `${dir}/phu-luc.xlsx`,
        line: 0,
        message:
          'appendix of no plan in the folder: name it after its plan (e.g. KH-158-phu-luc.xlsx beside KH-158.pdf) or title it "Kèm theo Kế hoạch số …"',
        code: 'appendix_unmatched',
      },
    ]);
  });
});

describe('readPlanFile on an .xlsx appendix', () => {
  it('reads it with its plan when given, and says alone it is only an appendix', async () => {
    const dir = knowledgeFolder({ 'kh-158.docx': BODY, 'phu-luc.xlsx': APPENDIX });
    const both = await readPlanFile(`${dir}/kh-158.docx`, { appendices: [`${dir}/phu-luc.xlsx`] });
    expect(both.plan?.tasks).toHaveLength(19);
    const alone = await readPlanFile(`${dir}/phu-luc.xlsx`);
    expect(alone.plan).toBeUndefined();
    expect(alone.warnings[0]?.message).toMatch(/^an Excel file is read as the appendix of a plan/);
  });
});
