import { formatDate } from '../dates.js';

/**
 * ISO-style periods as chiso feeds write them: `2021`, `2021-Q1`, `2021-05`, `2021-05-23`
 * (and `2021-W07`, `2021-H1` which publishers also use), and part of a year as an ISO interval of months or
 * days: `2021-01/2021-05` (the first five months of 2021), `2023-01-01/2023-04-20`. Pure.
 */
export type PeriodGranularity = 'year' | 'half' | 'quarter' | 'month' | 'week' | 'day' | 'span';

export interface ParsedPeriod {
  granularity: PeriodGranularity;
  /** Start of the period, UTC milliseconds: the sort key. */
  start: number;
  year: number;
  /** A span (`2021-01/2021-05`): its unit, and the end of its last month or day (UTC ms, exclusive). */
  span?: { unit: 'month' | 'day'; end: number };
}

const PATTERNS: Array<[RegExp, PeriodGranularity, (m: RegExpMatchArray) => number]> = [
  [/^(\d{4})$/, 'year', (m) => Date.UTC(+m[1], 0, 1)],
  [/^(\d{4})-?H([12])$/i, 'half', (m) => Date.UTC(+m[1], (+m[2] - 1) * 6, 1)],
  [/^(\d{4})-?Q([1-4])$/i, 'quarter', (m) => Date.UTC(+m[1], (+m[2] - 1) * 3, 1)],
  [/^(\d{4})-?W(\d{2})$/i, 'week', (m) => Date.UTC(+m[1], 0, 1 + (+m[2] - 1) * 7)],
  [/^(\d{4})-(\d{2})$/, 'month', (m) => Date.UTC(+m[1], +m[2] - 1, 1)],
  [/^(\d{4})M(\d{2})$/, 'month', (m) => Date.UTC(+m[1], +m[2] - 1, 1)], // PX-Web style 2021M05
  [/^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/, 'day', (m) => Date.UTC(+m[1], +m[2] - 1, +m[3])],
];

/** Parses a period string, or returns null when it is not one. */
export function parsePeriod(text: string): ParsedPeriod | null {
  const s = String(text).trim();
  const slash = s.indexOf('/');
  if (slash > 0) return parseSpan(s.slice(0, slash), s.slice(slash + 1));
  for (const [re, granularity, start] of PATTERNS) {
    const m = s.match(re);
    if (m) {
      const year = +m[1];
      if (year < 1900 || year > 2200) return null;
      const t = start(m);
      if (!Number.isFinite(t)) return null;
      if (granularity === 'month' && (+m[2] < 1 || +m[2] > 12)) return null;
      if (granularity === 'day' && (+m[2] < 1 || +m[2] > 12 || +m[3] < 1 || +m[3] > 31)) return null;
      return { granularity, start: t, year };
    }
  }
  return null;
}

/** `2021-01/2021-05` or `2023-01-01/2023-04-20`: both ends months, or both days, in order. */
function parseSpan(a: string, b: string): ParsedPeriod | null {
  const from = parsePeriod(a);
  const to = parsePeriod(b);
  if (!from || !to || from.granularity !== to.granularity || (from.granularity !== 'month' && from.granularity !== 'day')) return null;
  if (to.start < from.start) return null;
  const unit = from.granularity;
  const d = new Date(to.start);
  const end = unit === 'month' ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : to.start + 86400000;
  return { granularity: 'span', start: from.start, year: from.year, span: { unit, end } };
}

/**
 * The same period one year earlier (`2021-01/2021-05` → `2020-01/2020-05`, `2021-Q2` → `2020-Q2`), to compare
 * a part of a year with the same part of the year before. Undefined when the period is not one chiso reads.
 */
export function sameTimeYearBefore(period: string): string | undefined {
  if (!parsePeriod(period)) return undefined;
  return period.trim().replace(/(^|\/)(\d{4})/g, (_, lead: string, y: string) => `${lead}${Number(y) - 1}`);
}

/** Orders periods chronologically; unparseable ones sort first, by text. */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (pa && pb) return pa.start - pb.start || a.localeCompare(b);
  if (pa) return 1;
  if (pb) return -1;
  return a.localeCompare(b);
}

/** Formats a period for people: `2021`, `Quý 1/2021`, `Tháng 5/2021`, `23/05/2021` (vi) or English. */
export function formatPeriod(period: string, lang = 'vi'): string {
  const p = parsePeriod(period);
  if (!p) return period;
  const en = lang.startsWith('en');
  const s = period.trim();
  const num = (re: RegExp) => +(s.match(re)?.[1] ?? 0);
  switch (p.granularity) {
    case 'span':
      return formatSpan(p, lang);
    case 'year':
      return String(p.year);
    case 'half': {
      const h = num(/H(\d)/i);
      return en ? `H${h} ${p.year}` : `6 tháng ${h === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    }
    case 'quarter': {
      const q = num(/Q(\d)/i);
      return en ? `Q${q} ${p.year}` : `Quý ${q}/${p.year}`;
    }
    case 'week': {
      const w = num(/W(\d+)/i);
      return en ? `Week ${w}, ${p.year}` : `Tuần ${w}/${p.year}`;
    }
    case 'month': {
      const d = new Date(p.start);
      const m = d.getUTCMonth() + 1;
      return en ? d.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }) : `Tháng ${m}/${p.year}`;
    }
    case 'day':
      return formatDate(new Date(p.start).toISOString(), lang);
  }
}

/** `5 tháng đầu năm 2021` / `Jan–May 2021`; `01/01/2023 – 20/04/2023` / `1 Jan – 20 Apr 2023`. */
function formatSpan(p: ParsedPeriod, lang: string): string {
  const en = lang.startsWith('en');
  const a = new Date(p.start);
  const b = new Date(p.span!.end - 86400000);
  const [ya, yb] = [a.getUTCFullYear(), b.getUTCFullYear()];
  const [ma, mb] = [a.getUTCMonth() + 1, b.getUTCMonth() + 1];
  const monthEn = (d: Date) => d.toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' });
  if (p.span!.unit === 'month') {
    if (ya === yb) {
      if (en) return ma === mb ? `${monthEn(a)} ${ya}` : `${monthEn(a)}–${monthEn(b)} ${ya}`;
      if (ma === 1 && mb < 12) return `${mb} tháng đầu năm ${ya}`;
      return ma === mb ? `Tháng ${ma}/${ya}` : `Tháng ${ma}–${mb}/${ya}`;
    }
    return en ? `${monthEn(a)} ${ya} – ${monthEn(b)} ${yb}` : `Tháng ${ma}/${ya} – tháng ${mb}/${yb}`;
  }
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  if (en && ya === yb) return `${formatDate(iso(a), 'en').replace(/ \d{4}$/, '')} – ${formatDate(iso(b), 'en')}`;
  return `${formatDate(iso(a), lang)} – ${formatDate(iso(b), lang)}`;
}
