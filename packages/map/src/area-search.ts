/**
 * Finding an area by name the way people type it: without diacritics ("tan hoa" finds "Tân Hòa"), with or
 * without its kind ("xa tan hoa", "Phường Âu Cơ", "p. au co"), old or new tone placement ("Hoà" and "Hòa"),
 * any case. Pure: no DOM, so Node tests it and a worker could run it.
 */

/** Kinds of administrative units as names start with them, longest first (so "thành phố" wins over "thành"). */
const KINDS = ['thanh pho', 'thi tran', 'thi xa', 'dac khu', 'phuong', 'quan', 'huyen', 'tinh', 'xa', 'tp', 'tx', 'tt', 'p', 'x'];

/** Lower case, no diacritics, đ as d, runs of anything but letters and digits as one space. */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The folded name without its kind ("xa tan hoa" → "tan hoa"); a name that is only a kind keeps it. */
export function withoutKind(folded: string): string {
  for (const k of KINDS) {
    if (folded.startsWith(`${k} `)) return folded.slice(k.length + 1);
  }
  return folded;
}

export interface SearchEntry {
  code: string;
  name: string;
  /** Folded, with its kind. */
  full: string;
  /** Folded, without its kind. */
  bare: string;
}

/** The names of a set of areas, folded once for searching. */
export function searchIndex(areas: Iterable<{ code: string; name: string }>): SearchEntry[] {
  return [...areas].map(({ code, name }) => {
    const full = foldName(name);
    return { code, name, full, bare: withoutKind(full) };
  });
}

/**
 * The areas whose name matches `query`, best first, at most `limit`: the whole name, then names starting with
 * it, then a word starting with it, then containing it; alphabetical within each. A GSO code finds its area.
 */
export function searchAreas(index: readonly SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const typed = foldName(query);
  // "xa luong" may be Xã Xá Lượng (the kind and a name starting with "xa"…) or "Lượng" typed with its kind: both
  // readings are scored, and the better one counts.
  const readings = [...new Set([typed, withoutKind(typed)])].filter(Boolean);
  if (!readings.length) return [];
  const scoreOf = (e: SearchEntry, q: string) => (e.code === q ? 0 : e.bare === q || e.full === q ? 1 : e.bare.startsWith(q) || e.full.startsWith(q) ? 2
    : ` ${e.bare}`.includes(` ${q}`) ? 3 : e.bare.includes(q) ? 4 : 9);
  const scored: Array<[number, SearchEntry]> = [];
  for (const e of index) {
    const score = Math.min(...readings.map((q) => scoreOf(e, q)));
    if (score < 9) scored.push([score, e]);
  }
  return scored.sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name, 'vi')).slice(0, limit).map(([, e]) => e);
}
