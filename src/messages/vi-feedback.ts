/** Vietnamese texts of the feedback loop: the 👍/👎 on answers, their acknowledgement, the admins' weekly list. */
import { toIsoDay } from '../calendar/index.js';
import type { QuestionGroup, QuestionReport } from '../digest/index.js';
import type { FeedbackOutcome, Vote } from '../tasks/index.js';
import { cutAtWord } from '../text/index.js';
import { formatDay } from './vi-progress.js';

/** The two feedback buttons under an answer on Telegram. */
export const FEEDBACK_LABELS = { up: '👍 Hữu ích', down: '👎 Chưa đúng' } as const;

/** The line under an answer on Zalo, which has no buttons: a bare "1" or "2" right after it is the rating. */
export const ZALO_FEEDBACK_LINE = '(Gõ 1 nếu hữu ích, 2 nếu chưa đúng)';

/** The acknowledgement of a vote (a Telegram toast, a Zalo message). */
export function feedbackAckText(outcome: FeedbackOutcome, vote: Vote): string {
  switch (outcome) {
    case 'recorded':
      return vote === 'up'
        ? 'Cảm ơn bạn! Đã ghi nhận câu trả lời hữu ích.'
        : 'Cảm ơn bạn! Đã ghi nhận câu trả lời chưa đúng, quản trị viên sẽ xem lại.';
    case 'changed':
      return vote === 'up' ? 'Đã đổi đánh giá thành: hữu ích.' : 'Đã đổi đánh giá thành: chưa đúng.';
    case 'unchanged':
      return 'Bạn đã đánh giá câu trả lời này rồi.';
    case 'unknown_question':
      return 'Câu hỏi này không còn được lưu nên không ghi nhận được đánh giá.';
  }
}

const groupLine = (g: QuestionGroup, withDown: boolean): string => {
  const counts = [
    `${g.count} lượt`,
    ...(g.askers > 1 ? [`${g.askers} người hỏi`] : []),
    ...(withDown ? [`${g.down} 👎`] : []),
  ];
  return `• "${cutAtWord(g.text, QUESTION_CHARS)}" (${counts.join(', ')})`;
};

/** A question is shown at most this long in the weekly list. */
const QUESTION_CHARS = 120;

/**
 * The admins' weekly message: how many questions were asked, the top unanswered and the top rated 👎, each group of
 * questions worded alike with its counts, and where to see them all.
 */
export function renderQuestionReport(report: QuestionReport): string {
  const span = `${formatDay(toIsoDay(report.since))}–${formatDay(toIsoDay(new Date(report.until.getTime() - 1)))}`;
  const lines = [
    `📊 Câu hỏi của cán bộ tuần ${span}`,
    `Tổng số: ${report.total} câu hỏi; chưa trả lời được: ${report.unansweredTotal}; bị đánh giá chưa đúng: ${report.dislikedTotal}.`,
  ];
  if (report.total === 0) return [...lines, 'Tuần qua không có câu hỏi nào.'].join('\n');
  if (report.unanswered.length > 0)
    lines.push('', '❓ Chưa trả lời được nhiều nhất:', ...report.unanswered.map((g) => groupLine(g, false)));
  if (report.disliked.length > 0)
    lines.push('', '👎 Bị đánh giá chưa đúng nhiều nhất:', ...report.disliked.map((g) => groupLine(g, true)));
  lines.push('', 'Xem đầy đủ: npm run cli -- questions --since 7d');
  return lines.join('\n');
}
