/** Vietnamese text specific to the Zalo channel (no buttons there: choices are numbered); the shared chrome is in vi-bot.ts. */

/** The line above a numbered list of choices. */
export const ZALO_CHOICE_PROMPT = 'Trả lời bằng số trong ngoặc [ ] để chọn:';

/** One numbered choice: `zaloChoiceLine(2, "4. Ban hành văn bản")` → "[2] 4. Ban hành văn bản". */
export function zaloChoiceLine(number: number, label: string): string {
  return `[${number}] ${label}`;
}

/** A document that Zalo cannot carry: where to get it instead (a link when there is one). */
export function zaloDocumentNotice(fileName: string, url: string | undefined): string {
  return url
    ? `Tệp «${fileName}»: ${url}`
    : `Tệp «${fileName}» không gửi được qua Zalo. Bạn nhận tệp này qua Telegram hoặc bằng lệnh trên máy (terminal).`;
}
