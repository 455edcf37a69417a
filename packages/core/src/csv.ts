/**
 * The data an element shows, as a CSV a spreadsheet opens with its Vietnamese intact: UTF-8 with a byte-order
 * mark (Excel reads Vietnamese correctly only then), comma separated, CRLF line ends (RFC 4180), figures as plain
 * numbers (`87.86`, `349887`: no thousands separator, a dot for decimals, so every spreadsheet and script reads
 * them as numbers), and the period and source on every row, so a row copied alone still says where it came from.
 * Feed text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is written as text. Pure: no DOM.
 */

/** A cell: text, a number, or empty (null, undefined). */
export type CsvCell = string | number | null | undefined;

export interface CsvTable {
  columns: string[];
  rows: CsvCell[][];
}

const FORMULA = /^[=+\-@\t\r]/;

function cell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  // Text a spreadsheet would take for a formula is kept as text (OWASP's CSV injection advice).
  const text = FORMULA.test(v) && !/^[+-]?\d/.test(v) ? `'${v}` : v;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV text, with the byte-order mark. */
export function csvText(table: CsvTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name from a title: no diacritics, no spaces, at most 60 characters (`ty-le-ho-so-truc-tuyen.csv`). */
export function fileNameOf(title: string, ext: string): string {
  const base = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
  return `${base || 'chiso'}.${ext}`;
}
