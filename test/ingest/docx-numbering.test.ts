import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../src/ingest/index.js';
import { trackedItems } from '../../src/knowledge/tracked-items.js';

// A plan whose markers are all Word's automatic numbering ("I.", "1.", "a)", "-" in numbering.xml, none typed),
// with unnumbered paragraphs between numbered ones; built by scripts/build-format-fixtures.ts (set "numbering").
const FILE = 'test/ingest/fixtures/numbering/an-binh.docx';

describe('a .docx numbered by Word', () => {
  it('reads its section tree from the numbering by level and format', async () => {
    const { plan, warnings } = await readPlanFile(FILE);
    expect(warnings).toEqual([]);
    expect(plan?.meta.number).toBe('12/KH-UBND');
    expect(plan?.sections.map((s) => s.path)).toEqual([
      'I',
      'I.1',
      'I.2',
      'II',
      'II.1',
      'II.2',
      'III',
      'IV',
      'IV.1',
      'IV.2',
      'IV.2.a',
      'IV.2.b',
      'IV.2.c',
      'IV.3',
      'IV.3.1',
      'IV.3.2',
    ]);
    expect(plan?.sections.find((s) => s.path === 'IV')?.title).toMatch(/^TỔ CHỨC THỰC HIỆN/u);
  });

  it('tracks the duties it assigns under their section paths, with agency and deadline', async () => {
    const { plan } = await readPlanFile(FILE);
    const items = trackedItems(plan!).map((t) => [t.no, t.lead.map((a) => a.name).join(', '), t.deadline.due]);
    expect(items).toEqual([
      ['IV.1', 'Văn phòng UBND', '2026-12-15'],
      ['IV.2.a', 'Sở Nội vụ', '2026-06-30'],
      ['IV.2.b', 'Sở Khoa học và Công nghệ', '2026-09-30'],
      ['IV.2.c', 'Sở Tài chính', '2026-10-31'],
      ['IV.3.1', 'UBND các xã, phường', '2026-07-31'],
      ['IV.3.2', 'UBND các xã, phường', '2026-12-10'],
    ]);
    expect(trackedItems(plan!).find((t) => t.no === 'IV.2.a')?.content).toMatch(/^Sở Nội vụ: chủ trì rà soát/u);
  });
});
