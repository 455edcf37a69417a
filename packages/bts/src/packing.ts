/** Sites and villages as typed arrays, so they cross to a worker by transfer, not by a slow copy. Pure. */
import { TECHNOLOGIES, type Operator, type Polygonal, type Site, type CoverageOptions } from './coverage.js';

const OPERATOR_LIST: Operator[] = ['Viettel', 'VNPT', 'MobiFone', 'Vietnamobile', 'other'];
const FIELDS = 5; // lon, lat, radius_m (0 = default), azimuth (NaN = omni), beamwidth

export interface PackedSites {
  numbers: Float64Array;
  /** Per site: operator index (low 3 bits) and technology bits (2G = 8, 3G = 16, 4G = 32, 5G = 64). */
  flags: Uint8Array;
  /** The ids joined by U+0001: one string crosses threads as one copy, 100,000 strings would not. */
  ids: string;
}

export interface PackedVillages {
  coords: Float64Array;
  /** Joined by U+0001, as the site ids. */
  ids: string;
}

export interface CoverageRequest {
  id: number;
  sites: PackedSites;
  villages?: PackedVillages;
  areasUrl?: string;
  joinKey?: string;
  areas?: Array<{ code: string; geometry: Polygonal }>;
  packedAreas?: PackedAreas;
  options?: CoverageOptions;
  /** Also draw the coverage picture (see coverage-raster.ts). */
  raster?: { maxPx?: number; color?: string };
  /** Also the coverage of each operator alone. */
  perOperator?: boolean;
}

const SEP = '\u0001';

/**
 * Packs sites into typed arrays. With `yieldEvery`, gives the event loop back between slices, so packing
 * 100,000 sites never makes one long main-thread task.
 */
export async function packSitesAsync(sites: Site[], yieldEvery = 10000): Promise<PackedSites> {
  const numbers = new Float64Array(sites.length * FIELDS);
  const flags = new Uint8Array(sites.length);
  const ids: string[] = new Array(sites.length);
  for (let start = 0; start < sites.length; start += yieldEvery) {
    packRange(sites, numbers, flags, ids, start, Math.min(sites.length, start + yieldEvery));
    if (start + yieldEvery < sites.length) await new Promise((r) => setTimeout(r, 0));
  }
  return { numbers, flags, ids: ids.join(SEP) };
}

export function packSites(sites: Site[]): PackedSites {
  const numbers = new Float64Array(sites.length * FIELDS);
  const flags = new Uint8Array(sites.length);
  const ids: string[] = new Array(sites.length);
  packRange(sites, numbers, flags, ids, 0, sites.length);
  return { numbers, flags, ids: ids.join(SEP) };
}

function packRange(sites: Site[], numbers: Float64Array, flags: Uint8Array, ids: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const s = sites[i];
    ids[i] = s.id.includes(SEP) ? s.id.split(SEP).join('') : s.id;
    const k = i * FIELDS;
    numbers[k] = s.lon;
    numbers[k + 1] = s.lat;
    numbers[k + 2] = s.radius_m ?? 0;
    numbers[k + 3] = s.azimuth ?? NaN;
    numbers[k + 4] = s.beamwidth ?? NaN;
    let f = Math.max(0, OPERATOR_LIST.indexOf(s.operator));
    for (const t of s.tech) f |= 8 << TECHNOLOGIES.indexOf(t);
    flags[i] = f;
  }
}

export function unpackSites(p: PackedSites): Site[] {
  const ids = p.ids ? p.ids.split(SEP) : [];
  return ids.map((id, i) => {
    const [lon, lat, r, az, bw] = p.numbers.subarray(i * FIELDS, i * FIELDS + FIELDS);
    const f = p.flags[i];
    const site: Site = { id, lon, lat, operator: OPERATOR_LIST[f & 7] ?? 'other', tech: TECHNOLOGIES.filter((_, k) => f & (8 << k)) };
    if (r > 0) site.radius_m = r;
    if (Number.isFinite(az) && Number.isFinite(bw)) {
      site.azimuth = az;
      site.beamwidth = bw;
    }
    return site;
  });
}

export function packVillages(villages: Array<{ id: string; lon: number; lat: number }>): PackedVillages {
  const coords = new Float64Array(villages.length * 2);
  villages.forEach((v, i) => coords.set([v.lon, v.lat], i * 2));
  return { coords, ids: villages.map((v) => v.id.split(SEP).join('')).join(SEP) };
}

export function unpackVillages(p: PackedVillages): Array<{ id: string; lon: number; lat: number }> {
  return (p.ids ? p.ids.split(SEP) : []).map((id, i) => ({ id, lon: p.coords[i * 2], lat: p.coords[i * 2 + 1] }));
}

/** Area polygons as flat typed arrays: 10,000 communes cross to the worker by transfer, not by a deep copy. */
export interface PackedAreas {
  /** Codes joined by U+0001. */
  codes: string;
  coords: Float64Array;
  /** Points per ring. */
  ringSizes: Uint32Array;
  /** Rings per polygon. */
  polyRings: Uint32Array;
  /** Polygons per area. */
  areaPolys: Uint32Array;
}

export function packAreas(areas: Array<{ code: string; geometry: Polygonal }>): PackedAreas {
  let points = 0, rings = 0, polys = 0;
  const list = areas.map((a) => (a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates));
  for (const ps of list) for (const p of ps) {
    polys++;
    for (const r of p) { rings++; points += r.length; }
  }
  const coords = new Float64Array(points * 2);
  const ringSizes = new Uint32Array(rings);
  const polyRings = new Uint32Array(polys);
  const areaPolys = new Uint32Array(areas.length);
  let c = 0, ri = 0, pi = 0;
  list.forEach((ps, ai) => {
    areaPolys[ai] = ps.length;
    for (const p of ps) {
      polyRings[pi++] = p.length;
      for (const r of p) {
        ringSizes[ri++] = r.length;
        for (const pt of r) { coords[c++] = pt[0]; coords[c++] = pt[1]; }
      }
    }
  });
  return { codes: areas.map((a) => a.code.split(SEP).join('')).join(SEP), coords, ringSizes, polyRings, areaPolys };
}

export function unpackAreas(p: PackedAreas): Array<{ code: string; geometry: Polygonal }> {
  const codes = p.codes ? p.codes.split(SEP) : [];
  let c = 0, ri = 0, pi = 0;
  return codes.map((code, ai) => {
    const polys: number[][][][] = [];
    for (let k = 0; k < p.areaPolys[ai]; k++) {
      const poly: number[][][] = [];
      for (let r = 0, n = p.polyRings[pi++]; r < n; r++) {
        const size = p.ringSizes[ri++];
        const ring: number[][] = new Array(size);
        for (let i = 0; i < size; i++, c += 2) ring[i] = [p.coords[c], p.coords[c + 1]];
        poly.push(ring);
      }
      polys.push(poly);
    }
    return { code, geometry: { type: 'MultiPolygon' as const, coordinates: polys } };
  });
}
