/**
 * One CSV cell: quoted when it holds a comma, quote or line break; text that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe, as OWASP advises for CSV injection.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutralise(String(value));
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const neutralise = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** A CSV line from its cells. */
export const csvLine = (cells: readonly unknown[]): string => cells.map(csvCell).join(',');
