import type { ProgressStatus } from './status.js';

/**
 * How people write each status, folded (no diacritics, lower case). Longer phrases first so
 * "da hoan thanh" wins over "hoan thanh". `note` means "a note, no status change".
 */
export const STATUS_PHRASES: ReadonlyArray<readonly [string, ProgressStatus | 'note']> = [
  ['chua thuc hien', 'not_started'],
  ['chua trien khai', 'not_started'],
  ['chua bat dau', 'not_started'],
  ['chua lam', 'not_started'],
  ['dang thuc hien', 'in_progress'],
  ['dang trien khai', 'in_progress'],
  ['dang lam', 'in_progress'],
  ['da hoan thanh', 'done'],
  ['hoan thanh', 'done'],
  ['hoan tat', 'done'],
  ['da xong', 'done'],
  ['xong', 'done'],
  ['bi vuong mac', 'blocked'],
  ['gap vuong mac', 'blocked'],
  ['dang vuong mac', 'blocked'],
  ['vuong mac', 'blocked'],
  ['gap kho khan', 'blocked'],
  ['kho khan', 'blocked'],
  ['vuong', 'blocked'],
  ['ghi chu', 'note'],
  ['ghichu', 'note'],
];

/** Words that start a natural update: "Nhiệm vụ 4 ...", "NV 4 ...", "Việc số 4 ...", "Mục IV.2.b ...". */
export const TASK_WORDS = ['nhiem vu', 'nv', 'cong viec', 'viec', 'muc'];

/** Endings that make a sentence a question ("... đã xong chưa"), so it is never read as an update. */
export const QUESTION_ENDINGS = ['chua', 'khong', 'ko', 'nao', 'gi', 'sao', 'the nao', 'bao gio', 'a'];

/** Words that make an agency name a group of units ("Các phòng, đơn vị", "UBND các xã, phường"), folded. */
export const COLLECTIVE_WORDS = ['cac'];

/** Levels that make "UBND cấp xã", "cơ quan cấp huyện" a group of units, folded. */
export const GROUP_LEVELS = ['xa', 'huyen', 'tinh', 'phuong', 'co so'];
