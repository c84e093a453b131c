// Control characters other than tab and line breaks (C0, DEL, C1); the bidirectional embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069) that make text read in another order than it is stored ("spoofing");
// and halves of a surrogate pair without their other half, which cannot be written as UTF-8.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;

/** Whether text holds a character that cannot be shown as written: a control, a direction override, a lone surrogate. */
export const hasUnsafeChars = (text: string): boolean => UNSAFE.test(text);

/** The text without those characters. */
export const stripUnsafeChars = (text: string): string => text.replace(new RegExp(UNSAFE.source, 'gu'), '');
