/** Days as people type them, and day arithmetic (the date field, the case layer). Apart from dates.ts so a page of gauges does not download them. Pure. */
import { EN_MONTHS, isRealDate } from './dates.js';

/**
 * Reads a day typed by a person: `1/7/2021`, `01-07-2021`, `01.07.2021` (day first, as in Vietnam and
 * Britain), `2021-07-01`, `1 Jul 2021`, `1 tháng 7 2021`. Returns the ISO date, or undefined when it is not
 * a real day (31/02, 2021-13-01, text).
 */
export function parseDate(text: string): string | undefined {
  const s = String(text ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  let y: number, mo: number, d: number;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) [y, mo, d] = [+m[1], +m[2], +m[3]];
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) [d, mo, y] = [+m[1], +m[2], +m[3]];
  else if ((m = /^(\d{1,2}) (?:tháng |thg )?(\d{1,2})[ ,/]+(\d{4})$/.exec(s))) [d, mo, y] = [+m[1], +m[2], +m[3]];
  else if ((m = /^(\d{1,2}) ([a-z]{3})[a-z]*\.?,? (\d{4})$/.exec(s))) {
    const i = EN_MONTHS.findIndex((n) => n.toLowerCase() === m![2]);
    if (i < 0) return undefined;
    [d, mo, y] = [+m[1], i + 1, +m[3]];
  } else return undefined;
  if (!isRealDate(y, mo, d)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An ISO date moved by `days` (negative: back). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
