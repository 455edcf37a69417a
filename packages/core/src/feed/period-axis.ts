/**
 * Periods on a time axis (the trend, the case chart, the stat's sparkline): where a period starts and ends, its
 * short label, whether it is a part of a year. Apart from period.ts so a page of gauges does not download them. Pure.
 */
import { formatPeriod, parsePeriod } from './period.js';

/** Where a period starts and ends (UTC ms; the end is the start of the next period): for drawing periods on a time axis. */
export function periodBounds(period: string): [number, number] | null {
  const p = parsePeriod(period);
  if (!p) return null;
  if (p.span) return [p.start, p.span.end];
  const d = new Date(p.start);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  const end = { year: Date.UTC(y + 1, 0, 1), half: Date.UTC(y, m + 6, 1), quarter: Date.UTC(y, m + 3, 1), month: Date.UTC(y, m + 1, 1),
    week: Date.UTC(y, m, day + 7), day: Date.UTC(y, m, day + 1), span: p.start }[p.granularity];
  return [p.start, end];
}

/** A period in few characters, for an axis short of room: `Q4/25`, `5/21` (`May 21`), `T1–5/21`, `01/07`. */
export function formatPeriodShort(period: string, lang = 'vi'): string {
  const p = parsePeriod(period);
  if (!p) return period;
  const en = lang.startsWith('en');
  const yy = String(p.year).slice(2);
  const s = period.trim();
  const d = new Date(p.start);
  switch (p.granularity) {
    case 'year': return String(p.year);
    case 'half': return `H${s.match(/H(\d)/i)?.[1]}/${yy}`;
    case 'quarter': return `Q${s.match(/Q(\d)/i)?.[1]}/${yy}`;
    case 'week': return `W${s.match(/W(\d+)/i)?.[1]}/${yy}`;
    case 'month': return en ? `${d.toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' })} ${yy}` : `${d.getUTCMonth() + 1}/${yy}`;
    case 'day': return en ? d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }) : `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    case 'span': {
      const b = new Date(p.span!.end - 86400000);
      if (p.span!.unit === 'month' && b.getUTCFullYear() === p.year) {
        return en ? `${d.toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' })}–${b.toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' })} ${yy}`
          : `T${d.getUTCMonth() + 1}–${b.getUTCMonth() + 1}/${yy}`;
      }
      return formatPeriod(period, lang);
    }
  }
}

/** Whether a period is part of a year given as a span (`2021-01/2021-05`): never to be read as the whole year. */
export function isPartYear(period: string): boolean {
  return parsePeriod(period)?.granularity === 'span';
}
