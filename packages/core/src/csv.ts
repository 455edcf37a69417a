/**
 * The data an element shows, as a CSV a spreadsheet opens with its Vietnamese intact: UTF-8 with a byte-order
 * mark (Excel reads Vietnamese correctly only then), comma separated, CRLF line ends (RFC 4180), figures as plain
 * numbers (`87.86`, `349887`: no thousands separator, a dot for decimals, so every spreadsheet and script reads
 * them as numbers), and the period and source on every row, so a row copied alone still says where it came from.
 * Feed text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is written as text. Pure: no DOM.
 */

/** A cell: text, a number, or empty (null, undefined). */
import { localize, type FeedSource } from './feed/model.js';

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

/** A source as two CSV cells: who published it (and where), and when it was updated; none without a source. */
export function csvSource(source: FeedSource | undefined, lang = 'vi'): { source?: string; updated?: string } {
  if (!source) return {};
  const name = [localize(source.name, lang), source.url].filter(Boolean).join(' — ');
  return { ...(name ? { source: name } : {}), ...(source.updated ? { updated: source.updated } : {}) };
}

/** Column names of the CSVs, in the element's language (Vietnamese first). */
const HEADERS = {
  vi: {
    area: 'Mã địa bàn', name: 'Tên', level: 'Cấp', tier: 'Cấp xử lý', indicator: 'Mã chỉ số', indicatorName: 'Chỉ số', series: 'Chuỗi số liệu',
    period: 'Kỳ', value: 'Giá trị', unit: 'Đơn vị', numerator: 'Tử số', denominator: 'Mẫu số', target: 'Mục tiêu', rank: 'Hạng',
    rankOf: 'Trong số', change: 'Thay đổi (bậc)', status: 'Tình trạng', count: 'Số lượng', deadline: 'Hạn', qualifier: 'Từ chỉnh',
    subject: 'Đơn vị', class: 'Nhóm', source: 'Nguồn', updated: 'Cập nhật',
    sites: 'Số trạm BTS', areaKm2: 'Diện tích (km²)', coveredKm2: 'Diện tích có sóng (km²)', coveragePct: 'Tỷ lệ diện tích có sóng (%)',
    villagesUncovered: 'Thôn chưa có sóng', villages: 'Tổng số thôn', date: 'Ngày', measure: 'Số đo', rate: 'Trên 100.000 dân', risk: 'Cấp độ dịch',
  },
  en: {
    area: 'Area code', name: 'Name', level: 'Level', tier: 'Tier', indicator: 'Indicator id', indicatorName: 'Indicator', series: 'Series',
    period: 'Period', value: 'Value', unit: 'Unit', numerator: 'Numerator', denominator: 'Denominator', target: 'Target', rank: 'Rank',
    rankOf: 'Of', change: 'Change (places)', status: 'Status', count: 'Count', deadline: 'Deadline', qualifier: 'Qualifier',
    subject: 'Unit', class: 'Class', source: 'Source', updated: 'Updated',
    sites: 'BTS sites', areaKm2: 'Area (km²)', coveredKm2: 'Area with signal (km²)', coveragePct: 'Area with signal (%)',
    villagesUncovered: 'Villages without signal', villages: 'Villages', date: 'Date', measure: 'Measure', rate: 'Per 100,000 people', risk: 'Risk level',
  },
};
export type CsvColumn = keyof typeof HEADERS.vi;

/** The headers of `columns` in `lang`. */
export function csvHeaders(columns: readonly CsvColumn[], lang = 'vi'): string[] {
  const h = lang.startsWith('en') ? HEADERS.en : HEADERS.vi;
  return columns.map((c) => h[c]);
}

/** Rows of records as a table: the columns present in any record, in the order given. */
export function csvOf(columns: readonly CsvColumn[], records: ReadonlyArray<Partial<Record<CsvColumn, CsvCell>>>, lang = 'vi'): string {
  const used = columns.filter((c) => records.some((r) => r[c] !== undefined && r[c] !== null && r[c] !== ''));
  return csvText({ columns: csvHeaders(used, lang), rows: records.map((r) => used.map((c) => r[c])) });
}
