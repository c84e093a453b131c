import type { ReadWarning, WarningCode } from './schema.js';

/** What a warning is about: its code and the facts it names (a task number, a raw deadline, a file type, an error). */
export type WarningAbout = { code: WarningCode; subject?: string; detail?: string };

/** The English text of each warning, for the logs and the command line (chats render the code in Vietnamese). */
const ENGLISH: Record<WarningCode, (a: WarningAbout) => string> = {
  task_number_missing: (a) => `task number missing; read as task ${a.subject}`,
  row_before_task: () => 'table row without a task number before any task; skipped',
  deadline_unknown: (a) => `task ${a.subject}: deadline not understood: '${a.detail}'`,
  no_lead: (a) => `task ${a.subject}: no lead agency`,
  no_content: (a) => `task ${a.subject}: no content`,
  number_twice: (a) => `task number ${a.subject} used twice`,
  old_word: () => 'old Word format (.doc) is not read; open it in Word or LibreOffice and save it as .docx or PDF',
  old_excel: () => 'old Excel format (.xls) is not read; save it as .xlsx',
  rtf: () => 'RTF is not read; save it as .docx or PDF',
  odt: () => 'OpenDocument text is not read; save it as .docx or PDF',
  unknown_type: (a) => `files of type '${a.subject || 'none'}' are not read; save the plan as .docx or PDF`,
  same_name: (a) => `same name as ${a.subject}; only ${a.subject} is read (one plan per name: rename or remove one)`,
  appendix_unmatched: () =>
    'appendix of no plan in the folder: name it after its plan (e.g. KH-158-phu-luc.xlsx beside KH-158.pdf) or title it "Kèm theo Kế hoạch số …"',
  appendix_alone: () =>
    'an Excel file is read as the appendix of a plan: put it in the plans folder beside its plan (.docx or PDF), named after it or titled "Kèm theo Kế hoạch số …"',
  folder_unlisted: (a) => `could not list the folder: ${a.detail}`,
  unreadable: (a) => `could not read: ${a.detail}`,
  empty: () => 'file is empty',
  not_text: () => 'file is not UTF-8 text; skipped',
  bytes_replaced: (a) =>
    `some bytes are not valid text and were replaced (line ${a.subject}); check those lines against the original`,
  word_empty: () => 'the Word file has no text',
  excel_empty: () => 'the Excel file has no text',
  not_pdf: () => 'not a PDF file (it does not begin as one); export the plan again as PDF, or send the .docx',
  scan_no_ocr: () =>
    'this PDF is a scan (pictures of pages, no text layer); install tesseract-ocr, tesseract-ocr-vie and poppler-utils to read it by OCR, or ask for the .docx or a PDF exported from Word',
  scan_ocr_empty: () => 'this PDF is a scan (pictures of pages, no text layer); OCR found no text in it',
  scan_ocr: () =>
    'this PDF is a scan (pictures of pages, no text layer); read by OCR: check the reading (numbers, names and dates may be misread)',
  nothing_found: () => 'no task table and no numbered sections found',
  no_plan: () => 'no task, duty or numbered section was found',
};

/** A warning about `file` (at `line`, 0 when it is about the whole file), its English message made from what it is about. */
export function readWarning(file: string, line: number, about: WarningAbout): ReadWarning {
  return { file, line, message: ENGLISH[about.code](about), ...about };
}
