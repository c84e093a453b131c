/**
 * Vietnamese words the reader looks for in plans: data, not logic. Folded forms (lower case, no
 * diacritics, đ→d) are marked; the rest are written as plans write them.
 */

/** Quarter numerals (folded). */
export const ROMAN_QUARTERS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Administrative levels, longest first, as written in lower case. */
export const LOCALITY_LEVELS = ['thành phố', 'thị xã', 'thị trấn', 'phường', 'tỉnh', 'huyện', 'quận', 'xã'] as const;

/**
 * Words that open a proper agency name when followed by a capitalized word, an abbreviation or a
 * locality word: "Phòng Văn hóa", "Sở Tư pháp", "Thanh tra thành phố" (not "Ban hành", "phòng họp"); a commune
 * assigns work to its posts too ("Công chức Tư pháp - Hộ tịch").
 */
export const AGENCY_HEADS = [
  'Văn phòng', 'Phòng', 'Sở', 'Bộ', 'Ban', 'Trung tâm', 'Thanh tra', 'Công an', 'Trường', 'Báo', 'Đài',
  'Chi cục', 'Cục', 'Hội', 'Viện', 'Kho bạc', 'Chi nhánh', 'Ủy ban', 'Uỷ ban', 'Hội đồng', 'Bộ phận',
  'Đảng ủy', 'Đảng uỷ', 'Đoàn', 'Liên đoàn', 'Bệnh viện', 'Quỹ', 'Tòa án', 'Viện kiểm sát', 'Công chức', 'Tổ',
] as const;

/** Agency names that stand alone, whatever follows ("UBND phường", "Ủy ban nhân dân các xã"). */
export const STANDALONE_AGENCIES = [
  'UBND', 'HĐND', 'UBMTTQ', 'UBMTTQVN', 'MTTQ', 'VP', 'Ủy ban nhân dân', 'Uỷ ban nhân dân', 'Hội đồng nhân dân',
] as const;

/** Openers of group agencies kept as written: "Các sở, ban, ngành", "Các phòng, đơn vị". */
export const GROUP_HEADS = ['Các', 'các'] as const;

/** People who answer for an agency; the agency is what follows ("Thủ trưởng các sở" → "Các sở"). */
export const HOLDER_PREFIXES = [
  'thủ trưởng', 'người đứng đầu', 'lãnh đạo', 'chủ tịch', 'phó chủ tịch', 'giám đốc', 'phó giám đốc', 'chánh', 'trưởng',
] as const;

/**
 * Folded words a group of agencies is made of, after "các": "Các sở, ban, ngành", "các phòng chuyên môn",
 * "các cơ quan, đơn vị có liên quan", "các đơn vị sự nghiệp công lập trực thuộc". A word outside this list leaves
 * the group's end to the duty verb.
 */
export const GROUP_WORDS = [
  'so', 'ban', 'nganh', 'phong', 'don vi', 'co quan', 'dia phuong', 'doan the', 'to chuc', 'hoi', 'truong', 'doanh nghiep',
  'thon', 'ap', 'to dan pho', 'chuyen mon', 'lien quan', 'co lien quan', 'su nghiep', 'cong lap', 'khac', 'truc thuoc',
] as const;

/** Folded words joining a locality or a parent agency to a name: "các đơn vị thuộc UBND xã", "UBND cấp xã". */
export const LOCALITY_LINKS = ['cua', 'thuoc', 'truc thuoc', 'tren dia ban', 'tai', 'cap', 'cac'] as const;

/** Words before an agency that are not part of it ("Đối với các phòng", "Đề nghị Ủy ban ..."). */
export const LEAD_IN_PREFIXES = ['đối với', 'đề nghị', 'giao'] as const;

/**
 * Folded verbs and phrases that end an agency name at the start of a duty paragraph:
 * "Văn phòng HĐND&UBND xã | phối hợp với ...".
 */
export const DUTY_VERBS = [
  'phoi hop', 'chu tri', 'xay dung', 'can cu', 'khan truong', 'to chuc', 'nghien cuu', 'chu dong', 'phat huy',
  'tham muu', 'thuc hien', 'co trach nhiem', 'chiu trach nhiem', 'trien khai', 'ban hanh', 'tiep tuc',
  'tang cuong', 'theo doi', 'huong dan', 'bao cao', 'chi dao', 'lanh dao', 'ra soat', 'don doc', 'kiem tra',
  'the che hoa', 'quan triet', 'bo tri', 'chi tham du', 'dam bao', 'bao dam', 'tuyen truyen', 'phoi hop chat che',
  'co nhiem vu', 'duoc giao', 'tong hop', 'de xuat', 'thuong xuyen', 'kip thoi', 'nghiem tuc', 'cung cap',
  'dinh ky', 'gui', 'hang nam', 'hang quy', 'dam nhiem', 'giup', 'tiep nhan', 'xu ly', 'cap nhat', 'hoan thanh',
  'ho tro', 'pho bien', 'van dong', 'giam sat', 'la co quan', 'la don vi', 'la dau moi', 'phan dau', 'quyet liet',
  // Adverbs that open what an agency is to do ("Các Sở sớm hoàn thành", "... địa phương trực tiếp chỉ đạo").
  'som', 'truc tiep', 'tich cuc', 'nhanh chong', 'dong thoi', 'duy tri',
] as const;

/**
 * Folded verbs by which one body hands work to another: "UBND tỉnh giao Sở Nội vụ làm đầu mối" is work for Sở Nội vụ.
 */
export const ASSIGNING_VERBS = ['giao cho', 'giao', 'phan cong cho', 'phan cong', 'uy quyen cho', 'yeu cau', 'de nghi'] as const;

/**
 * How a text that only states a goal or a target opens, folded: "Mục tiêu: 100% ...", "Chỉ tiêu ...", "Tỷ lệ ...",
 * "100% hồ sơ ...", "Đến hết năm 2026, ...". Such a text is no duty, even under an agency's heading.
 */
export const GOAL_OPENING =
  /^(?:muc tieu|chi tieu|ty le|(?:(?:den|trong)\s+(?:het\s+|cuoi\s+)?)?(?:nam\s+\d{4}\s*,?\s*)?\d+(?:[.,]\d+)?\s*%)/;

/** Canonical display names for agencies often met; other agencies keep a tidied spelling. */
export const KNOWN_AGENCIES = [
  'Phòng Văn hóa - Xã hội',
  'Phòng Kinh tế',
  'Phòng Kinh tế, Hạ tầng và Đô thị',
  'Văn phòng HĐND và UBND',
  'Văn phòng UBND',
  'Văn phòng Đảng ủy',
  'Trung tâm Phục vụ hành chính công',
  'Trung tâm Dịch vụ sự nghiệp công',
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Khoa học và Công nghệ',
  'Sở Tài chính',
  'Sở Văn hóa và Thể thao',
  'Bộ Khoa học và Công nghệ',
  'Bộ Nội vụ',
  'Thanh tra',
  'Công an',
] as const;

/** Bodies that keep their locality word: "UBND phường" is not "UBND". Folded, abbreviations spelt out. */
export const BARE_BODIES = ['uy ban nhan dan', 'hoi dong nhan dan', 'thanh tra', 'cong an', 'dang uy'] as const;

/** Header keywords of the appendix task table (folded), checked in this order. */
export const COLUMN_KEYWORDS: ReadonlyArray<{ column: TableColumn; words: RegExp }> = [
  { column: 'no', words: /^(s\s*tt|tt|so tt|so thu tu|thu tu)$/ },
  { column: 'deadline', words: /thoi han|thoi gian|tien do|han hoan thanh|thoi diem/ },
  { column: 'coordinators', words: /phoi hop/ },
  { column: 'content', words: /^(noi dung|nhiem vu|cong viec|ten nhiem vu|giai phap|hoat dong)/ },
  { column: 'product', words: /san pham|ket qua/ },
  { column: 'lead', words: /chu tri|thuc hien|trach nhiem|dau moi|phu trach/ },
  { column: 'content', words: /noi dung|nhiem vu|cong viec/ },
];

export type TableColumn = 'no' | 'content' | 'lead' | 'coordinators' | 'product' | 'deadline';

/** Kinds of legal documents a plan cites, as written. */
export const LEGAL_KINDS = [
  'Kết luận', 'Quyết định', 'Kế hoạch', 'Nghị định', 'Thông tư', 'Nghị quyết', 'Quy định', 'Chỉ thị',
  'Công văn', 'Hướng dẫn', 'Chương trình', 'Thông báo', 'Luật',
] as const;

/** Signer capacities, upper case as printed under the signature. */
export const SIGNER_CAPACITY = /(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|TRƯỞNG PHÒNG|CHÁNH VĂN PHÒNG|BÍ THƯ|THỦ TRƯỞNG)$/u;

/** Counts written as words in the names of lists ("ba không", "sáu rõ"); "tư" as in "bốn"/"tư". */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10,
};

/** Words naming what kind of list a name is: nguyên tắc "6 rõ", phương châm "4 tại chỗ". */
export const NAMED_LIST_KINDS = [
  'nguyên tắc', 'phương châm', 'yêu cầu', 'tinh thần', 'chủ trương', 'phong trào', 'khẩu hiệu', 'tiêu chí', 'quy tắc',
  'giải pháp', 'nhiệm vụ', 'nội dung', 'khâu đột phá', 'mục tiêu',
] as const;
