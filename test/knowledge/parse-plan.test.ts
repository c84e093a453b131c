import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/ingest/index.js';
import { parsePlan, type Plan } from '../../src/knowledge/index.js';

const { plans } = await loadKnowledge('knowledge');
const plan = (id: string) => plans.find((p) => p.id === id)!;
const names = (refs: ReadonlyArray<{ name: string }>) => refs.map((r) => r.name);

describe('parsePlan: metadata', () => {
  it.each([
    ['dai-son', null, null, { level: 'xã', name: 'Đại Sơn' }, 'Ủy ban nhân dân xã Đại Sơn'],
    ['nhi-chieu', '158/KH-UBND', '2026-05-05', { level: 'phường', name: 'Nhị Chiểu' }, 'Ủy ban nhân dân phường Nhị Chiểu'],
    ['hue', '263/KH-UBND', '2026-05-08', { level: 'thành phố', name: 'Huế' }, 'Ủy ban nhân dân thành phố Huế'],
  ])('%s: number %j, date %j, locality, issuer', (id, number, date, locality, issuer) => {
    expect(plan(id).meta).toMatchObject({ number, date, locality, issuer });
  });

  it.each([
    ['dai-son', { name: 'Đào Văn Soái', capacity: 'CHỦ TỊCH', onBehalf: 'TM. ỦY BAN NHÂN DÂN' }],
    ['nhi-chieu', { name: 'Lãnh Duy Tiên', capacity: 'CHỦ TỊCH', onBehalf: 'TM. ỦY BAN NHÂN DÂN' }],
    ['hue', { name: 'Nguyễn Văn Mạnh', capacity: 'PHÓ CHỦ TỊCH', onBehalf: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH' }],
  ])('%s: signer', (id, signer) => {
    expect(plan(id).meta.signer).toEqual(signer);
  });

  it('reads the title under the KẾ HOẠCH heading', () => {
    expect(plan('hue').meta.title).toBe(
      'Thực hiện Kết luận số 226-KL/TW ngày 11 tháng 12 năm 2025 của Ban Bí thư về việc chấn chỉnh lề lối làm việc, nâng cao hiệu quả hoạt động của hệ thống chính trị',
    );
  });

  it('lists every cited legal document once, with its date where any mention gives it', () => {
    const basis = plan('dai-son').meta.basis.map((b) => [b.kind, b.number, b.date]);
    expect(basis).toEqual([
      ['Kết luận', '226-KL/TW', '2025-12-11'],
      ['Quyết định', '534/QĐ-TTg', '2026-03-31'],
      ['Kế hoạch', '144/KH-UBND', null],
      ['Quy định', '178-QĐ/TW', '2024-06-27'],
      ['Nghị quyết', '110/2023/QH15', '2023-11-29'],
      ['Nghị quyết', '126/NQ-CP', '2023-08-14'],
      ['Nghị định', '09/2019/NĐ-CP', null],
      ['Thông tư', '05/2025/TT-VPCP', null],
    ]);
    expect(plan('nhi-chieu').meta.basis.find((b) => b.number === '144/KH-UBND')).toEqual({
      kind: 'Kế hoạch', number: '144/KH-UBND', date: '2026-04-21',
      text: 'Kế hoạch số 144/KH-UBND ngày 21/4/2026 của Ủy ban nhân dân thành phố Hải Phòng',
    });
  });

  it('leaves the plan itself out of its basis', () => {
    expect(plan('hue').meta.basis.map((b) => b.number)).toEqual(['226-KL/TW', '534/QĐ-TTg', '09/2019/NĐ-CP', '42/2022/NĐ-CP']);
  });

  it('reads the recipients without the archive line', () => {
    expect(plan('nhi-chieu').meta.recipients).toEqual([
      'Sở Nội vụ', 'TT Đảng ủy; HĐND phường', 'Chủ tịch và các PCT UBND phường', 'Các đơn vị trực thuộc UBND phường', 'Cơ quan UBMTTQVN phường',
    ]);
  });

  it('reads a province from an upper-case issuer header', () => {
    const text = 'ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n\nSố: 12/KH-UBND\n\nBắc Ninh, ngày 3 tháng 6 năm 2026\n\nKẾ HOẠCH\n\nThực hiện Kết luận số 226-KL/TW\n';
    expect(parsePlan('bac-ninh', 'bac-ninh.md', text).plan.meta).toMatchObject({
      number: '12/KH-UBND', date: '2026-06-03', issuer: 'Ủy ban nhân dân tỉnh Bắc Ninh', locality: { level: 'tỉnh', name: 'Bắc Ninh' },
    });
  });
});

describe('parsePlan: sections', () => {
  const section = (p: Plan, path: string) => p.sections.find((s) => s.path === path);

  it('gives stable paths to Roman, number, letter and bullet items, marked with ## or ** or not', () => {
    expect(section(plan('hue'), 'II.4.b.2')).toMatchObject({ kind: 'bullet', parent: 'II.4.b', line: 69 });
    expect(section(plan('hue'), 'II.4.b')).toMatchObject({ kind: 'letter', title: 'Các sở, ban, ngành và UBND các xã, phường' });
    expect(section(plan('nhi-chieu'), 'II.3.b')).toMatchObject({ kind: 'letter', title: 'Văn phòng HĐND và UBND' });
    expect(section(plan('dai-son'), 'IV')).toMatchObject({ kind: 'roman', title: 'TỔ CHỨC THỰC HIỆN', parent: null });
    expect(plan('dai-son').sections.filter((s) => s.kind === 'roman').map((s) => s.path)).toEqual(['I', 'II', 'III', 'IV']);
  });

  it('joins text cut by a page break', () => {
    expect(section(plan('dai-son'), 'II.5.4')!.text).toContain('cán bộ, công chức, viên chức thuộc quyền quản lý');
    expect(section(plan('nhi-chieu'), 'II.6.a')!.text).toContain('các đơn vị sự nghiệp công lập thuộc phường');
  });
});

describe('parsePlan: body duties', () => {
  const duty = (p: Plan, path: string) => p.duties.find((d) => d.section === path);

  it('reads an agency heading and gives it the bullets below', () => {
    expect(duty(plan('dai-son'), 'IV.1.2')).toMatchObject({ agencyRaw: 'Phòng Văn hóa- Xã hội', agency: [{ name: 'Phòng Văn hóa - Xã hội' }] });
    expect(names(duty(plan('hue'), 'II.3.b')!.agency)).toEqual(['Sở Tư pháp']);
    expect(names(duty(plan('nhi-chieu'), 'II.4.b.1')!.agency)).toEqual(['Văn phòng HĐND và UBND']);
  });

  it('reads a numbered paragraph that opens with an agency', () => {
    expect(duty(plan('dai-son'), 'IV.2')).toMatchObject({ agencyRaw: 'Văn phòng HĐND&UBND xã', agency: [{ name: 'Văn phòng HĐND và UBND' }] });
    expect(names(duty(plan('dai-son'), 'IV.3')!.agency)).toEqual(['Trung tâm Dịch vụ sự nghiệp công']);
  });

  it('reads holders such as "Người đứng đầu ..." and "Thủ trưởng ...; Chủ tịch ..." as their agencies', () => {
    expect(names(duty(plan('hue'), 'II.6.c.1')!.agency)).toEqual(['Các sở, ban, ngành, địa phương']);
    expect(names(duty(plan('hue'), 'IV.1.b')!.agency)).toEqual(['Các sở, ban, ngành', 'UBND các xã, phường']);
  });

  it('reads a deadline inside the duty text', () => {
    expect(duty(plan('hue'), 'IV.1.a')!.deadline).toEqual({
      raw: 'hoàn thành trong tháng 5 năm 2026', kind: 'month', start: '2026-05-01', due: '2026-05-31', fromYear: null,
    });
  });

  it('reads a paragraph straight under a Roman heading that opens with an agency', () => {
    expect(duty(plan('dai-son'), 'III')).toMatchObject({ agencyRaw: 'UBND xã', agency: [{ name: 'UBND xã' }] });
  });

  it('assigns no duty to sections without an agency', () => {
    expect(plan('dai-son').duties.filter((d) => d.section.startsWith('I.'))).toEqual([]);
  });
});

describe('parsePlan: targets', () => {
  const figures = (p: Plan) => [...new Set(p.targets.map((t) => `${t.subject} ${t.comparator} ${t.percent}`))].sort();

  it.each([
    ['dai-son', ['conference_reduction reduce 10', 'digital_procedures min 95', 'document_reduction reduce 15', 'electronic_documents exact 100']],
    ['nhi-chieu', ['conference_reduction reduce 10', 'digital_procedures min 95', 'document_reduction reduce 15', 'electronic_documents exact 100', 'online_conferences min 60']],
    ['hue', ['conference_reduction reduce 10', 'digital_procedures min 95', 'digital_skills_training exact 100', 'document_reduction reduce 15', 'electronic_documents exact 100', 'online_conferences min 60']],
  ])('%s: the figures read', (id, expected) => {
    expect(figures(plan(id))).toEqual(expected);
  });

  it('keeps the phrase, sentence and place of each figure', () => {
    const online = plan('hue').targets.find((t) => t.subject === 'online_conferences' && t.section === 'II.4.b.1');
    expect(online).toMatchObject({ percent: 60, comparator: 'min', phrase: 'tỷ lệ họp trực tuyến đạt tối thiểu 60%', task: null });
    const fromTask = plan('nhi-chieu').targets.find((t) => t.task === '6' && t.subject === 'online_conferences');
    expect(fromTask).toMatchObject({ percent: 60, section: null, line: plan('nhi-chieu').tasks[5]!.line });
  });
});

describe('parsePlan: meeting rules and reporting', () => {
  it.each([
    ['dai-son', [['Hội nghị quán triệt', 0.5, '1/2 ngày'], ['Hội nghị chuyên môn', 1, '01 ngày']]],
    ['hue', [['Hội nghị quán triệt', 0.5, '1/2 ngày'], ['Hội nghị chuyên môn', 1, '1 ngày'], ['Hội nghị quan trọng cần thảo luận', 1.5, '1,5 ngày']]],
  ])('%s: meeting rules', (id, expected) => {
    expect(plan(id).meetingRules.map((r) => [r.meeting, r.maxDays, r.raw])).toEqual(expected);
  });

  it.each([
    ['dai-son', [['6 tháng', 'half', 5, 6], ['hằng năm', 'year', 5, 12]], ['Phòng Văn hóa - Xã hội'], 'Sở Nội vụ'],
    ['nhi-chieu', [['6 tháng', 'half', 10, 6], ['hằng năm', 'year', 10, 12]], ['Phòng Văn hóa - Xã hội'], 'Ủy ban nhân dân thành phố'],
    ['hue', [['quý I', 'quarter', 10, 3], ['6 tháng', 'half', 10, 6], ['9 tháng', 'nine_months', 10, 9], ['hằng năm', 'year', 10, 12]], ['Các sở, ban, ngành', 'UBND các xã, phường'], 'Sở Nội vụ'],
  ])('%s: reporting dates, compiler and recipient', (id, dates, compiler, recipient) => {
    const reporting = plan(id).reporting;
    expect(reporting.map((r) => [r.period, r.periodKind, r.day, r.month])).toEqual(dates);
    for (const r of reporting) expect([names(r.compiler), r.recipient]).toEqual([compiler, recipient]);
  });
});

describe('parsePlan: agencies', () => {
  it('lists each canonical agency of the plan once', () => {
    const agencies = plan('nhi-chieu').agencies;
    expect(agencies).toContain('Phòng Văn hóa - Xã hội');
    expect(agencies).toContain('Văn phòng HĐND và UBND');
    expect(agencies.filter((a) => /VH|Văn hóa/u.test(a))).toEqual(['Phòng Văn hóa - Xã hội']);
  });
});

describe('parsePlan: the closing paragraph', () => {
  it.each(['dai-son', 'nhi-chieu', 'hue'])('%s: the closing paragraph ("./.") and the appendix note belong to no section or duty', (id) => {
    const p = plan(id);
    expect(p.sections.filter((s) => s.text.includes('./.') || /kèm theo\)/u.test(s.text))).toEqual([]);
    expect(p.duties.filter((d) => d.text.includes('./.'))).toEqual([]);
  });

  it('keeps reading sections after an appendix note in the middle of the body', () => {
    const text = ['KẾ HOẠCH', 'I. NHIỆM VỤ', '1. Phòng Văn hóa - Xã hội:', '- Xây dựng kế hoạch.', '(Có Phụ lục kèm theo)', '2. Văn phòng:', '- Tổng hợp báo cáo.', 'Trên đây là Kế hoạch của UBND xã./.'].join('\n');
    const { plan: p } = parsePlan('x', 'x.md', text);
    expect(p.sections.map((s) => [s.path, s.text])).toEqual([
      ['I', ''],
      ['I.1', ''],
      ['I.1.1', 'Xây dựng kế hoạch.'],
      ['I.2', ''],
      ['I.2.1', 'Tổng hợp báo cáo.'],
    ]);
  });
});
