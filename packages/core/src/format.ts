/**
 * Number formatting the way Vietnamese portals write it (vi-VN: `87,86 %`, `349.887`), with English
 * available. Pure: Intl only.
 */
import { comparePeriods } from './feed/period.js';

/** Non-breaking space: keeps `87,86` and `%` on one line. */
export const NBSP = '\u00a0';

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: string, decimals: number | undefined): Intl.NumberFormat {
  const locale = localeOf(lang);
  const key = `${locale}|${decimals ?? 'auto'}`;
  let f = formatters.get(key);
  if (!f) {
    // `decimals` is the most digits shown: published figures drop trailing zeros (34,1 %, not 34,10 %).
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: decimals ?? 2 });
    formatters.set(key, f);
  }
  return f;
}

/** `vi` → `vi-VN`, `en` → `en-GB` (day-month order and `.` decimals, as international portals use). */
export function localeOf(lang: string | undefined): string {
  return (lang ?? 'vi').toLowerCase().startsWith('en') ? 'en-GB' : 'vi-VN';
}

/** Whether the language is English (everything else is Vietnamese, the default). */
export function isEnglish(lang: string | undefined): boolean {
  return localeOf(lang) === 'en-GB';
}

/**
 * `349887` → `349.887` (vi) / `349,887` (en); at most `decimals` fraction digits (default 2). Non-finite
 * numbers give an empty string, never `NaN`.
 */
export function formatNumber(value: number, lang = 'vi', decimals?: number): string {
  if (!Number.isFinite(value)) return '';
  return numberFormat(lang, decimals).format(value);
}

/** `87.86, '%'` → `87,86 %` (vi) / `87.86%` (en); `1283, 'trạm'` → `1.283 trạm`. */
export function formatValue(value: number, unit: string | undefined, lang = 'vi', decimals?: number): string {
  const n = formatNumber(value, lang, decimals);
  if (!n || !unit) return n;
  if (unit === '%') return isEnglish(lang) ? `${n}%` : `${n}${NBSP}%`;
  return `${n}${NBSP}${unit}`;
}

/**
 * A change against the previous period: `▲ 13,28 điểm %` (vi) / `▲ 13.28 pp` (en) for rates, else in the
 * value's unit. Zero gives `■ 0`.
 */
export function formatDelta(delta: number, unit: string | undefined, lang = 'vi', decimals?: number): string {
  if (!Number.isFinite(delta)) return '';
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '■';
  const magnitude = Math.abs(delta);
  const unitText = unit === '%' ? (isEnglish(lang) ? 'pp' : 'điểm %') : unit;
  const n = formatNumber(magnitude, lang, decimals);
  return unitText ? `${arrow} ${n}${NBSP}${unitText}` : `${arrow} ${n}`;
}

/** Largest of a list of periods by {@link comparePeriods}. */
export function latestPeriod(periods: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const p of periods) if (best === undefined || comparePeriods(p, best) > 0) best = p;
  return best;
}

