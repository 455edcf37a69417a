/**
 * Calendar days as readers write and type them, Vietnamese first, whatever the browser's own locale. Pure.
 */

export const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

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

/**
 * A time as ISO text in Vietnam's time whatever the reader's clock (the feeds and their publishers are in UTC+7,
 * which has no summer time): its UTC fields are Vietnam's, "08:00" and the day. The text as given when it is
 * not a time.
 */
export function vietnamTime(t: number | string): string {
  const ms = new Date(t).getTime();
  return Number.isNaN(ms) ? String(t) : new Date(ms + 252e5).toISOString();
}

/** Whether y-m-d is a day of the calendar (not 31/02). */
export function isRealDate(y: number, mo: number, d: number): boolean {
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1000 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

