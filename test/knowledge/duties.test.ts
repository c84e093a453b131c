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
  ])('a post-holder names the agency: %j is given to %j', (item, leads) => {
    expect(leadsOf(item, numbered)).toEqual([leads]);
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
