/**
 * RFC 4180 CSV: every field quoted, quotes doubled, records ended by CRLF, so commas and line
 * breaks inside free text survive a round trip.
 *
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with = + - @, a tab
 * or a carriage return may be run as a formula when the file is opened in Excel or LibreOffice.
 * Such a cell is prefixed with a single quote, which spreadsheets show as text. The full-width
 * forms of = + - @ are treated alike, because some spreadsheet locales normalise them. Numbers
 * are written as they are: a number is never a formula, and -1 should stay a number.
 */

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Lists go in one cell, separated by "; " (categories, reasons). */
export const LIST_SEPARATOR = '; ';

export function csvText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = Array.isArray(value) ? value.map((v) => String(v ?? '')).join(LIST_SEPARATOR) : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: unknown): string {
  return `"${csvText(value).replace(/"/g, '""')}"`;
}

export function csvRecord(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
