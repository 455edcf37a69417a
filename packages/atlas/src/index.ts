/**
 * @chiso/atlas: Vietnam in the box. Every province and commune of the 2025 two-level units as quantized TopoJSON
 * (one file of communes per province, a national commune overview, the 34 provinces), the commune index and the
 * pre-2025 → 2025 commune crosswalk, under `data/` beside this module, with the MIT notices of their sources
 * (LICENSE-DATA.md). A map names them `vn:communes/25`, `vn:communes` or `vn:provinces`. Pure: no DOM.
 */

/** Credit for the boundaries, shown in every map drawn from them (the MIT licences and the official map ask for it). */
export const ATLAS_ATTRIBUTION = {
  vi: 'Ranh giới 2025: Bản đồ tra cứu ĐVHC Việt Nam (sapnhap.bando.com.vn); dữ liệu © Thang Le Quoc, dvhcvn (MIT)',
  en: '2025 boundaries: Vietnam administrative units map (sapnhap.bando.com.vn); data © Thang Le Quoc, dvhcvn (MIT)',
};

/** The 34 provinces of the 2025 units, by GSO code: each has a file of its communes. */
export const ATLAS_PROVINCES = ['01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37', '38', '40', '42', '44',
  '46', '48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91', '92', '96'];

/** What a `vn:` boundaries name asks for. */
export type AtlasSpec = { kind: 'provinces' } | { kind: 'communes'; province?: string };

/** Reads `vn:provinces`, `vn:communes` and `vn:communes/25` (a province's communes); null for anything else. */
export function parseAtlasSpec(text: string | null | undefined): AtlasSpec | null {
  const m = /^\s*vn:(provinces|communes)(?:\/(\d{1,2}))?\s*$/i.exec(String(text ?? ''));
  if (!m) return null;
  if (m[1].toLowerCase() === 'provinces') return m[2] ? null : { kind: 'provinces' };
  if (!m[2]) return { kind: 'communes' };
  const province = m[2].padStart(2, '0');
  return ATLAS_PROVINCES.includes(province) ? { kind: 'communes', province } : null;
}

/** Whether a boundaries value names the atlas (`vn:…`), valid or not. */
export const isAtlasName = (text: string | null | undefined): boolean => /^\s*vn:/i.test(String(text ?? ''));

/** The file of a spec, relative to the atlas folder. */
export function atlasFile(spec: AtlasSpec): string {
  if (spec.kind === 'provinces') return 'provinces.json';
  return spec.province ? `communes/${spec.province}.json` : 'communes.json';
}

// The folder holding the data, relative to this module: `data/` beside `src/` and `dist/`. The all-in-one bundle
// rewrites this to `atlas/` beside chiso.js (see rollup.config.mjs), so a portal copies one folder.
const DATA_DIR = '../data/';

/** Where the atlas files are when nothing says otherwise: beside this module (or beside chiso.js). */
export function defaultAtlasBase(): URL {
  return new URL(DATA_DIR, import.meta.url);
}

/** The URL of an atlas file (`provinces.json`, `communes/25.json`…) under `base` (default: beside this module). */
export function atlasUrl(file: string, base?: string | URL): URL {
  const root = base ? new URL(String(base).replace(/\/?$/, '/'), typeof document !== 'undefined' ? document.baseURI : undefined) : defaultAtlasBase();
  return new URL(file, root);
}

export * from './crosswalk.js';
export * from './communes.js';
export { loadCrosswalk, loadCommuneIndex } from './load.js';
