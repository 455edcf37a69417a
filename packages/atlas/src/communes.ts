/**
 * Finding a commune by its name, for feeds (CSV, CKAN) that carry commune names but no codes: with or without
 * diacritics and type prefixes ("Xã Tràng Đà", "trang da", "Phường Ba Đình"), in a province when one is given.
 * A name two communes share is reported with both, never guessed; a pre-2025 name is found through the
 * crosswalk, with the 2025 commune it became part of. Pure: the index and the crosswalk are passed in.
 */
import { nameKey } from '@chiso/core';
import type { Crosswalk } from './crosswalk.js';

export interface CommuneEntry {
  code: string;
  provinceCode: string;
  name: string;
  /** `Xã`, `Phường` or `Đặc khu` (2025); the old types are read from old names. */
  type: string;
}

export interface CommuneIndex {
  entries: CommuneEntry[];
  byKey: Map<string, CommuneEntry[]>;
  byCode: Map<string, CommuneEntry>;
}

/** Reads `data/index.json` (`{ columns, rows }`). */
export function readCommuneIndex(json: { columns: string[]; rows: string[][] }): CommuneIndex {
  const at = (n: string) => json.columns.indexOf(n);
  const [c, p, n, t] = ['code', 'provinceCode', 'name', 'type'].map(at);
  const entries = json.rows.map((r) => ({ code: r[c], provinceCode: r[p], name: r[n], type: r[t] }));
  const byKey = new Map<string, CommuneEntry[]>();
  for (const e of entries) byKey.set(communeKey(e.name).key, [...(byKey.get(communeKey(e.name).key) ?? []), e]);
  return { entries, byKey, byCode: new Map(entries.map((e) => [e.code, e])) };
}

/** Type words before (Vietnamese) or after (English) a commune's name, without diacritics. */
const TYPES: Array<[string[], string]> = [
  [['xa', 'commune'], 'Xã'], [['phuong', 'ward'], 'Phường'], [['thi tran', 'township', 'town'], 'Thị trấn'], [['dac khu', 'special zone'], 'Đặc khu'],
];

/**
 * A commune name reduced to what identifies it, and the type it was written with: "Phường Ba Đình" →
 * `{ key: 'badinh', type: 'Phường' }`; "trang da" → `{ key: 'trangda' }`.
 */
export function communeKey(name: string): { key: string; type?: string } {
  const plain = String(name ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().trim()
    .replace(/^(x\.|p\.|tt\.)\s*/, (m) => ({ 'x.': 'xa ', 'p.': 'phuong ', 'tt.': 'thi tran ' } as Record<string, string>)[m.trim()] ?? '');
  for (const [words, type] of TYPES) {
    for (const w of words) {
      if (plain.startsWith(`${w} `)) return { key: nameKey(plain.slice(w.length + 1)), type };
      if (plain.endsWith(` ${w}`)) return { key: nameKey(plain.slice(0, -w.length - 1)), type };
    }
  }
  return { key: nameKey(plain) };
}

export interface CommuneMatch {
  /** The one commune the name means, when it means one. */
  match?: CommuneEntry;
  /** Every commune the name could mean (more than one: ambiguous, reported, not guessed). */
  candidates: CommuneEntry[];
  /** A pre-2025 name: the old commune's code and the 2025 commune it became part of (several when it was split). */
  old?: { code: string; name: string; provinceCode: string; now: string[] };
}

/**
 * The 2025 commune a name means, in `province` when given (a GSO code, 2025 or pre-2025). A type written in the
 * name ("Phường Ba Đình") narrows it. Not found in 2025 and a crosswalk given: the pre-2025 commune of that name.
 */
export function matchCommune(name: string, index: CommuneIndex, options: { province?: string; crosswalk?: Crosswalk } = {}): CommuneMatch {
  const { key, type } = communeKey(name);
  if (!key) return { candidates: [] };
  const province = options.province ? String(options.province).padStart(2, '0') : undefined;
  let found = index.byKey.get(key) ?? [];
  if (type) {
    const typed = found.filter((e) => e.type === type);
    if (typed.length) found = typed;
  }
  if (province) {
    // A pre-2025 province code also narrows to the new province that took it in.
    const news = new Set([province, ...(options.crosswalk?.rows.filter((r) => r.oldProvinceCode === province).map((r) => r.newProvinceCode) ?? [])]);
    found = found.filter((e) => news.has(e.provinceCode));
  }
  if (found.length === 1) return { match: found[0], candidates: found };
  if (found.length > 1 || !options.crosswalk) return { candidates: found };
  // A name of the old units ("Xã Tràng Đà", now part of Phường Nông Tiến).
  const olds = options.crosswalk.rows.filter((r) => {
    const k = communeKey(r.oldName);
    return k.key === key && (!type || k.type === type) && (!province || r.oldProvinceCode === province || r.newProvinceCode === province);
  });
  const oldCodes = [...new Set(olds.map((r) => r.oldCode))];
  if (oldCodes.length !== 1) {
    return { candidates: [...new Set(olds.map((r) => index.byCode.get(r.newCode)).filter((e): e is CommuneEntry => !!e))] };
  }
  const rows = olds.filter((r) => r.oldCode === oldCodes[0]);
  const now = [...new Set(rows.map((r) => r.newCode))];
  const match = now.length === 1 ? index.byCode.get(now[0]) : undefined;
  return {
    ...(match ? { match } : {}),
    candidates: now.map((c) => index.byCode.get(c)).filter((e): e is CommuneEntry => !!e),
    old: { code: oldCodes[0], name: rows[0].oldName, provinceCode: rows[0].oldProvinceCode, now },
  };
}
