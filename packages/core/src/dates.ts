/**
 * Calendar days as readers write and type them, Vietnamese first, whatever the browser's own locale. Pure.
 */

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A calendar day the way readers write it, whatever the browser's own locale: `01/07/2021` (vi, day first)
 * and `1 Jul 2021` (en: a month name, so no reader takes it for 7 January). Empty for anything that is not a
 * real ISO date (`2021-07-01`).
 */
export function formatDate(iso: string | undefined, lang = 'vi'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso ?? ''));
  if (!m || !isRealDate(+m[1], +m[2], +m[3])) return '';
  return String(lang).toLowerCase().startsWith('en') ? `${+m[3]} ${EN_MONTHS[+m[2] - 1]} ${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`;
}

function isRealDate(y: number, mo: number, d: number): boolean {
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1000 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

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
