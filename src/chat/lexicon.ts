/** Typed answers to a yes/no confirmation, folded (diacritics dropped, lower case). */
export const YES_WORDS = ['co', 'co luu', 'luu', 'dong y', 'yes', 'y', 'ok', 'u', 'uh', 'vang'];
export const NO_WORDS = ['khong', 'ko', 'k', 'no', 'n', 'huy', 'thoi'];

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
