import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../src/ingest/index.js';
import { knowledgeFolder, realPlan } from '../support/plan-variants.js';

describe('readPlanFile', () => {
  it('reads one plan file, its id the file stem unless one is given', async () => {
    const dir = knowledgeFolder({ 'KH-158.md': realPlan('nhi-chieu') });
    const byStem = await readPlanFile(`${dir}/KH-158.md`);
    expect([byStem.plan?.id, byStem.plan?.tasks.length, byStem.warnings]).toEqual(['KH-158', 19, []]);
    const byId = await readPlanFile(`${dir}/KH-158.md`, { id: 'nhi-chieu' });
    expect(byId.plan?.id).toBe('nhi-chieu');
  });

  it('gives no plan and a warning naming a file that does not exist', async () => {
    const { plan, warnings } = await readPlanFile('/nonexistent/kh.md');
    expect(plan).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: '/nonexistent/kh.md', line: 0 });
    expect(warnings[0]!.message).toMatch(/^could not read: ENOENT/);
  });
});
