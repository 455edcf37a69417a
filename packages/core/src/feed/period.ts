/**
 * ISO-style periods as chiso feeds write them: `2021`, `2021-Q1`, `2021-05`, `2021-05-23`
 * (and `2021-W07`, `2021-H1` which publishers also use). Pure.
 */
export type PeriodGranularity = 'year' | 'half' | 'quarter' | 'month' | 'week' | 'day';

export interface ParsedPeriod {
  granularity: PeriodGranularity;
  /** Start of the period, UTC milliseconds: the sort key. */
  start: number;
  year: number;
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
      return new Date(p.start).toLocaleDateString(en ? 'en-GB' : 'vi-VN', {
        day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC',
      });
  }
}
