import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/knowledge/index.js';

/** A plan whose "Tổ chức thực hiện" holds one numbered item, or one unnumbered paragraph. */
const planWith = (item: string, numbered: boolean) =>
  ['KẾ HOẠCH', '', 'I. MỤC ĐÍCH', '', 'Nội dung.', '', 'II. TỔ CHỨC THỰC HIỆN', '', numbered ? `1. ${item}` : item, ''].join('\n');

const leadsOf = (item: string, numbered: boolean) =>
  parsePlan('test', 'test.md', planWith(item, numbered)).plan.duties.map((d) => d.agency.map((a) => a.name));

describe.each([true, false])('parsePlan duties (numbered item: %s)', (numbered) => {
  it.each([
    ['UBND cấp xã phân đầu hoàn thành trước ngày 10/5/2026.', ['UBND cấp xã']],
    ['UBND cấp xã sớm hoàn thành việc rà soát trước ngày 10/5/2026.', ['UBND cấp xã']],
    ['Ủy ban nhân dân cấp huyện khẩn trương hoàn thành trong tháng 5/2026.', ['UBND cấp huyện']],
    ['UBND các xã, phường nghiêm túc quán triệt Kế hoạch này.', ['UBND các xã, phường']],
    ['UBND xã Tân Chi sớm hoàn thành việc rà soát.', ['UBND xã Tân Chi']],
    ['Công an tỉnh nỗ lực hoàn thành việc làm sạch dữ liệu.', ['Công an tỉnh']],
    ['Sở Nội vụ cần sớm hoàn thành việc rà soát.', ['Sở Nội vụ']],
    ['Sở Tư pháp và Sở Tài chính sớm hoàn thành việc rà soát.', ['Sở Tư pháp', 'Sở Tài chính']],
    ['Các Sở, UBND cấp xã phân đầu hoàn thành trước 10/5/2026.', ['Các Sở', 'UBND cấp xã']],
    ['UBND phường họp giao ban mỗi tháng một lần; họp giao ban không quá 1/2 ngày.', ['UBND phường']],
    ['Các Sở sớm hoàn thành việc rà soát quy chế làm việc.', ['Các Sở']],
    ['Các sở, ban, ngành tích cực triển khai Kế hoạch.', ['Các sở, ban, ngành']],
  ])('%j is given to %j, not to the words after it', (item, leads) => {
    expect(leadsOf(item, numbered)).toEqual([leads]);
  });

  it.each([
    ['Giám đốc các Sở, Chủ tịch UBND cấp xã phân đầu hoàn thành trước 10/5/2026.', ['Các Sở', 'UBND cấp xã']],
    ['Giám đốc các Sở và Chủ tịch UBND cấp xã chỉ đạo rà soát thủ tục.', ['Các Sở', 'UBND cấp xã']],
    ['Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường quyết liệt chỉ đạo.', ['Các sở, ban, ngành', 'UBND các xã, phường']],
    ['Chủ tịch UBND xã chỉ tham dự các hội nghị thực sự cần thiết.', ['UBND xã']],
    ['Trưởng phòng Văn hóa - Xã hội chịu trách nhiệm tổng hợp.', ['Phòng Văn hóa - Xã hội']],
    ['Người đứng đầu các cơ quan, đơn vị có liên quan chịu trách nhiệm.', ['Các cơ quan, đơn vị có liên quan']],
    ['Chánh Văn phòng UBND tỉnh theo dõi, đôn đốc.', ['Văn phòng UBND']],
    ['Người đứng đầu các cơ quan, đơn vị, địa phương trực tiếp chỉ đạo.', ['Các cơ quan, đơn vị, địa phương']],
  ])('a post-holder names the agency: %j is given to %j', (item, leads) => {
    expect(leadsOf(item, numbered)).toEqual([leads]);
  });
});

describe.each([true, false])('parsePlan duties handed on (numbered item: %s)', (numbered) => {
  it.each([
    ['UBND tỉnh giao Sở Nội vụ làm đầu mối theo dõi, đôn đốc thực hiện Kế hoạch.', ['Sở Nội vụ']],
    ['UBND tỉnh giao cho Sở Tư pháp và Sở Tài chính rà soát quy định.', ['Sở Tư pháp', 'Sở Tài chính']],
    ['Ủy ban nhân dân xã phân công Công chức Văn hóa - Xã hội tuyên truyền Kế hoạch.', ['Công chức Văn hóa - Xã hội']],
    ['UBND tỉnh đề nghị Ủy ban MTTQ Việt Nam tỉnh phối hợp giám sát.', ['Ủy ban Mặt trận Tổ quốc Việt Nam']],
  ])('%j is the assignee\'s work: %j', (item, leads) => {
    expect(leadsOf(item, numbered)).toEqual([leads]);
  });
});

describe('parsePlan duties: goals are no duties', () => {
  const text = [
    'KẾ HOẠCH',
    'I. MỤC TIÊU',
    '1. Đến hết năm 2026, 100% văn bản được ký số.',
    'II. TỔ CHỨC THỰC HIỆN',
    '1. Sở Nội vụ:',
    'a) Mục tiêu: 100% cơ quan, đơn vị có kế hoạch thực hiện.',
    'b) Tỷ lệ hồ sơ trực tuyến đạt từ 80% trở lên.',
    'c) 100% cán bộ được bồi dưỡng kỹ năng số.',
    'd) Chủ trì, phối hợp với Sở Tư pháp hướng dẫn các cơ quan xây dựng kế hoạch.',
    '2. Sở Tài chính: đến hết năm 2026, 100% khoản chi được thanh toán trực tuyến.',
    '3. UBND cấp xã phấn đấu đạt tỷ lệ hồ sơ trực tuyến từ 80% trở lên.',
  ].join('\n');
  const { duties } = parsePlan('goals', 'goals.md', text).plan;

  it('keeps only what says who does what: a target stated alone is not a duty, even under an agency', () => {
    expect(duties.map((d) => d.section)).toEqual(['II.1.d', 'II.3']);
  });

  it('reads the coordinators a duty names after "phối hợp với"', () => {
    expect(duties[0]).toMatchObject({ coordinatorsRaw: 'Sở Tư pháp', coordinators: [{ name: 'Sở Tư pháp' }] });
  });
});

describe('parsePlan duties: a plan numbered without Roman headings', () => {
  const text = [
    'KẾ HOẠCH',
    '1. MỤC ĐÍCH, YÊU CẦU',
    '- Chấn chỉnh lề lối làm việc.',
    '2. NHIỆM VỤ',
    '2.1. Văn phòng HĐND và UBND xã',
    '- Tham mưu sửa đổi Quy chế làm việc, hoàn thành trước 10/5/2026.',
    '3. TỔ CHỨC THỰC HIỆN',
    'Công chức Tài chính - Kế toán bố trí kinh phí.',
  ].join('\n');

  it('starts its body at the first upper-case numbered heading and reads duties under it', () => {
    const { duties } = parsePlan('arabic', 'arabic.md', text).plan;
    expect(duties.map((d) => [d.section, d.agencyRaw, d.deadline?.due ?? null])).toEqual([
      ['2.1.1', 'Văn phòng HĐND và UBND xã', '2026-05-10'],
      ['3', 'Công chức Tài chính - Kế toán', null],
    ]);
  });
});

describe('parsePlan duties', () => {
  it.each([
    ['Bộ phận Tiếp nhận và trả kết quả xã hướng dẫn người dân.', ['Bộ phận Tiếp nhận và trả kết quả']],
    ['Trung tâm Phục vụ hành chính công phường chủ trì tiếp nhận hồ sơ.', ['Trung tâm Phục vụ hành chính công']],
    ['Văn phòng HĐND và UBND xã phối hợp theo dõi.', ['Văn phòng HĐND và UBND']],
    ['Các phòng, đơn vị thuộc UBND xã và Trưởng các ấp phổ biến Kế hoạch.', ['Các phòng, đơn vị thuộc UBND', 'Các ấp']],
    ['Các cơ quan báo chí, phương tiện thông tin đại chúng trên địa bàn tuyên truyền.', ['Các cơ quan báo chí, phương tiện thông tin đại chúng trên địa bàn']],
    ['Phòng Kinh tế - Hạ tầng và Đô thị chủ động số hóa hồ sơ.', ['Phòng Kinh tế, Hạ tầng và Đô thị']],
  ])('keeps a whole name that goes on past a known kind: %j', (item, leads) => {
    expect(leadsOf(item, true)).toEqual([leads]);
  });

  it.each([
    'Ban hành quy chế làm việc trước ngày 10/5/2026.',
    'Chủ tịch nước đã ký lệnh công bố.',
    'Giám đốc điều hành dự án phân đầu hoàn thành.',
    'Phấn đấu 100% hồ sơ được xử lý trực tuyến.',
  ])('finds no agency in %j', (item) => {
    expect(leadsOf(item, false)).toEqual([]);
  });
});
