/** Vietnamese text about adding plan files: the preview shown before storing, refusals, and notes to admins on reloads. */
import type { PlanUpload, PlanUploadError } from '../tasks/index.js';
import type { Plan, PlanRevision, ReadWarning, Task, WarningCode } from '../knowledge/index.js';
import { cutAtWord } from '../text/index.js';
import { formatDay, placeOf, planLabel } from './vi-progress.js';

/** What each reading warning says, in Vietnamese (the English of the logs is `ReadWarning.message`). */
const WARNING_TEXT: Record<WarningCode, (w: ReadWarning) => string> = {
  task_number_missing: (w) => `một dòng của bảng nhiệm vụ không có số thứ tự; đã đọc là nhiệm vụ ${w.subject}`,
  row_before_task: () => 'một dòng của bảng nhiệm vụ không có số thứ tự và đứng trước mọi nhiệm vụ; đã bỏ qua',
  deadline_unknown: (w) => `nhiệm vụ ${w.subject}: không hiểu thời hạn «${w.detail}»`,
  no_lead: (w) => `nhiệm vụ ${w.subject}: không ghi cơ quan chủ trì`,
  no_content: (w) => `nhiệm vụ ${w.subject}: không có nội dung`,
  number_twice: (w) => `số thứ tự ${w.subject} được dùng cho hai nhiệm vụ`,
  old_word: () => 'tệp Word cũ (.doc) không đọc được; mở bằng Word hoặc LibreOffice và lưu lại thành .docx hoặc PDF',
  old_excel: () => 'tệp Excel cũ (.xls) không đọc được; lưu lại thành .xlsx',
  rtf: () => 'tệp RTF không đọc được; lưu lại thành .docx hoặc PDF',
  odt: () => 'tệp OpenDocument (.odt) không đọc được; lưu lại thành .docx hoặc PDF',
  unknown_type: (w) => `không đọc loại tệp «${w.subject || 'không có đuôi'}»; hãy lưu kế hoạch thành .docx hoặc PDF`,
  same_name: (w) =>
    `trùng tên với ${w.subject}; chỉ đọc ${w.subject} (mỗi tên một kế hoạch: đổi tên hoặc bỏ bớt một tệp)`,
  appendix_unmatched: () =>
    'phụ lục không thuộc kế hoạch nào trong thư mục: đặt tên tệp theo kế hoạch (ví dụ KH-158-phu-luc.xlsx cạnh KH-158.pdf) hoặc ghi tiêu đề «Kèm theo Kế hoạch số …»',
  appendix_alone: () =>
    'tệp Excel được đọc như phụ lục của một kế hoạch: đặt tệp cạnh kế hoạch của nó (.docx hoặc PDF), đặt tên theo kế hoạch hoặc ghi tiêu đề «Kèm theo Kế hoạch số …»',
  folder_unlisted: (w) => `không mở được thư mục kế hoạch (${w.detail})`,
  unreadable: (w) => `không đọc được tệp (lỗi: ${w.detail})`,
  empty: () => 'tệp trống',
  not_text: () => 'tệp không phải văn bản (UTF-8); đã bỏ qua',
  bytes_replaced: (w) =>
    `một số ký tự không hợp lệ đã bị thay (dòng ${w.subject}); hãy đối chiếu các dòng này với bản gốc`,
  word_empty: () => 'tệp Word không có chữ',
  excel_empty: () => 'tệp Excel không có chữ',
  not_pdf: () =>
    'tệp không phải PDF (phần đầu tệp không đúng dạng PDF); hãy xuất lại kế hoạch ra PDF hoặc gửi tệp .docx',
  scan_no_ocr: () =>
    'tệp PDF là bản quét (ảnh chụp trang, không có lớp chữ); máy chủ chưa cài tesseract-ocr, tesseract-ocr-vie và poppler-utils để nhận dạng chữ. Hãy xin tệp .docx hoặc PDF xuất từ Word',
  scan_ocr_empty: () => 'tệp PDF là bản quét (ảnh chụp trang); nhận dạng chữ (OCR) không tìm thấy chữ nào',
  scan_ocr: () =>
    'tệp PDF là bản quét, đã đọc bằng nhận dạng chữ (OCR): hãy kiểm tra lại, số, tên và ngày có thể bị đọc sai',
  nothing_found: () => 'không tìm thấy bảng nhiệm vụ hay mục đánh số nào',
  no_plan: () => 'không tìm thấy nhiệm vụ, nhiệm vụ giao trong văn bản hay mục đánh số nào',
};

/** A reading warning in Vietnamese, with its file and line: "hue.md (dòng 12): nhiệm vụ 3: không ghi cơ quan chủ trì". */
export function readWarningText(w: ReadWarning): string {
  return `${w.file}${w.line > 0 ? ` (dòng ${w.line})` : ''}: ${WARNING_TEXT[w.code](w)}`;
}

/** How many tasks the preview lists. */
const FIRST_TASKS = 5;

const leadOf = (plan: Plan, i: number) => plan.tasks[i]!.lead.map((a) => a.name).join(', ') || 'không ghi';

/**
 * What was read from a plan file, shown before it is stored: number, place, date, signer, counts, the first tasks and
 * every warning; says when it replaces the plan of that id.
 */
export function planPreviewText(
  upload: Pick<PlanUpload, 'id' | 'fileName' | 'plan' | 'warnings' | 'replaces' | 'appendix'>,
): string {
  const { plan, warnings } = upload;
  const { meta } = plan;
  const signer = meta.signer ? `${meta.signer.capacity} ${meta.signer.name}`.trim() : 'không đọc được';
  const lines = [
    upload.appendix
      ? `Đã đọc phụ lục «${upload.fileName}» cùng kế hoạch của nó (mã kế hoạch: ${upload.id}):`
      : `Đã đọc tệp «${upload.fileName}» (mã kế hoạch: ${upload.id}):`,
    `• Số: ${meta.number ?? 'không ghi số'}`,
    `• Địa phương: ${placeOf(meta.locality) ?? 'không đọc được'}`,
    `• Ngày ban hành: ${meta.date ? formatDay(meta.date) : 'không đọc được'}`,
    `• Người ký: ${signer}`,
    `• ${plan.tasks.length} nhiệm vụ trong phụ lục, ${plan.duties.length} nhiệm vụ giao trong văn bản, ${plan.targets.length} chỉ tiêu`,
  ];
  if (plan.tasks.length > 0) lines.push(`Các nhiệm vụ đầu:`);
  plan.tasks.slice(0, FIRST_TASKS).forEach((t, i) => {
    lines.push(
      `${t.no}. ${cutAtWord(t.content, 70)} — Chủ trì: ${leadOf(plan, i)} · Hạn: ${t.deadline.raw || 'không ghi'}`,
    );
  });
  if (warnings.length > 0)
    lines.push(`Cảnh báo khi đọc (${warnings.length}):`, ...warnings.map((w) => `• ${readWarningText(w)}`));
  else lines.push('Không có cảnh báo khi đọc.');
  if (upload.appendix)
    lines.push(`Lưu ý: lưu phụ lục này sẽ cập nhật kế hoạch mã ${upload.id} (thay phụ lục đã gửi trước, nếu có).`);
  else if (upload.replaces) lines.push(`Lưu ý: đã có kế hoạch mã ${upload.id}; lưu tệp này sẽ thay bằng bản mới.`);
  return lines.join('\n');
}

/** The question and buttons under the preview. */
export const PLAN_UPLOAD = {
  confirm: 'Lưu và áp dụng kế hoạch này?',
  save: 'Lưu và áp dụng',
  cancel: 'Hủy',
  cancelled: 'Đã hủy, tệp kế hoạch không được lưu.',
  expired: 'Yêu cầu lưu kế hoạch này đã hết hạn. Bạn vui lòng gửi lại tệp.',
  adminsOnly:
    'Cảm ơn bạn đã gửi tệp. Chỉ quản trị viên mới thêm được kế hoạch; bạn vui lòng chuyển tệp này cho quản trị viên của đơn vị.',
  /** `/themkehoach` on Telegram. */
  howTo:
    'Gửi tệp kế hoạch vào cuộc trò chuyện này dưới dạng tệp đính kèm (📎). Tôi sẽ đọc, cho bạn xem lại những gì đọc được, và chỉ lưu khi bạn bấm «Lưu và áp dụng».',
  /** `/themkehoach` where files cannot be sent (Zalo, the terminal). */
  useCli:
    'Zalo chưa cho phép gửi tệp tới trợ lý, nên ở đây không thêm được kế hoạch. Quản trị viên thêm kế hoạch bằng lệnh trên máy chủ: npm run cli -- plans add <tệp> (hoặc gửi tệp cho trợ lý trên Telegram).',
} as const;

/** After storing: the plan is live. */
export const planStoredText = (plan: Plan, replaced: boolean): string =>
  `Đã lưu ${replaced ? 'bản mới của ' : ''}${planLabel(plan)} (mã ${plan.id}). Từ giờ trợ lý trả lời theo ${replaced ? 'bản này' : 'kế hoạch này'}.`;

const MB = 1024 * 1024;

/** Why a plan file was not taken. */
export function planUploadErrorText(error: PlanUploadError): string {
  const name = `«${error.fileName}»`;
  switch (error.code) {
    case 'unknown_type':
      return `Tệp ${name} không phải loại tệp kế hoạch tôi đọc được. Hãy gửi tệp ${error.extensions.join(', ')}. Tệp Word cũ (.doc): mở bằng Word, lưu lại thành .docx hoặc PDF rồi gửi lại.`;
    case 'too_large':
      return `Tệp ${name} lớn quá (tối đa ${Math.round(error.maxBytes / MB)} MB). Hãy gửi bản PDF hoặc .docx không kèm ảnh quét.`;
    case 'download_failed':
      return `Tôi chưa tải được tệp ${name}. Bạn vui lòng gửi lại sau ít phút.`;
    case 'unreadable':
      return [
        `Không đọc được kế hoạch từ tệp ${name}, nên tệp không được lưu. Lý do:`,
        ...error.reasons.map((r) => `• ${readWarningText(r)}`),
      ].join('\n');
    case 'exists':
      return `Đã có kế hoạch mã ${error.id}; tệp ${name} không được lưu đè. Gửi lại tệp và bấm «Lưu và áp dụng» nếu muốn thay bằng bản mới.`;
    case 'appendix_unmatched': {
      const known = error.plans.map((p) => (p.number ? `${p.id} (${p.number})` : p.id)).join(', ') || 'chưa có';
      return [
        `Tệp ${name} là phụ lục (Excel), nhưng tôi không tìm thấy kế hoạch của nó nên chưa lưu.`,
        'Phụ lục được gắn vào kế hoạch có số ghi ở tiêu đề (ví dụ «Kèm theo Kế hoạch số 158/KH-UBND…»), hoặc kế hoạch có mã là phần đầu tên tệp (ví dụ nhi-chieu-phu-luc.xlsx cho kế hoạch mã nhi-chieu).',
        `Các kế hoạch đang có: ${known}. Hãy gửi tệp kế hoạch trước, rồi gửi lại phụ lục.`,
      ].join('\n');
    }
    case 'write_failed':
      return `Không lưu được tệp ${name} vào thư mục kế hoạch trên máy chủ. Bạn vui lòng báo người quản lý máy chủ.`;
  }
}

/** To admins: a plan file changed on the server but could not be read. */
export function planReloadFailedText(
  fileName: string,
  reasons: readonly ReadWarning[],
  keptOld: string | null,
): string {
  const kept = keptOld
    ? `Trợ lý vẫn dùng bản cũ của kế hoạch mã ${keptOld} cho tới khi tệp được sửa.`
    : 'Kế hoạch trong tệp này chưa được áp dụng.';
  return [
    `Tệp kế hoạch «${fileName}» vừa thay đổi nhưng không đọc được. ${kept} Lý do:`,
    ...reasons.map((r) => `• ${readWarningText(r)}`),
  ].join('\n');
}

/** To the plan's leaders and the admins: what a new version of a plan changed in its tasks. */
export function planRevisionText(plan: Plan, revision: PlanRevision): string {
  const short = (t: Task) => `${t.no}. ${cutAtWord(t.content, 60)}`;
  const lead = (t: Task) => t.lead.map((a) => a.name).join(', ') || 'không ghi';
  const lines = [`${planLabel(plan)} (mã ${plan.id}) vừa có bản sửa đổi lần ${(plan.version ?? 2) - 1}.`];
  if (revision.added.length > 0)
    lines.push(`Nhiệm vụ mới (${revision.added.length}):`, ...revision.added.map((t) => `• ${short(t)}`));
  if (revision.removed.length > 0)
    lines.push(
      `Nhiệm vụ bỏ khỏi kế hoạch (${revision.removed.length}; lịch sử cập nhật vẫn được giữ, không còn nhắc hạn):`,
      ...revision.removed.map((t) => `• ${short(t)}`),
    );
  if (revision.renumbered.length > 0)
    lines.push(
      'Đổi số thứ tự (tiến độ đã cập nhật được giữ):',
      ...revision.renumbered.map((m) => `• ${m.before.no} → ${m.after.no}: ${cutAtWord(m.after.content, 50)}`),
    );
  if (revision.deadlineChanged.length > 0)
    lines.push(
      'Đổi thời hạn:',
      ...revision.deadlineChanged.map(
        (m) => `• ${m.after.no}: ${m.before.deadline.raw || 'không ghi'} → ${m.after.deadline.raw || 'không ghi'}`,
      ),
    );
  if (revision.leadChanged.length > 0)
    lines.push(
      'Đổi đơn vị chủ trì:',
      ...revision.leadChanged.map((m) => `• ${m.after.no}: ${lead(m.before)} → ${lead(m.after)}`),
    );
  return lines.join('\n');
}
