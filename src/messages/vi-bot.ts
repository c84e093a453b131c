/** Vietnamese channel chrome shared by the chat bots: the generic apology, non-text and stale-button notes, flood control. */

/** Ends a reply cut because it was too long for the chat. */
export const replyCutText =
  '(Nội dung quá dài nên đã được rút gọn. Hãy hỏi cụ thể hơn, ví dụ: Nhiệm vụ 4 do ai chủ trì? hoặc /tiendo 4)';

/** Reply when handling a message failed unexpectedly. */
export const BOT_APOLOGY = 'Xin lỗi, trợ lý đang gặp sự cố khi xử lý tin nhắn này. Bạn vui lòng thử lại sau ít phút.';

/** Reply to a photo, sticker, voice or other message without text. */
export const BOT_TEXT_ONLY =
  'Trợ lý chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu hỏi hoặc nội dung cập nhật bằng chữ.';

/** Notice shown when a pressed button is no longer known (e.g. after a restart). */
export const BOT_BUTTON_EXPIRED = 'Nút này đã hết hạn. Bạn vui lòng gửi lại yêu cầu.';

/** Flood control: told once per window to a person sending faster than the assistant takes messages. */
export const BOT_TOO_FAST = 'Bạn gửi nhanh quá, vui lòng chờ ít giây rồi gửi lại.';
