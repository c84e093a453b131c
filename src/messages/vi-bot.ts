/** Vietnamese channel chrome shared by the chat bots: the command menu, the generic apology, non-text and stale-button notes, flood control. */

/** One entry of the bot's command menu (Telegram setMyCommands): a lowercase command without "/" and its description. */
export type BotCommandText = { command: string; description: string };

/** The command menu shown next to the text box, in the order users see it. */
export const BOT_COMMANDS: readonly BotCommandText[] = [
  { command: 'hoi', description: 'Hỏi về kế hoạch: ai chủ trì, thời hạn, việc đến hạn' },
  { command: 'capnhat', description: 'Cập nhật tiến độ một nhiệm vụ' },
  { command: 'tiendo', description: 'Xem tiến độ một nhiệm vụ, ví dụ /tiendo 4' },
  { command: 'viec', description: 'Các nhiệm vụ của đơn vị bạn' },
  { command: 'quahan', description: 'Các nhiệm vụ đã quá hạn' },
  { command: 'digest', description: 'Bản tin tổng hợp tiến độ (lãnh đạo)' },
  { command: 'trogiup', description: 'Hướng dẫn sử dụng trợ lý' },
];

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
