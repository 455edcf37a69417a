/** Reading publishers' numbers and codes. Pure. */

/** Markers statistics offices use for "no value": `..` (PX-Web), `:` (Eurostat), `-`, `…`, empty. */
const MISSING = new Set(['', '.', '..', '...', '…', ':', '-', '–', '—', 'x', 'X', 'na', 'NA', 'n/a', 'N/A', 'null', 'NULL']);

/** Result of reading one cell: a number, a missing marker (`null`), or something that is not a number. */
export type NumberReading = { ok: true; value: number | null } | { ok: false };

/**
 * Reads a number written as a JSON number or as text. `decimalComma` reads `87,86` as 87.86 and
 * `349.887` as 349887 (vi-VN); without it `,` is a thousands separator only when the text is clearly so.
 */
export function readNumber(input: unknown, decimalComma = false): NumberReading {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input === 'number') return Number.isFinite(input) ? { ok: true, value: input } : { ok: false };
  if (typeof input !== 'string') return { ok: false };
  let s = input.trim().replace(/[\u00a0\u202f\s]/g, '');
  if (MISSING.has(s)) return { ok: true, value: null };
  s = s.replace(/%$/, '');
  if (decimalComma) {
    s = s.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  } else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
    s = s.replace(/,/g, '');
  } else if (/^-?\d+,\d+$/.test(s)) {
    s = s.replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return { ok: false };
  const n = Number(s);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
}

const LEVEL_DIGITS: Record<string, number> = { province: 2, district: 3, commune: 5 };

/**
 * Pads a numeric GSO code to its level's width: `8` → `08` (province), `4` with level district → `004`,
 * `8116` → `08116` (commune). Non-numeric keys come back trimmed.
 */
export function normalizeAreaCode(area: unknown, level?: string): string {
  const s = String(area ?? '').trim();
  if (!/^\d+$/.test(s)) return s;
  const width = (level && LEVEL_DIGITS[level]) || (s.length <= 2 ? 2 : s.length === 3 ? 3 : s.length <= 5 ? 5 : s.length);
  return s.length >= width ? s : s.padStart(width, '0');
}
