/** Vietnamese text for registration, progress updates and progress reading. */
import { cutAtWord } from '../text/index.js';
import { shareLine, sharesLines } from './vi-units.js';
import { toClockTime, toIsoDay } from '../calendar/index.js';
import type { Plan, PlanMeta, Task, TrackedItem } from '../knowledge/index.js';
import type {
  InviteError,
  InviteRecord,
  ProgressStatus,
  ResolveError,
  Role,
  TaskState,
  UpdateError,
  UpdateRecord,
  UserRecord,
} from '../tasks/index.js';

/** The statuses an update may give, as `/capnhat` and `/trogiup` show them. */
export const STATUS_LIST = 'chưa thực hiện, đang thực hiện [60%], hoàn thành (hoặc xong), vướng mắc <lý do>';
const SYNTAX = 'Cú pháp: /capnhat <số nhiệm vụ> <trạng thái> [ghi chú]';

/** What a person typed, made safe to quote back: at most 30 characters, control characters shown as "?". */
const typed = (s: string): string => {
  const chars = [...s];
  return (chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : s).replace(/[\u0000-\u001F\u007F-\u009F]/g, '?');
};

/** The place a plan is for, as replies name it: "phường Nhị Chiểu" ("An Bình" when only the place name was read); null without a locality. */
export function placeOf(locality: PlanMeta['locality']): string | null {
  return locality ? `${locality.level} ${locality.name}`.trim() : null;
}

/** "Kế hoạch 158/KH-UBND"; with the number left blank "Kế hoạch (chưa ghi số) của xã Đại Sơn" (the plan id without a place). */
export function planNameOf(number: string | null, place: string | null, id: string): string {
  if (number) return `Kế hoạch ${number}`;
  return place ? `Kế hoạch (chưa ghi số) của ${place}` : `Kế hoạch ${id}`;
}

export const planLabel = (plan: Plan): string => planNameOf(plan.meta.number, placeOf(plan.meta.locality), plan.id);

/** "10:05 01/06/2026" in Hanoi time. */
export function formatTime(date: Date): string {
  return `${toClockTime(date)} ${formatDay(toIsoDay(date))}`;
}

/** "01/06/2026" from an ISO day. */
export const formatDay = (day: string): string => day.split('-').reverse().join('/');

const ROLE: Record<Role, string> = { officer: 'chuyên viên', leader: 'lãnh đạo', admin: 'quản trị viên' };

/** Status names as users write them. */
export const STATUS_LABEL: Record<ProgressStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  blocked: 'Vướng mắc',
};

/** "Đang thực hiện 60%", "Hoàn thành", "Ghi chú" (a note without a status). */
export function statusText(status: ProgressStatus | null, percent: number | null): string {
  if (status === null) return 'Ghi chú';
  return status === 'in_progress' && percent !== null ? `${STATUS_LABEL[status]} ${percent}%` : STATUS_LABEL[status];
}

/** One line for a derived state: "Quá hạn 12 ngày", "Đang thực hiện 60% · còn 5 ngày". */
export function stateText(s: TaskState): string {
  const reported = s.status === null ? 'Chưa có báo cáo' : statusText(s.status, s.percent);
  switch (s.kind) {
    case 'done_on_time':
      return 'Hoàn thành đúng hạn';
    case 'done_late':
      return `Hoàn thành trễ ${s.daysLate} ngày`;
    case 'overdue':
      return `Quá hạn ${s.daysLate} ngày${s.status && s.status !== 'not_started' ? ` (${reported})` : ''}`;
    case 'due_soon':
      return `${reported} · sắp đến hạn, còn ${s.daysLeft} ngày`;
    case 'blocked':
      return `Vướng mắc: ${s.lastStatusUpdate?.note ?? ''}`;
    case 'in_progress':
    case 'not_started':
    case 'no_report':
      return reported;
  }
}

const example = (no: string) => `Ví dụ: /capnhat ${no} hoàn thành đã ban hành Công văn số 15/CV-VP`;

/** Why an update was refused, with a correct example (`no`: a task number the user may update). */
export function updateErrorText(error: UpdateError, no: string): string {
  switch (error.code) {
    case 'task_format':
      return `Không đọc được số nhiệm vụ «${error.given}».\n${SYNTAX}\n${example(no)}`;
    case 'status_missing':
      return `Thiếu trạng thái. Trạng thái: ${STATUS_LIST}.\nVí dụ: /capnhat ${no} đang thực hiện 60% đã dự thảo văn bản`;
    case 'unknown_status':
      return `Không hiểu trạng thái «${error.given}». Trạng thái: ${STATUS_LIST}.\n${example(no)}`;
    case 'percent_out_of_range':
      return `Tỷ lệ ${error.value}% không hợp lệ: chỉ từ 0% đến 100%.\nVí dụ: /capnhat ${no} đang thực hiện 60%`;
    case 'note_required':
      return error.status === 'blocked'
        ? `Trạng thái vướng mắc cần ghi rõ lý do.\nVí dụ: /capnhat ${no} vướng mắc chờ bố trí kinh phí`
        : `Ghi chú đang trống.\nVí dụ: /capnhat ${no} ghi chú đã gửi số liệu cho đơn vị chủ trì`;
    case 'note_too_long':
      return `Ghi chú dài ${error.length} ký tự, quá giới hạn ${error.max} ký tự. Hãy tóm tắt lại.\n${example(no)}`;
    case 'note_control_chars':
      return `Ghi chú có ký tự điều khiển không hiển thị được. Hãy gõ lại ghi chú.\n${example(no)}`;
    case 'unknown_task':
      return `${unknownTaskText(error.plan, error.no, error.items)}\n${example(no)}`;
    case 'unknown_plan':
      return `Chưa lưu cập nhật. ${readText.resolveError(error)}`;
    case 'plan_needed':
      return (
        `Chưa lưu cập nhật: chưa rõ nhiệm vụ ${error.no} thuộc kế hoạch nào. Hãy ghi kế hoạch trước số nhiệm vụ, ` +
        `ví dụ: /capnhat ${planHolding(error.plans, error.no)}#${error.no} đang thực hiện 50%.\n${planListText(error.plans)}`
      );
    case 'not_registered':
      return NOT_REGISTERED;
    case 'not_your_task':
      return `Nhiệm vụ ${error.task.no} do ${leadOf(error.task)} chủ trì; ${error.unit ? `đơn vị bạn (${error.unit})` : 'bạn'} không được cập nhật nhiệm vụ này.\nXem việc của đơn vị bạn: /viec`;
    case 'note_only':
      return `Đơn vị bạn phối hợp thực hiện nhiệm vụ ${error.task.no} (do ${leadOf(error.task)} chủ trì) nên chỉ được thêm ghi chú, không đổi trạng thái.\nVí dụ: /capnhat ${error.task.no} ghi chú đã gửi số liệu cho đơn vị chủ trì`;
  }
}

/**
 * "Không có nhiệm vụ số 25. Kế hoạch 158/KH-UBND có 19 nhiệm vụ (số 1 đến 19) và 35 nhiệm vụ giao trong văn bản (mục
 * II.1.a đến IV.4)."
 */
export function unknownTaskText(plan: Plan, no: string, items: readonly TrackedItem[]): string {
  const range = (list: readonly TrackedItem[], word: string) =>
    list.length > 0 ? ` (${word} ${list[0]!.no}${list.length > 1 ? ` đến ${list.at(-1)!.no}` : ''})` : '';
  const tasks = items.filter((t) => t.source === 'appendix');
  const duties = items.filter((t) => t.source === 'body');
  const counts = [
    ...(tasks.length > 0 || duties.length === 0 ? [`${tasks.length} nhiệm vụ${range(tasks, 'số')}`] : []),
    ...(duties.length > 0 ? [`${duties.length} nhiệm vụ giao trong văn bản${range(duties, 'mục')}`] : []),
  ];
  return `Không có nhiệm vụ số ${no}. ${planLabel(plan)} có ${counts.join(' và ')}.`;
}

const leadOf = (task: Task) => task.lead.map((a) => a.name).join(', ') || task.leadRaw || 'đơn vị khác';

/** "Các kế hoạch: dai-son (xã Đại Sơn), hue (thành phố Huế), nhi-chieu (phường Nhị Chiểu)." */
export function planListText(plans: Plan[]): string {
  const item = (p: Plan) => `${p.id} (${placeOf(p.meta.locality) ?? planLabel(p)})`;
  return `Các kế hoạch: ${plans.map(item).join(', ')}.`;
}

/** The id of a plan that has task `no` (the first plan when none has), for an example that works as written. */
const planHolding = (plans: Plan[], no: string): string =>
  (plans.find((p) => p.tasks.some((t) => t.no === no)) ?? plans[0])?.id ?? 'ke-hoach';

/**
 * Asks an admin, who works on every plan, which plan a command is for: `example(id)` is the command as it would be
 * typed ("/viec nhi-chieu"). The plan named is remembered for the next commands.
 */
export function choosePlanText(example: (planId: string) => string, plans: Plan[]): string {
  return (
    `Bạn là quản trị viên, theo dõi mọi kế hoạch: hãy ghi kế hoạch sau lệnh, ví dụ: ${example(plans[0]?.id ?? 'ke-hoach')} ` +
    `(kế hoạch ghi lần gần nhất được dùng cho các lệnh sau).\n${planListText(plans)}`
  );
}

/** Told to anyone not registered who tries to update. */
export const NOT_REGISTERED =
  'Bạn chưa đăng ký nên chưa thể cập nhật tiến độ. Bạn vẫn có thể hỏi về kế hoạch, ví dụ: /hoi Nhiệm vụ 4 do ai chủ trì?\n' +
  'Để đăng ký, xin quản trị viên một mã mời rồi gửi: /start MÃ_MỜI';

/** Why an invite code was refused. */
export function inviteErrorText(
  error: InviteError | { code: 'invite_missing' } | { code: 'invite_paused'; until: Date },
  code: string,
): string {
  switch (error.code) {
    case 'invite_paused':
      return `Bạn đã nhập sai mã mời nhiều lần. Vui lòng thử lại sau ${formatTime(error.until)} hoặc liên hệ quản trị viên.`;
    case 'invite_missing':
      return 'Để đăng ký, gửi /start kèm mã mời do quản trị viên cấp, ví dụ: /start K7QX2M9P';
    case 'invite_unknown':
      return `Mã mời «${typed(code)}» không đúng. Kiểm tra lại mã (ví dụ: /start K7QX2M9P) hoặc xin quản trị viên mã mới.`;
    case 'invite_used':
      return 'Mã mời này đã được dùng. Mỗi mã chỉ dùng được một lần; xin quản trị viên cấp mã mới.';
    case 'invite_expired':
      return `Mã mời này đã hết hạn lúc ${formatTime(error.expiresAt)}. Xin quản trị viên cấp mã mới.`;
  }
}

/** Who a user is: "chuyên viên Phòng Văn hóa - Xã hội, Kế hoạch 158/KH-UBND". */
export function profileText(user: Pick<UserRecord, 'role' | 'unit' | 'plan'>, plan: Plan | undefined): string {
  const where = [user.unit, plan ? planLabel(plan) : user.plan].filter(Boolean).join(', ');
  return `${ROLE[user.role]}${where ? ` ${where}` : ''}`;
}

/** `/start` from someone already registered. */
export const registeredText = (user: UserRecord, plan: Plan | undefined): string =>
  `Bạn đã đăng ký là ${profileText(user, plan)}.`;

/** The welcome after `/start CODE`. */
export function welcomeText(user: UserRecord, plan: Plan | undefined, no: string): string {
  // Only an officer has a unit whose tasks /viec lists; a leader or admin follows the whole plan.
  const next = user.unit
    ? 'Xem việc của đơn vị: /viec · Trợ giúp: /trogiup'
    : `Xem tiến độ một nhiệm vụ: /tiendo ${no} · Việc quá hạn: /quahan · Trợ giúp: /trogiup`;
  return `Chào ${user.name}! Bạn đã đăng ký là ${profileText(user, plan)}.\n${example(no)}\n${next}`;
}

/** How an admin who took another role gets the admin role back (README: "Registering and updating progress"). */
const ADMIN_BACK =
  'Để làm quản trị viên lại: trên máy chủ chạy npm run cli -- invite --role admin, rồi gửi /start <mã vừa cấp>.';

/** `/start CODE` by an admin with an officer's or a leader's code: asked before the admin role is given up. */
export const adminRoleText = {
  confirmDrop: (code: string, invite: InviteRecord, plan: Plan | undefined): string =>
    [
      `Bạn đang là quản trị viên. Mã mời «${typed(code)}» dành cho ${profileText(invite, plan)}: nếu dùng mã này, bạn sẽ thôi là quản trị viên.`,
      'Chưa đổi gì. Mã mời thường để gửi cho người được mời dùng trên Telegram hoặc Zalo của họ.',
      `Nếu vẫn muốn đổi vai trò, gửi: /start ${typed(code)} đồng ý`,
      ADMIN_BACK,
    ].join('\n'),
  dropped: `Bạn không còn là quản trị viên. ${ADMIN_BACK}`,
};

/** Echo of what was stored, and how to undo it. */
export function storedText(u: UpdateRecord, plan: Plan, undoMinutes: number, duplicate = false): string {
  const head = duplicate ? 'Cập nhật này đã được lưu trước đó (không lưu thêm lần nữa):' : 'Đã lưu cập nhật:';
  return [
    head,
    `• Nhiệm vụ ${u.task} (${planLabel(plan)}${u.trackingYear ? `, năm ${u.trackingYear}` : ''})`,
    ...(u.unit ? [shareLine(u.unit)] : []),
    `• Trạng thái: ${statusText(u.status, u.percent)}`,
    ...(u.note ? [`• Ghi chú: ${u.note}`] : []),
    `• Lúc: ${formatTime(u.createdAt)}`,
    `Nếu nhầm, gửi /hoantac trong ${undoMinutes} phút để hoàn tác.`,
  ].join('\n');
}

/** Reply to a message delivered again after it was applied (an update, or an undo). */
export function duplicateText(u: UpdateRecord, plan: Plan | undefined, undoMinutes: number): string {
  if (u.reverts !== null || !plan) return 'Yêu cầu này đã được thực hiện trước đó; không thực hiện lại.';
  return storedText(u, plan, undoMinutes, true);
}

/** Replies of `/hoantac`. */
export const undoText = {
  done: (u: UpdateRecord, now: string) =>
    `Đã hoàn tác cập nhật nhiệm vụ ${u.task} lúc ${formatTime(u.createdAt)} (${statusText(u.status, u.percent)}). Tình trạng hiện tại: ${now}.`,
  nothing: 'Bạn chưa có cập nhật nào để hoàn tác.',
  tooOld: (u: UpdateRecord, undoMinutes: number) =>
    `Cập nhật gần nhất của bạn (nhiệm vụ ${u.task} lúc ${formatTime(u.createdAt)}) đã quá ${undoMinutes} phút nên không hoàn tác được. ` +
    `Hãy gửi cập nhật mới, ví dụ: /capnhat ${u.task} đang thực hiện 50%`,
};

/** Prompts and buttons of the guided update and of the yes/no confirmation. */
export const guideText = {
  pickTask: 'Chọn nhiệm vụ cần cập nhật:',
  /** One button of the task choice: "4. Ban hành…", "Mục IV.2.b: Chủ trì…"; `ref` is "hue#4" when several plans are shown. */
  taskChoice: (task: TrackedItem, ref: string) => `${listRef(task, ref)} ${cutAtWord(task.content, 48)}`,
  noTasks: (plan: Plan | undefined) =>
    `Đơn vị bạn không chủ trì hay phối hợp nhiệm vụ nào${plan ? ` trong ${planLabel(plan)}` : ''}.`,
  pickStatus: (task: TrackedItem) => `${itemName(task)}: ${cutAtWord(task.content, 120)}\nChọn trạng thái:`,
  noteOnlyChoice: 'Chỉ thêm ghi chú',
  askNote: (status: ProgressStatus | null) =>
    status === 'blocked'
      ? 'Nhập lý do vướng mắc:'
      : status === null
        ? 'Nhập ghi chú:'
        : `Nhập ghi chú (kết quả, văn bản đã ban hành...)${status === 'in_progress' ? '; có thể ghi tỷ lệ ở đầu, ví dụ: 60% đã dự thảo văn bản' : ''}, hoặc chọn Bỏ qua:`,
  skip: 'Bỏ qua',
  confirm: (task: TrackedItem, plan: Plan, status: ProgressStatus | null, percent: number | null, note: string) =>
    [
      'Lưu cập nhật này?',
      `• ${itemName(task)} (${planLabel(plan)}): ${cutAtWord(task.content, 60)}`,
      `• Trạng thái: ${statusText(status, percent)}`,
      ...(note ? [`• Ghi chú: ${note}`] : []),
    ].join('\n'),
  yes: 'Có, lưu',
  no: 'Không',
  cancelled: 'Đã hủy, không lưu gì.',
  stale: 'Lựa chọn này đã hết hiệu lực. Gửi /capnhat để bắt đầu lại.',
};

/** Replies of `/tiendo`, `/viec`, `/quahan`. */
export const readText = {
  tiendoUsage: 'Cú pháp: /tiendo <số nhiệm vụ>, ví dụ: /tiendo 4',
  task: (s: TaskState, plan: Plan) =>
    [
      `${itemName(s.task)} (${planLabel(plan)}${s.trackingYear ? `, năm ${s.trackingYear}` : ''}): ${s.task.content}`,
      `Chủ trì: ${leadOf(s.task)} · Thời hạn: ${s.task.deadline.raw || 'không ghi'}`,
      `Tình trạng: ${stateText(s)}`,
      ...(s.shares ? sharesLines(s.shares) : []),
      ...(s.history.length === 0
        ? ['Chưa có cập nhật nào.']
        : ['Cập nhật gần đây:', ...s.history.slice(-5).reverse().map(historyLine)]),
    ].join('\n'),
  unitTasks: (title: string, states: TaskState[]) =>
    states.length === 0 ? `${title}\nKhông có nhiệm vụ nào.` : [title, ...states.map(stateLine)].join('\n'),
  mine: (user: UserRecord, plan: Plan) =>
    user.unit ? `Việc của ${user.unit} (${planLabel(plan)}):` : `Các nhiệm vụ của ${planLabel(plan)}:`,
  needPlan: 'Bạn chưa đăng ký với kế hoạch nào. Gửi /start MÃ_MỜI để đăng ký, hoặc hỏi: /hoi Nhiệm vụ 4 do ai chủ trì?',
  resolveError: (error: ResolveError): string => {
    switch (error.code) {
      case 'unknown_task':
        return `${unknownTaskText(error.plan, error.no, error.items)}\nVí dụ: /tiendo ${error.items[0]?.no ?? '1'}`;
      case 'unknown_plan':
        return `Không có kế hoạch «${typed(error.given)}». ${planListText(error.plans)}`;
      case 'plan_needed':
        return `Hãy ghi kế hoạch trước số nhiệm vụ, ví dụ: /tiendo ${planHolding(error.plans, error.no)}#${error.no}.\n${planListText(error.plans)}`;
    }
  },
  overdueTitle: (plan: Plan) => `Nhiệm vụ quá hạn của ${planLabel(plan)}:`,
  noneOverdue: (plan: Plan) => `${planLabel(plan)}: không có nhiệm vụ nào quá hạn.`,
};

/** An item as lists name it: "4." for an appendix task, "Mục IV.2.b:" for a body duty; `ref` overrides its number ("hue#4"). */
const listRef = (t: TrackedItem, ref = t.no) => (t.source === 'body' ? `Mục ${ref}:` : `${ref}.`);
/** An item as a heading names it: "Nhiệm vụ 4", "Mục IV.2.b". */
const itemName = (t: TrackedItem) => `${t.source === 'body' ? 'Mục' : 'Nhiệm vụ'} ${t.no}`;

const historyLine = (u: UpdateRecord) =>
  `• ${formatTime(u.createdAt)} — ${u.userName}${u.unit ? ` (${u.unit})` : ''}: ${statusText(u.status, u.percent)}${u.note ? ` — ${u.note}` : ''}`;
const stateLine = (s: TaskState) =>
  `• ${listRef(s.task)} ${cutAtWord(s.task.content, 60)} — ${stateText(s)}${s.due ? ` (hạn ${formatDay(s.due)})` : s.task.deadline.raw ? ` (${s.task.deadline.raw})` : ''}`;

/** The name the local terminal user is registered under (the admin at the machine). */
export const LOCAL_ADMIN_NAME = 'Quản trị (máy này)';

/** First line of the terminal chat. */
export const TERMINAL_BANNER =
  'Trợ lý 226 (trò chuyện trên máy): gõ câu hỏi, hoặc /help để xem các lệnh; Ctrl+D để thoát.';

/** Reply to an empty line in the terminal chat. */
export const TERMINAL_EMPTY_LINE =
  'Hãy gõ câu hỏi, ví dụ: Nhiệm vụ 4 do ai chủ trì? — hoặc /help để xem các lệnh; Ctrl+D để thoát.';

/** Reply to a command nobody handles. */
export const unknownCommandText = (name: string) => `Không có lệnh /${typed(name)}. Gửi /trogiup để xem các lệnh.`;

/** Reply to `/hoi` with no question. */
export const askUsage = 'Cú pháp: /hoi <câu hỏi>, ví dụ: /hoi Nhiệm vụ 4 do ai chủ trì?';

/** Reply to a question longer than any real one (a pasted document). */
export const questionTooLongText = (length: number, max: number) =>
  `Câu hỏi dài ${length} ký tự, quá giới hạn ${max} ký tự. Hãy hỏi ngắn gọn, ví dụ: Nhiệm vụ 4 do ai chủ trì?`;
