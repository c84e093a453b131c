import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src/ingest/index.js';
import { buildLocalityIndex } from '../../../src/search/question/localities.js';
import { readQuestion } from '../../../src/search/question/question.js';

const localities = buildLocalityIndex((await loadKnowledge('knowledge')).plans);
const read = (q: string, today = '2026-11-28') => readQuestion(q, today, localities);

describe('readQuestion: which plan', () => {
  it.each([
    ['Ai chủ trì nhiệm vụ 1 của xã Đại Sơn?', ['dai-son']],
    ['dai son nhiem vu 11 la gi', ['dai-son']],
    ['Nhị Chiểu: nhiệm vụ 7 hạn khi nào?', ['nhi-chieu']],
    ['nhi chieu ai chu tri nhiem vu 3', ['nhi-chieu']],
    ['phường Nhị Chiểu có bao nhiêu nhiệm vụ', ['nhi-chieu']],
    ['Quý này thành phố Huế có những nhiệm vụ nào đến hạn?', ['hue']],
    ['tp hue nhiem vu 2', ['hue']],
    ['So sánh Đại Sơn và Huế', ['dai-son', 'hue']],
    ['Hội nghị chuyên môn được họp tối đa bao lâu?', []],
    ['Kế hoạch 158 ai chủ trì nhiệm vụ 4?', ['nhi-chieu']],
    ['kh so 263/kh-ubnd nhiem vu 2', ['hue']],
  ])('%s → %j', (q, plans) => {
    expect(read(q).plans).toEqual(plans);
  });
});

describe('readQuestion: a plan whose locality was not read', () => {
  it('is found by the words of its file name', async () => {
    const [plan] = (await loadKnowledge('knowledge')).plans;
    const unnamed = { ...plan!, id: 'kh-12-tinh-bac-ninh', meta: { ...plan!.meta, locality: null } };
    const index = buildLocalityIndex([unnamed]);
    expect(readQuestion('Bắc Ninh: ai chủ trì nhiệm vụ 2?', '2026-11-28', index).plans).toEqual([
      'kh-12-tinh-bac-ninh',
    ]);
    expect(readQuestion('tinh bac ninh nhiem vu 2', '2026-11-28', index).plans).toEqual(['kh-12-tinh-bac-ninh']);
  });
});

describe('readQuestion: which task', () => {
  it.each([
    ['Ai chủ trì nhiệm vụ 4?', ['4']],
    ['nv 12 han khi nao', ['12']],
    ['nhiệm vụ số 3 và 5 do ai chủ trì', ['3', '5']],
    ['Nhiệm vụ thứ 7 là gì?', ['7']],
    ['nv7 dai son khi nao xong', ['7']],
    ['NV07 ai chủ trì', ['7']],
    ['việc cắt giảm 10% hội nghị do ai chủ trì', []],
    ['Kết luận 226 ban hành ngày nào', []],
    ['lang son nhiem vu III.2 han khi nao', ['III.2']],
    ['Nhiệm vụ 1.2 do ai chủ trì?', ['1.2']],
    ['nhiệm vụ 4, 5 do ai chủ trì', ['4', '5']],
    ['Ai chủ trì nhiệm vụ 1 nhóm II?', ['II.1']],
    ['nhiem vu so 2 thuoc nhom 3', ['III.2']],
    ['nhiệm vụ III.2 và IV.1', ['III.2', 'IV.1']],
    ['nhiệm vụ 4 trước 10.5 có xong không', ['4']],
  ])('%s → %j', (q, nos) => {
    expect(read(q).taskNos).toEqual(nos);
  });
});

describe('readQuestion: what is asked', () => {
  it.each([
    ['Ai chủ trì nhiệm vụ 1 của xã Đại Sơn?', 'lead'],
    ['ai chu tri nhiem vu 1 dai son', 'lead'],
    ['Huế: nhiệm vụ 2 phối hợp với cơ quan nào?', 'coordinators'],
    ['hue nhiem vu 2 phoi hop voi co quan nao', 'coordinators'],
    ['Sản phẩm của nhiệm vụ 13 ở Nhị Chiểu là gì?', 'product'],
    ['san pham nhiem vu 13 nhi chieu', 'product'],
    ['Nhiệm vụ 5 của Đại Sơn hạn khi nào?', 'deadline'],
    ['nhiem vu 5 dai son thoi han', 'deadline'],
    ['dai son nhiem vu 11 la gi', 'task'],
    ['Nhiệm vụ 4 của Đại Sơn đã quá hạn chưa?', 'status'],
    ['nhiem vu 4 dai son xong chua', 'status'],
    ['Việc nào đã quá hạn?', 'overdue'],
    ['nhung viec nao da qua han o hue', 'overdue'],
    ['Việc nào hết hạn trong tháng 6?', 'due_in_period'],
    ['Nhiệm vụ 4 của Đại Sơn còn bao nhiêu ngày?', 'status'],
    ['Quý này thành phố Huế có những nhiệm vụ nào đến hạn?', 'due_in_period'],
    ['thang nay nhi chieu phai hoan thanh viec gi', 'due_in_period'],
    ['Quý IV/2026 có việc gì phải làm?', 'due_in_period'],
    ['Phòng Văn hóa - Xã hội phường Nhị Chiểu chủ trì những nhiệm vụ nào?', 'agency_tasks'],
    ['phong vhxh phoi hop nhung viec gi', 'agency_tasks'],
    ['Phải tinh giản bao nhiêu phần trăm số lượng hội nghị mỗi năm?', 'targets'],
    ['ty le van ban dien tu phai dat bao nhieu', 'targets'],
    ['Hội nghị chuyên môn được họp tối đa bao lâu?', 'meeting_rules'],
    ['hoi nghi quan triet toi da bao lau', 'meeting_rules'],
    ['Báo cáo 6 tháng của phường Nhị Chiểu gửi trước ngày nào?', 'reporting'],
    ['bao cao hang nam dai son han khi nao', 'reporting'],
    ['Báo cáo quý I hạn khi nào?', 'reporting'],
    ['Kế hoạch căn cứ văn bản nào?', 'legal'],
    ['Nghị định 09/2019 quy định gì?', 'legal'],
    ['Kế hoạch 144 của UBND thành phố Hải Phòng ban hành ngày nào?', 'legal'],
    ['Ai ký Kế hoạch số 158/KH-UBND?', 'plan_meta'],
    ['phong dien ai lap kh hoi nghi nam 2027, han bao gio', 'task'],
    ['Chủ tịch UBND phường Nhị Chiểu là ai?', 'plan_meta'],
    ['Đại Sơn quý này có nv nào phải xong k ạ', 'due_in_period'],
    ['ai tong hop ty le ho so truc tuyen', 'passages'],
    ['việc tuyên truyền Kết luận 226 khi nào phải xong?', 'deadline'],
    ['Ai chủ trì tuyên truyền Kết luận 226?', 'lead'],
    ['nhiem vu 12 nhi chieu theo nghi dinh nao', 'legal'],
    ['Ai ký kế hoạch của phường Nhị Chiểu?', 'plan_meta'],
    ['ke hoach hue so hieu la gi', 'plan_meta'],
    ['Kinh phí thực hiện lấy từ đâu?', 'funding'],
    ['Ai chủ trì việc cắt giảm 10% hội nghị?', 'lead'],
    ['Nhiệm vụ 4 Đại Sơn ai làm, hạn bao giờ?', 'task'],
    ['xã Đại Sơn ban hành kế hoạch ngày nào?', 'plan_meta'],
    ['Đại Sơn có bao nhiêu nhiệm vụ?', 'agency_tasks'],
    ['Nhiệm vụ về chuyển đổi số của Huế', 'agency_tasks'],
    ['trợ lý ảo', 'passages'],
    ['Tỷ giá đô la hôm nay là bao nhiêu?', 'passages'],
  ])('%s → %s', (q, intent) => {
    expect(read(q).intent).toBe(intent);
  });

  it('reads which report and which field of the plan is asked', () => {
    expect(read('Báo cáo 9 tháng hạn khi nào?').reportKind).toBe('nine_months');
    expect(read('bao cao 6 thang gui truoc ngay nao').reportKind).toBe('half');
    expect(read('Báo cáo hằng năm gửi ai?').reportKind).toBe('year');
    expect(read('Ngày ban hành kế hoạch Huế?').metaFields).toEqual(['date']);
    expect(read('Ai ký kế hoạch?').metaFields).toEqual(['signer']);
    expect(read('Kế hoạch Huế số mấy, ban hành ngày nào?').metaFields).toEqual(['number', 'date']);
  });

  it('reads the role asked about', () => {
    expect(read('Phòng VHXH chủ trì những nhiệm vụ nào?').role).toBe('lead');
    expect(read('Phòng VHXH phối hợp những nhiệm vụ nào?').role).toBe('coordinator');
    expect(read('Phòng VHXH có những nhiệm vụ nào?').role).toBe('any');
  });

  it('keeps the topic words only', () => {
    expect(read('Ở Đại Sơn ai chủ trì tuyên truyền Kết luận 226 trên loa truyền thanh?').topic).toEqual([
      'tuyen',
      'truyen',
      'ket',
      'luan',
      '226',
      'loa',
      'truyen',
      'thanh',
    ]);
  });
});

describe('readQuestion: which period', () => {
  const period = (q: string, today: string) => {
    const p = read(q, today).period;
    return p ? `${p.kind} ${p.from}..${p.to}` : null;
  };
  it.each([
    ['Quý này có việc gì đến hạn?', '2026-11-28', 'quarter 2026-10-01..2026-12-31'],
    ['quy toi co viec gi den han', '2026-11-28', 'quarter 2027-01-01..2027-03-31'],
    ['Tháng này phải hoàn thành việc gì?', '2026-05-02', 'month 2026-05-01..2026-05-31'],
    ['thang sau co viec gi', '2026-12-31', 'month 2027-01-01..2027-01-31'],
    ['Tuần này có việc gì đến hạn?', '2026-11-29', 'week 2026-11-23..2026-11-29'],
    ['tuan sau co viec gi den han', '2026-11-29', 'week 2026-11-30..2026-12-06'],
    ['Năm nay phải hoàn thành những việc gì?', '2026-11-28', 'year 2026-01-01..2026-12-31'],
    ['nam sau co viec gi', '2026-11-28', 'year 2027-01-01..2027-12-31'],
    ['Quý IV/2026 có nhiệm vụ nào đến hạn?', '2026-05-02', 'quarter 2026-10-01..2026-12-31'],
    ['quy 2 nam 2027 co viec gi', '2026-05-02', 'quarter 2027-04-01..2027-06-30'],
    ['Tháng 5 có việc gì đến hạn?', '2026-11-28', 'month 2026-05-01..2026-05-31'],
    ['tháng 12/2026 phải làm gì', '2026-05-02', 'month 2026-12-01..2026-12-31'],
    ['Năm 2027 có việc gì?', '2026-05-02', 'year 2027-01-01..2027-12-31'],
    ['7 ngày tới có việc gì đến hạn?', '2026-12-28', 'days 2026-12-28..2027-01-04'],
    ['Việc nào sắp đến hạn?', '2026-11-28', 'days 2026-11-28..2026-12-05'],
    ['việc nào sắp hết hạn ở huế', '2026-11-28', 'days 2026-11-28..2026-12-05'],
    ['sap toi han chua', '2026-11-28', 'days 2026-11-28..2026-12-05'],
    ['Báo cáo trước ngày 10 tháng 6', '2026-11-28', null],
    ['Báo cáo quý trước ngày nào?', '2026-07-20', null],
    ['quý trước có việc gì đến hạn', '2026-07-20', 'quarter 2026-04-01..2026-06-30'],
    ['Từ nay đến cuối năm phải hoàn thành việc gì?', '2026-11-28', 'days 2026-11-28..2026-12-31'],
    ['nhung viec phai xong truoc 30/6/2027', '2026-11-28', 'days 2026-11-28..2027-06-30'],
    ['việc phải xong trước ngày 31 tháng 12', '2026-11-28', 'days 2026-11-28..2026-12-31'],
    ['viec phai xong truoc 31/6/2027', '2026-11-28', null],
  ])('%s (today %s) → %s', (q, today, expected) => {
    expect(period(q, today)).toBe(expected);
  });
});
