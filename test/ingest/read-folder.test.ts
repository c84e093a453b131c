import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/ingest/index.js';
import { knowledgeFolder, realPlan } from '../support/plan-variants.js';

describe('loadKnowledge', () => {
  it('reads the good plans of a folder and only warns about broken files', async () => {
    const dir = knowledgeFolder({
      'hue.md': realPlan('hue'),
      'junk.md': Buffer.from([0, 1, 2, 255, 254, 0, 7, 8, 0, 0, 3]),
      'empty.txt': '',
      'notes.pdf': 'not a plan',
    });
    const { plans, warnings } = await loadKnowledge(dir);
    expect(plans.map((p) => p.id)).toEqual(['hue']);
    expect(warnings).toEqual([
      { file: `${dir}/empty.txt`, line: 0, message: 'file is empty', code: 'empty' },
      { file: `${dir}/junk.md`, line: 0, message: 'file is not UTF-8 text; skipped', code: 'not_text' },
      {
        file: `${dir}/notes.pdf`,
        line: 0,
        message: 'not a PDF file (it does not begin as one); export the plan again as PDF, or send the .docx',
        code: 'not_pdf',
      },
    ]);
  });

  it('leaves README files out and warns about a file with nothing of a plan', async () => {
    const dir = knowledgeFolder({ 'README.md': '# Plans', 'notes.md': 'Ghi chú linh tinh.' });
    const { plans, warnings } = await loadKnowledge(dir);
    expect(plans.map((p) => p.id)).toEqual(['notes']);
    expect(warnings).toEqual([
      {
        file: `${dir}/notes.md`,
        line: 0,
        message: 'no task table and no numbered sections found',
        code: 'nothing_found',
      },
    ]);
  });

  it('reads a plan saved as UTF-16 with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(realPlan('hue'), 'utf16le')]);
    const { plans, warnings } = await loadKnowledge(knowledgeFolder({ 'hue.txt': bytes }));
    expect(plans[0]!.tasks).toHaveLength(12);
    expect(warnings).toEqual([]);
  });

  it('reads a plan saved as UTF-16 big-endian with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(realPlan('hue'), 'utf16le').swap16()]);
    const { plans, warnings } = await loadKnowledge(knowledgeFolder({ 'hue.txt': bytes }));
    const utf8 = await loadKnowledge(knowledgeFolder({ 'hue.txt': realPlan('hue') }));
    expect(plans[0]!.tasks).toHaveLength(12);
    expect(plans[0]!.tasks).toEqual(utf8.plans[0]!.tasks);
    expect(plans[0]!.meta).toEqual(utf8.plans[0]!.meta);
    expect(warnings).toEqual([]);
  });

  it('reads a plan with a few invalid bytes and warns on which lines they were replaced', async () => {
    const text = realPlan('hue');
    const at = text.indexOf('\n', text.indexOf('\n') + 1) + 1; // the start of line 3
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, at), 'utf8'),
      Buffer.from([0xc3, 0x28]), // not UTF-8
      Buffer.from(text.slice(at), 'utf8'),
    ]);
    const dir = knowledgeFolder({ 'hue.md': bytes });
    const { plans, warnings } = await loadKnowledge(dir);
    expect(plans[0]!.tasks).toHaveLength(12);
    expect(warnings).toEqual([
      {
        file: `${dir}/hue.md`,
        line: 0,
        message: 'some bytes are not valid text and were replaced (line 3); check those lines against the original',
        code: 'bytes_replaced',
        subject: '3',
      },
    ]);
  });

  it('reads a .txt plan like a .md one, its id the file stem', async () => {
    const { plans } = await loadKnowledge(knowledgeFolder({ 'bac-ninh.txt': realPlan('dai-son') }));
    expect(plans.map((p) => [p.id, p.tasks.length])).toEqual([['bac-ninh', 12]]);
  });

  it('warns when the folder does not exist', async () => {
    const { plans, warnings } = await loadKnowledge('/nonexistent/plans');
    expect(plans).toEqual([]);
    expect(warnings[0]).toMatchObject({ file: '/nonexistent/plans', line: 0 });
  });

  it('tells what to do with an old Word file and with a file of an unknown type', async () => {
    const dir = knowledgeFolder({ 'kh-12.doc': 'binary', 'photo.jpg': 'binary' });
    const { plans, warnings } = await loadKnowledge(dir);
    expect(plans).toEqual([]);
    expect(warnings).toEqual([
      {
        file: `${dir}/kh-12.doc`,
        line: 0,
        message: 'old Word format (.doc) is not read; open it in Word or LibreOffice and save it as .docx or PDF',
        code: 'old_word',
      },
      {
        file: `${dir}/photo.jpg`,
        line: 0,
        message: "files of type '.jpg' are not read; save the plan as .docx or PDF",
        code: 'unknown_type',
        subject: '.jpg',
      },
    ]);
  });

  it('reads one plan of two files with the same name, and says which one was left out', async () => {
    const dir = knowledgeFolder({ 'hue.md': realPlan('hue'), 'hue.txt': realPlan('hue') });
    const { plans, warnings } = await loadKnowledge(dir);
    expect(plans.map((p) => [p.id, p.file])).toEqual([['hue', `${dir}/hue.md`]]);
    expect(warnings).toEqual([
      {
        file: `${dir}/hue.txt`,
        line: 0,
        message: 'same name as hue.md; only hue.md is read (one plan per name: rename or remove one)',
        code: 'same_name',
        subject: 'hue.md',
      },
    ]);
  });
});
