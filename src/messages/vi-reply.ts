/** Replies fitted to one phone message, the rest on request ("chi tiết"), and small talk. */
import type { Answer } from '../search/index.js';
import { answerCounts, renderAnswer } from './vi-answers.js';
import { cutAtWord } from '../text/index.js';

/** Longest reply sent at once: one Zalo message. */
export const MAX_MESSAGE_CHARS = 2000;

const moreHint = (left: number) => `\n\n… còn ${left} phần. Gõ "chi tiết" để xem tiếp.`;
const HINT_ROOM = moreHint(99).length;
const DETAIL_HINT = '\n\nGõ "chi tiết" để xem danh sách.';

/** Text cut into pieces of at most `max` characters at line ends (a longer line cut at a word). */
function split(text: string, max: number): string[] {
  const pages: string[] = [];
  let page = '';
  for (const line of text.split('\n')) {
    const piece = cutAtWord(line, max);
    if (page !== '' && page.length + 1 + piece.length > max) {
      pages.push(page.trimEnd());
      page = piece;
    } else page = page === '' ? piece : `${page}\n${piece}`;
  }
  if (page.trim() !== '') pages.push(page.trimEnd());
  return pages;
}

/** Pages each within `max`, every page but the last saying how many remain. */
function paged(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const pages = split(text, max - HINT_ROOM);
  return pages.map((p, i) => (i < pages.length - 1 ? p + moreHint(pages.length - 1 - i) : p));
}

/**
 * The reply to an answer as pages of one message each: the first is sent, the others on "chi tiết". A question asking
 * how many gets the counts first and the list on request; a long list starts with its counts.
 */
export function answerPages(answer: Answer, max = MAX_MESSAGE_CHARS): string[] {
  const full = renderAnswer(answer);
  const asked = answerCounts(answer, true);
  if (asked !== null) return [cutAtWord(asked, max - DETAIL_HINT.length) + DETAIL_HINT, ...paged(full, max)];
  if (full.length <= max) return [full];
  const counts = answerCounts(answer);
  return paged(counts === null ? full : `${counts}\n\n${full}`, max);
}

/** What a person says that is not a question about the plans. */
export type SmallTalk = 'greeting' | 'thanks' | 'who' | 'help' | 'bye';

const EXAMPLES = [
  '• Ai chủ trì nhiệm vụ 4?',
  '• Quý này có việc gì đến hạn?',
  '• Báo cáo định kỳ gửi trước ngày nào?',
].join('\n');

/** A short friendly reply to small talk, with example questions and /trogiup. */
export function smallTalkText(kind: SmallTalk): string {
  const ask = `Anh/chị có thể hỏi, ví dụ:\n${EXAMPLES}\nGõ /trogiup để xem các lệnh.`;
  switch (kind) {
    case 'greeting':
      return `Xin chào anh/chị! Tôi là Trợ lý 226, trả lời về các kế hoạch thực hiện Kết luận 226-KL/TW.\n${ask}`;
    case 'thanks':
      return `Không có gì ạ! Cần gì anh/chị cứ hỏi tiếp.\n${ask}`;
    case 'who':
      return `Tôi là Trợ lý 226: tôi trả lời từ các kế hoạch thực hiện Kết luận 226-KL/TW (nhiệm vụ, cơ quan chủ trì, thời hạn, chỉ tiêu, báo cáo) và theo dõi tiến độ.\n${ask}`;
    case 'help':
      return `Tôi giúp tra cứu nhiệm vụ, cơ quan chủ trì, phối hợp, thời hạn, chỉ tiêu, chế độ họp và báo cáo trong các kế hoạch, và ghi nhận tiến độ.\n${ask}`;
    case 'bye':
      return 'Chào anh/chị, chúc một ngày làm việc hiệu quả!';
  }
}

/** The reply to "chi tiết" when there is nothing more to show. */
export const NO_MORE_TEXT = 'Không còn phần nào nữa. Anh/chị hãy đặt câu hỏi mới, ví dụ: Ai chủ trì nhiệm vụ 4?';
