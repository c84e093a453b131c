import { STATUS_LIST } from './vi-progress.js';

/** The rules that help lines quote, passed in by the chat core (messages takes no values from tasks). */
export type HelpRules = {
  /** How long after an update `/hoantac` can still undo it (tasks' UNDO_WINDOW_MINUTES). */
  undoMinutes: number;
};

/** How one chat command is typed and shown. */
export type CommandText = {
  /** What follows "/" (lowercase ASCII letters, as Telegram's menu requires). */
  word: string;
  /** Other words that run it ("help" for "trogiup"). */
  aliases?: readonly string[];
  /**
   * Its entry in `/trogiup` (shown after "• "): one for everyone, one for a registered user and one for anyone else,
   * or one shown to admins only; none: the command is not listed there.
   */
  help?: string | { registered: string; guest: string } | { admin: string } | ((rules: HelpRules) => string);
  /** Its description in the command menu next to the text box (Telegram setMyCommands); none: not in the menu. */
  menu?: string;
};

/**
 * Every chat command, by an English id, in the order `/trogiup` and the menu list them. The chat core dispatches
 * exactly these (each id has a handler), `/trogiup` is made from `help` and the Telegram menu from `menu`.
 */
export const COMMANDS = {
  ask: {
    word: 'hoi',
    help: 'Hỏi về kế hoạch: gõ câu hỏi, hoặc /hoi <câu hỏi>',
    menu: 'Hỏi về kế hoạch: ai chủ trì, thời hạn, việc đến hạn',
  },
  update: {
    word: 'capnhat',
    help: `/capnhat <số> <trạng thái> [ghi chú] — cập nhật tiến độ; gửi /capnhat để được hướng dẫn từng bước\n  Trạng thái: ${STATUS_LIST}`,
    menu: 'Cập nhật tiến độ một nhiệm vụ',
  },
  undo: {
    word: 'hoantac',
    help: (rules: HelpRules) => `/hoantac — hoàn tác cập nhật vừa gửi (trong ${rules.undoMinutes} phút)`,
  },
  progress: {
    word: 'tiendo',
    help: '/tiendo <số> — tiến độ một nhiệm vụ',
    menu: 'Xem tiến độ một nhiệm vụ, ví dụ /tiendo 4',
  },
  unitTasks: { word: 'viec', help: '/viec — việc của đơn vị bạn', menu: 'Các nhiệm vụ của đơn vị bạn' },
  overdue: { word: 'quahan', help: '/quahan — nhiệm vụ quá hạn', menu: 'Các nhiệm vụ đã quá hạn' },
  digest: {
    word: 'digest',
    help: '/digest — bản tổng hợp tiến độ hôm nay',
    menu: 'Bản tin tổng hợp tiến độ (lãnh đạo)',
  },
  subscribe: { word: 'nhandigest', help: '/nhandigest — nhận bản tổng hợp mỗi sáng ngày làm việc' },
  unsubscribe: { word: 'tatdigest', help: '/tatdigest — dừng nhận bản tổng hợp' },
  report: { word: 'baocao', help: '/baocao [6thang|nam|quy] — báo cáo kết quả thực hiện (tệp Excel)' },
  figures: { word: 'solieu', help: '/solieu hoinghi 2026 tong=40 tructuyen=26 — báo số liệu cho các chỉ tiêu' },
  dashboard: {
    word: 'bangdieukhien',
    help: '/bangdieukhien — liên kết mở bảng điều khiển tiến độ (trang web, dùng một lần)',
    menu: 'Bảng điều khiển tiến độ trên trang web',
  },
  start: {
    word: 'start',
    help: {
      registered: '/start — xem bạn đã đăng ký với vai trò nào',
      guest: '/start <mã mời> — đăng ký để cập nhật tiến độ',
    },
  },
  addPlan: { word: 'themkehoach', help: { admin: '/themkehoach — thêm hoặc thay một kế hoạch (chỉ quản trị viên)' } },
  help: { word: 'trogiup', aliases: ['help'], menu: 'Hướng dẫn sử dụng trợ lý' },
} as const satisfies Record<string, CommandText>;

/** The id of a chat command (`update` for /capnhat). */
export type CommandId = keyof typeof COMMANDS;

/** Every command id, in the list's order. */
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

const textOf = (id: CommandId): CommandText => COMMANDS[id];

/** Every word that runs a command: its word and its aliases (`["trogiup", "help"]`). */
export const commandWords = (id: CommandId): string[] => [textOf(id).word, ...(textOf(id).aliases ?? [])];

/** Who asks for `/trogiup`: anyone not registered, a registered user, or an admin (who is registered too). */
export type HelpAudience = 'guest' | 'registered' | 'admin';

/** A command's entry in `/trogiup`, as fits who asks; undefined: not listed for them. */
export function helpLine(id: CommandId, audience: HelpAudience, rules: HelpRules): string | undefined {
  const help = textOf(id).help;
  if (help === undefined || typeof help === 'string') return help;
  if (typeof help === 'function') return help(rules);
  if ('admin' in help) return audience === 'admin' ? help.admin : undefined;
  return audience === 'guest' ? help.guest : help.registered;
}

/** `/trogiup`: every command's entry for who asks (the `/start` one by registration, `/themkehoach` for admins). */
export function helpText(audience: HelpAudience, rules: HelpRules): string {
  const entries = COMMAND_IDS.flatMap((id) => helpLine(id, audience, rules) ?? []);
  return ['Trợ lý 226 — những việc tôi làm được:', ...entries.map((e) => `• ${e}`)].join('\n');
}

/** One entry of the bot's command menu (Telegram setMyCommands): a lowercase command without "/" and its description. */
export type BotCommandText = { command: string; description: string };

/** The command menu shown next to the text box, in the order users see it: the listed commands with a `menu`. */
export const BOT_COMMANDS: readonly BotCommandText[] = COMMAND_IDS.flatMap((id) => {
  const { word, menu } = textOf(id);
  return menu === undefined ? [] : [{ command: word, description: menu }];
});
