/**
 * Words officials use in questions, folded (lower case, no diacritics): data for the question rules.
 * Each list is matched as whole words against the folded question.
 */

/** Asking who leads. */
export const LEAD_WORDS = [
  'chu tri',
  'phu trach',
  'dau moi',
  'chiu trach nhiem',
  'ai lam',
  'ai thuc hien',
  'don vi thuc hien',
  'do ai',
  'giao cho ai',
  'giao ai',
  'ai lo',
  'ai phu trach',
];
/** Asking who coordinates. */
export const COORDINATOR_WORDS = ['phoi hop', 'cung voi', 'ho tro'];
/** Asking for the product or result. */
export const PRODUCT_WORDS = ['san pham', 'ket qua', 'dau ra', 'nop gi', 'can nop'];
/** Asking for a deadline. */
export const DEADLINE_WORDS = [
  'thoi han',
  'han chot',
  'het han',
  'han',
  'khi nao',
  'bao gio',
  'luc nao',
  'thoi gian hoan thanh',
  'ngay nao',
  'deadline',
];
/** Asking when. */
export const WHEN_WORDS = ['ngay nao', 'khi nao', 'bao gio', 'luc nao', 'hom nao', 'thang nao', 'nam nao'];
/** Asking what a task is. */
export const TASK_WORDS = [
  'la gi',
  'noi dung',
  'gom nhung gi',
  'cu the',
  'chi tiet',
  'la viec gi',
  'lam gi',
  'yeu cau gi',
];
/** Asking whether work is late or done. */
export const OVERDUE_WORDS = ['qua han', 'tre han', 'het han chua', 'cham tien do', 'bi tre', 'cham tre', 'tre'];
/** Words saying work is already late (not merely ending in a period, as "hết hạn trong tháng 6"). */
export const LATE_WORDS = ['qua han', 'tre han', 'tre', 'cham'];
export const STATUS_WORDS = [
  'qua han chua',
  'tre han chua',
  'het han chua',
  'den han chua',
  'tre chua',
  'xong chua',
  'con bao nhieu ngay',
  'con may ngay',
  'hoan thanh chua',
  'tien do',
  'den dau',
  'the nao roi',
  'da lam chua',
  'trang thai',
  'tinh hinh',
];
/** Asking who (so a list word does not make it a question about one agency's tasks). */
export const WHO_WORDS = ['ai', 'don vi nao', 'co quan nao', 'phong nao', 'bo phan nao'];
/** Asking what falls due. */
export const DUE_WORDS = [
  'den han',
  'het han',
  'toi han',
  'phai xong',
  'phai hoan thanh',
  'can hoan thanh',
  'hoan thanh',
  'phai lam',
  'can lam',
  'sap den han',
  'han',
];
/** Asking how many tasks ("có bao nhiêu nhiệm vụ", "mấy việc", "tổng số nhiệm vụ"): the count is the answer. */
export const COUNT_WORDS = [
  'bao nhieu nhiem vu',
  'may nhiem vu',
  'bao nhieu viec',
  'may viec',
  'bao nhieu cong viec',
  'may cong viec',
  'tong so nhiem vu',
  'tong cong nhiem vu',
  'so nhiem vu',
  'so luong nhiem vu',
  'dem nhiem vu',
];
/** Words that make a question ask for a list of tasks. */
export const LIST_WORDS = [
  ...COUNT_WORDS,
  'nhung nhiem vu',
  'nhiem vu nao',
  'cac nhiem vu',
  'viec nao',
  'viec gi',
  'nhung viec',
  'cac viec',
  'lam gi',
  'lam nhung gi',
  'danh sach',
  'co gi',
  'nhiem vu gi',
  'nhung gi',
  'nhiem vu ve',
  'viec ve',
  'nhiem vu cua',
  'nhiem vu lien quan',
  'viec lien quan',
  'viec cua',
  'cong viec cua',
  'lo nhung viec',
  'lo viec',
  'lo gi',
  'phu trach nhung',
  'duoc giao',
  'giao nhung',
  'tat ca',
  'toan bo',
];
/** The cue words a list question reads (which tasks, whose, due or late). */
export const LIST_CUE_WORDS = [...LIST_WORDS, ...LEAD_WORDS, ...COORDINATOR_WORDS, ...DUE_WORDS, ...OVERDUE_WORDS];
/** Asking how long meetings may last. */
export const MEETING_WORDS = ['hoi nghi', 'cuoc hop', 'hop', 'hoi hop'];
export const LENGTH_WORDS = [
  'bao lau',
  'toi da',
  'may ngay',
  'thoi gian',
  'keo dai',
  'khong qua',
  'bao nhieu ngay',
  'thoi luong',
];
/** Question words of a target question, read away from its topic (the verb stays: "giảm bao nhiêu % văn bản"). */
export const TARGET_ASK_WORDS = ['phan tram', 'ty le', 'chi tieu', 'muc tieu', 'bao nhieu', 'may', 'toi thieu'];
/** Asking for a quantitative target. */
export const TARGET_WORDS = [
  'phan tram',
  'ty le',
  'chi tieu',
  'muc tieu',
  'phai dat',
  'dat bao nhieu',
  'giam bao nhieu',
  'toi thieu bao nhieu',
  'dat tren',
];
/** Asking about the reporting schedule. */
export const REPORT_WORDS = ['bao cao'];
/** Names of the report itself that hold a product word ("báo cáo kết quả thực hiện" is the report, not a task's result). */
export const REPORT_NAMES = ['bao cao ket qua', 'bao cao tong ket', 'bao cao so ket'];
export const REPORT_ASK_WORDS = [
  'han',
  'khi nao',
  'truoc ngay',
  'ngay nao',
  'gui',
  'nop',
  'dinh ky',
  'bao gio',
  'cho ai',
  'gui ai',
  'noi nhan',
  'ai',
  've dau',
  'o dau',
];
/** Which report: period words to kinds of the schema. */
export const REPORT_PERIODS: ReadonlyArray<{ words: string[]; kind: 'quarter' | 'half' | 'nine_months' | 'year' }> = [
  { words: ['9 thang', 'chin thang'], kind: 'nine_months' },
  { words: ['6 thang', 'sau thang', 'nua nam'], kind: 'half' },
  {
    words: ['quy i', 'quy ii', 'quy iii', 'quy iv', 'quy 1', 'quy 2', 'quy 3', 'quy 4', 'hang quy', 'dinh ky quy'],
    kind: 'quarter',
  },
  { words: ['hang nam', 'ca nam', 'bao cao nam', 'cuoi nam'], kind: 'year' },
];
/** Asking for the legal documents a plan or task rests on. */
export const LEGAL_WORDS = [
  'nghi dinh nao',
  'thong tu nao',
  'quyet dinh nao',
  'van ban nao',
  'can cu',
  'theo van ban',
  'co so phap ly',
  'nghi quyet nao',
  'ket luan nao',
  'theo nghi dinh',
  'theo quyet dinh',
  'theo thong tu',
  'theo quy dinh nao',
  'van ban phap ly',
  'quy dinh nao',
];
/** Kinds of legal document; one followed by a number names a document ("Nghị định 09/2019"). */
export const DOCUMENT_KINDS = [
  'ket luan',
  'quyet dinh',
  'nghi dinh',
  'thong tu',
  'nghi quyet',
  'quy dinh',
  'chi thi',
  'cong van',
  'ke hoach',
  'luat',
];
/** Words that make a question naming a document ask about a task instead. */
export const NOT_DOCUMENT_WORDS = [
  ...LEAD_WORDS,
  ...COORDINATOR_WORDS,
  ...PRODUCT_WORDS,
  ...OVERDUE_WORDS,
  ...STATUS_WORDS,
  ...LIST_WORDS,
  'han',
  'thoi han',
  'han chot',
  'phai xong',
  'khi nao xong',
  'bao gio xong',
  'hoan thanh khi nao',
  'thoi gian hoan thanh',
];
/** Documents other than the plan whose number a question may ask ("chương trình hành động số mấy"). */
export const OTHER_DOCUMENT_KINDS = [
  'chuong trinh',
  'nghi quyet',
  'nghi dinh',
  'quyet dinh',
  'thong tu',
  'chi thi',
  'ket luan',
  'cong van',
];
/** Asking for an amount or a count ("bao nhiêu tỷ đồng", "mấy lớp"); a percentage is a target. */
export const AMOUNT_WORDS = ['bao nhieu', 'may', 'tong cong', 'tong so'];
export const PERCENT_WORDS = ['phan tram', 'ty le'];
/** Asking who holds a post ("chủ tịch … là ai"): the plans name one person, their signer. */
export const PERSON_TITLES = ['chu tich', 'giam doc', 'bi thu', 'truong ban', 'chanh van phong'];
export const PERSON_ASK = ['la ai', 'ten gi', 'ten la gi', 'ai la'];
/** Bodies whose people no plan of the People's Committee names ("chủ tịch HĐND", "bí thư Đảng ủy"). */
export const UNNAMED_BODIES = ['hdnd', 'hoi dong nhan dan', 'dang uy', 'bi thu', 'mat tran', 'mttq', 'cong an'];
/** Asking for the plan's number, date, signer or issuer. */
export const META_FIELDS: ReadonlyArray<{ words: string[]; field: 'signer' | 'number' | 'date' | 'issuer' }> = [
  { words: ['ai ky', 'nguoi ky', 'ky ke hoach', 'ky ban hanh', 'ai da ky', 'chu ky'], field: 'signer' },
  { words: ['so hieu', 'so ke hoach', 'ke hoach so', 'so may', 'so bao nhieu', 'ky hieu'], field: 'number' },
  {
    words: [
      'ngay ban hanh',
      'ban hanh ngay',
      'ban hanh khi nao',
      'ban hanh luc nao',
      'ngay ky',
      'ky ngay',
      'ky khi nao',
    ],
    field: 'date',
  },
  { words: ['co quan ban hanh', 'ai ban hanh', 'don vi ban hanh'], field: 'issuer' },
];
/** Asking about money. */
export const FUNDING_WORDS = [
  'kinh phi',
  'ngan sach',
  'nguon von',
  'nguon tien',
  'tien dau',
  'chi phi thuc hien',
  'du toan',
];
/** Words that name a task before its number. */
export const TASK_NUMBER_WORDS = ['nhiem vu', 'nv', 'cong viec', 'viec', 'stt'];

/** Relative periods: "tuần này", "tháng tới", "quý trước", "năm nay". */
export const PERIOD_UNITS: Record<string, 'week' | 'month' | 'quarter' | 'year'> = {
  tuan: 'week',
  thang: 'month',
  quy: 'quarter',
  nam: 'year',
};
export const PERIOD_OFFSETS: Record<string, number> = {
  nay: 0,
  'hien tai': 0,
  toi: 1,
  sau: 1,
  'ke tiep': 1,
  'tiep theo': 1,
  truoc: -1,
  ngoai: -1,
  qua: -1,
};
export const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Level words that come before a locality name. */
export const LEVEL_WORDS = ['thanh pho', 'thi xa', 'thi tran', 'xa', 'phuong', 'tinh', 'huyen', 'quan', 'tp'];

/**
 * Words that carry no topic: question words, particles, plan chrome. Left out when the remaining
 * words of a question are searched for and when deciding whether the plans cover a question.
 */
export const STOP_WORDS = new Set(
  (
    'ai gi nao dau sao bao nhieu may khi luc la cua o tai trong tren duoi va voi cho den tu ra vao thi ma co khong chua da dang se ' +
    'duoc bi phai can nen hay hoac nhe a ha u vay the nhu nay kia do day roi con nua cung moi cac nhung nhieu it ' +
    'minh xin vui long giup biet muon xem hom ngay nhe ke hoach theo ve cai lai on nhi oi'
  ).split(' '),
);

/** Stop words that belong to the name of a thing when they sit between two topic words ("họp không giấy", "trên môi trường mạng"). */
export const JOINERS = new Set(['khong', 'va', 'tren']);

/**
 * Words asking what a named list is, besides its name (folded): "là gì", "gồm những gì", "nguyên tắc", "nội dung",
 * "cụ thể", "hiểu thế nào". A question with any other word asks something else about it.
 */
export const NAMED_LIST_ASK_WORDS = [
  'bao gom',
  'gom',
  'la gi',
  'nghia la',
  'y nghia',
  'noi dung',
  'cu the',
  'giai thich',
  'liet ke',
  'hieu',
  'the nao',
  'nguyen tac',
  'phuong cham',
  'yeu cau',
  'tinh than',
  'chu truong',
  'phong trao',
  'khau hieu',
  'tieu chi',
  'quy tac',
  'giai phap',
  'muc tieu',
  'khau dot pha',
  'dieu',
  'gom nhung',
  'nhung',
  'ke',
  'noi',
  'neu',
  'quy dinh',
  'thuc hien',
  'dam bao',
  'cho',
  'toi',
  'em',
  'anh',
  'chi',
  'ban',
  'hoi',
  'cau',
  'y',
  'su',
  'gi',
  'la',
];
