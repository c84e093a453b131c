/** Typed answers to a yes/no confirmation, folded (diacritics dropped, lower case). */
export const YES_WORDS = ['co', 'co luu', 'luu', 'dong y', 'yes', 'y', 'ok', 'u', 'uh', 'vang'];
export const NO_WORDS = ['khong', 'ko', 'k', 'no', 'n', 'huy', 'thoi'];
/** What an admin adds after `/start CODE` to take a code that ends the admin role ("/start K7QX2M9P đồng ý"), folded. */
export const CONFIRM_WORDS = ['dong y', 'dongy', 'xac nhan', 'xacnhan'];

/** `data` of the buttons of the guided update (short: Telegram allows 64 bytes). */
export const CHOICE = {
  task: 'cn:t:',
  status: 'cn:s:',
  noteOnly: 'cn:s:note',
  skip: 'cn:skip',
  yes: 'cn:yes',
  no: 'cn:no',
  planSave: 'kh:save',
  planCancel: 'kh:cancel',
} as const;

/** What a person types for the rest of a long reply (folded). */
export const DETAIL_WORDS = [
  'chi tiet',
  'xem them',
  'xem tiep',
  'tiep',
  'them',
  'xem chi tiet',
  'day du',
  'xem day du',
];

/** Small talk, folded, by kind: a message made only of these and filler words is not a question about the plans. */
export const SMALL_TALK: ReadonlyArray<{ kind: 'greeting' | 'thanks' | 'who' | 'help' | 'bye'; words: string[] }> = [
  { kind: 'who', words: ['ban la ai', 'em la ai', 'la ai vay', 'ban ten gi', 'em ten gi', 'ban la gi'] },
  {
    kind: 'help',
    words: ['giup gi', 'giup duoc gi', 'lam duoc gi', 'ho tro gi', 'biet lam gi', 'lam duoc nhung gi', 'huong dan'],
  },
  { kind: 'thanks', words: ['cam on', 'thanks', 'thank you', 'thank', 'tks', 'thanks you', 'camon'] },
  { kind: 'bye', words: ['tam biet', 'bye', 'hen gap lai'] },
  { kind: 'greeting', words: ['xin chao', 'chao', 'hi', 'hello', 'alo', 'helo', 'hey'] },
];
/** Words that may stand beside small talk without making it a question ("chào bạn nhé", "cảm ơn em nhiều ạ"). */
export const SMALL_TALK_FILLERS = new Set(
  (
    'a nhe nha ban em anh chi minh toi tro ly oi nhieu rat duoc khong co the vay nhi ha hen cho voi ' +
    'buoi sang chieu ngay tot lanh ok oke vang da'
  ).split(' '),
);
