/**
 * Relative widths of the task table's columns (in spreadsheet characters): STT narrow, the task and the notes wide.
 * Both the .xlsx and the .docx use them, so the two print alike.
 */
export const TASK_COLUMN_WIDTHS = [5, 45, 22, 14, 16, 40, 12];
/** Relative widths of the target table's columns: the subject wide, the figures narrow. */
export const TARGET_COLUMN_WIDTHS = [50, 20, 20, 20];
/** Relative widths of the per-unit table's columns: the unit wide, the four counts narrow. */
export const UNIT_COLUMN_WIDTHS = [50, 15, 15, 15, 15];
