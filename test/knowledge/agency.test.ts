import { describe, expect, it } from 'vitest';
import { agencyKey, findAgencies, normalizeAgency, splitAgencies } from '../../src/knowledge/index.js';

describe('normalizeAgency', () => {
  it.each([
    ['Phòng Văn hóa - Xã hội', 'Phòng Văn hóa - Xã hội'],
    ['Phòng Văn hóa-Xã hội', 'Phòng Văn hóa - Xã hội'],
    ['Phòng Văn hóa- Xã hội', 'Phòng Văn hóa - Xã hội'],
    ['Phòng VHXH', 'Phòng Văn hóa - Xã hội'],
    ['Phòng VHXXH', 'Phòng Văn hóa - Xã hội'],
    ['Phòng Văn hóa - Xã hội (VHXH)', 'Phòng Văn hóa - Xã hội'],
    ['phòng vhxh', 'Phòng Văn hóa - Xã hội'],
    ['Văn phòng HĐND và UBND', 'Văn phòng HĐND và UBND'],
    ['Văn phòng HĐND&UBND', 'Văn phòng HĐND và UBND'],
    ['Văn phòng HĐND&UBND xã', 'Văn phòng HĐND và UBND'],
    ['Văn phòng HĐND-UBND phường', 'Văn phòng HĐND và UBND'],
    ['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường', 'Văn phòng HĐND và UBND'],
    ['Sở KH&CN', 'Sở Khoa học và Công nghệ'],
    ['Sở Khoa học và Công nghệ', 'Sở Khoa học và Công nghệ'],
    ['Bộ Khoa học & Công nghệ', 'Bộ Khoa học và Công nghệ'],
    ['Trung tâm Phục vụ hành chính công phường', 'Trung tâm Phục vụ hành chính công'],
    ['Trung tâm Dịch vụ sự nghiệp công xã', 'Trung tâm Dịch vụ sự nghiệp công'],
    ['Sở Nội vụ thành phố', 'Sở Nội vụ'],
    ['UBND phường', 'UBND phường'],
    ['Ủy ban nhân dân xã', 'UBND xã'],
    ['Thanh tra thành phố', 'Thanh tra thành phố'],
    ['UBND các xã, phường', 'UBND các xã, phường'],
    ['Các cơ quan, đơn vị liên quan', 'Các cơ quan, đơn vị liên quan'],
    ['các phòng,  đơn vị', 'Các phòng, đơn vị'],
    ['Thủ trưởng các sở, ban, ngành', 'Các sở, ban, ngành'],
    ['Đối với các các cơ quan, đơn vị của phường', 'Các cơ quan, đơn vị'],
    ['<b>Sở Tư pháp</b>:', 'Sở Tư pháp'],
    ['Sở TC', 'Sở Tài chính'],
    ['Sở TP', 'Sở Tư pháp'],
    ['Sở NN&MT', 'Sở Nông nghiệp và Môi trường'],
    ['Sở Tư pháo', 'Sở Tư pháp'],
    ['Phòng Kinh tê', 'Phòng Kinh tế'],
    ['Bộ Tư pháp', 'Bộ Tư pháp'],
    ['UBND TP Huế', 'UBND thành phố Huế'],
    ['Phòng VH&TT', 'Phòng Văn hóa và Thông tin'],
    ['Phòng TCBC', 'Phòng Tổ chức - Biên chế'],
    ['Phòng KT-HT&ĐT', 'Phòng Kinh tế, Hạ tầng và Đô thị'],
    ['UBND cấp xã', 'UBND cấp xã'],
    ['Chủ tịch UBND cấp xã', 'UBND cấp xã'],
    ['Trưởng phòng Tư pháp', 'Phòng Tư pháp'],
    ['Giám đốc các Sở', 'Các Sở'],
    ['Giám đốc Trung tâm Phục vụ hành chính công xã', 'Trung tâm Phục vụ hành chính công'],
  ])('%j → %j', (raw, name) => {
    expect(normalizeAgency(raw)).toBe(name);
  });
});

describe('agencyKey', () => {
  it('gives one key for every spelling of an agency', () => {
    expect(new Set(['Phòng VHXH', 'Phòng Văn hóa-Xã hội', 'phong van hoa xa hoi'].map(agencyKey)).size).toBe(1);
    expect(agencyKey('Sở Nội vụ')).not.toBe(agencyKey('Sở Tư pháp'));
  });
});

describe('splitAgencies', () => {
  const names = (cell: string) => splitAgencies(cell).map((a) => a.name);

  it.each([
    ['Văn phòng HĐND và UBND; Phòng VHXH', ['Văn phòng HĐND và UBND', 'Phòng Văn hóa - Xã hội']],
    ['UBND phường; Các phòng, cơ quan, đơn vị', ['UBND phường', 'Các phòng, cơ quan, đơn vị']],
    ['Văn phòng HĐND và UBND phường và các phòng, đơn vị', ['Văn phòng HĐND và UBND', 'Các phòng, đơn vị']],
    ['Văn phòng HĐND và UBND, Trung tâm Phục vụ hành chính công phường', ['Văn phòng HĐND và UBND', 'Trung tâm Phục vụ hành chính công']],
    ['Sở Khoa học và Công nghệ, Trường Chính trị Nguyễn Chí Thanh', ['Sở Khoa học và Công nghệ', 'Trường Chính trị Nguyễn Chí Thanh']],
    ['Các sở, ban, ngành và UBND các xã, phường', ['Các sở, ban, ngành', 'UBND các xã, phường']],
    ['Phòng Kinh tế, Hạ tầng và Đô thị', ['Phòng Kinh tế, Hạ tầng và Đô thị']],
    ['Báo và Phát thanh, Truyền hình Huế', ['Báo và Phát thanh, Truyền hình Huế']],
    ['Các phòng chuyên môn, Trung tâm Phục vụ hành chính công, các cơ quan, đơn vị của phường', ['Các phòng chuyên môn', 'Trung tâm Phục vụ hành chính công', 'Các cơ quan, đơn vị']],
    ['', []],
    ['Giám đốc các Sở, Chủ tịch UBND cấp xã', ['Các Sở', 'UBND cấp xã']],
    ['Thủ trưởng các sở, ban, ngành và Chủ tịch UBND các xã, phường', ['Các sở, ban, ngành', 'UBND các xã, phường']],
    ['Người đứng đầu Sở Nội vụ; Trưởng phòng Văn hóa - Xã hội', ['Sở Nội vụ', 'Phòng Văn hóa - Xã hội']],
    ['Phó Chủ tịch UBND huyện, Phó Giám đốc Sở Tư pháp', ['UBND huyện', 'Sở Tư pháp']],
  ])('%j → %j', (cell, expected) => {
    expect(names(cell)).toEqual(expected);
  });

  it('keeps each spelling as written beside the canonical name, once per agency', () => {
    expect(splitAgencies('Phòng VHXH; Phòng Văn hóa - Xã hội')).toEqual([{ name: 'Phòng Văn hóa - Xã hội', raw: 'Phòng VHXH' }]);
  });
});

describe('findAgencies', () => {
  const plan = {
    agencies: ['Các phòng, đơn vị', 'Phòng Văn hóa - Xã hội', 'Sở Khoa học và Công nghệ', 'Trung tâm Phục vụ hành chính công', 'Văn phòng HĐND và UBND'],
  };

  it.each([
    ['phòng vhxh', 'Phòng Văn hóa - Xã hội'],
    ['Phòng Văn hóa xã hội', 'Phòng Văn hóa - Xã hội'],
    ['van phong hdnd ubnd', 'Văn phòng HĐND và UBND'],
    ['Sở KH&CN', 'Sở Khoa học và Công nghệ'],
    ['trung tâm hành chính công', 'Trung tâm Phục vụ hành chính công'],
  ])('finds %j first', (query, best) => {
    expect(findAgencies(plan, query)[0]).toBe(best);
  });

  it('finds nothing for words that name no agency of the plan', () => {
    expect(findAgencies(plan, 'công an tỉnh')).toEqual([]);
    expect(findAgencies(plan, '')).toEqual([]);
  });
});
