/**
 * BTS sites as chiso reads them: technologies, operators (VinaPhone is VNPT), default cell radii, and the
 * reading of a sites file with every bad site reported and skipped. Pure (no DOM); the coverage maths in
 * `coverage.ts` (which re-exports all of this) works on what is read here.
 */

export type Technology = '2G' | '3G' | '4G' | '5G';
export const TECHNOLOGIES: Technology[] = ['2G', '3G', '4G', '5G'];
export type Operator = 'Viettel' | 'VNPT' | 'MobiFone' | 'Vietnamobile' | 'other';
export type Environment = 'rural' | 'urban';

/**
 * Default cell radius (metres) by technology: typical planning ranges for Vietnamese networks (2G on 900 MHz,
 * 3G on 2100 MHz, 4G on 1800 MHz, 5G on 3.5 GHz); rural sites reach further than urban ones. Override per
 * layer (`radius="4g:3000 5g:800"`) or per site (`radius_m`).
 */
export const DEFAULT_RADII: Record<Environment, Record<Technology, number>> = {
  rural: { '2G': 8000, '3G': 4000, '4G': 5000, '5G': 1000 },
  urban: { '2G': 2000, '3G': 1200, '4G': 1000, '5G': 300 },
};

export interface Site {
  id: string;
  lon: number;
  lat: number;
  operator: Operator;
  tech: Technology[];
  radius_m?: number;
  azimuth?: number;
  beamwidth?: number;
  since?: string;
}

export interface RejectedSite {
  id: string;
  reason: 'no-coordinates' | 'outside-vietnam' | 'unknown-tech' | 'bad-radius' | 'bad-sector';
}

/** Viet Nam with its islands, generously: a site outside this box is a data error. */
const VN_BOX = [102.0, 6.0, 118.5, 23.6];

const OPERATORS: Array<[RegExp, Operator]> = [
  [/viettel/i, 'Viettel'],
  [/vnpt|vinaphone/i, 'VNPT'],
  [/mobi\s*fone|mobifone/i, 'MobiFone'],
  [/vietnamobile|vnmobile/i, 'Vietnamobile'],
];

/** `"VinaPhone"` → `VNPT`, unknown names → `other`. */
export function normalizeOperator(name: unknown): Operator {
  const s = String(name ?? '');
  for (const [re, op] of OPERATORS) if (re.test(s)) return op;
  return 'other';
}

/** `"4G"`, `["2G","4G"]`, `"2G,4G"`, `"lte"` → technologies; undefined when any is unknown or none given. */
export function readTechnologies(input: unknown): Technology[] | undefined {
  const parts = Array.isArray(input) ? input : String(input ?? '').split(/[\s,;/+]+/);
  const out = new Set<Technology>();
  for (const p of parts) {
    const t = String(p).trim().toUpperCase().replace(/^LTE$/, '4G').replace(/^NR$/, '5G').replace(/^(GSM)$/, '2G').replace(/^(UMTS|WCDMA)$/, '3G');
    if (!t) continue;
    if (!(TECHNOLOGIES as string[]).includes(t)) return undefined;
    out.add(t as Technology);
  }
  return out.size ? TECHNOLOGIES.filter((t) => out.has(t)) : undefined;
}

const num = (v: unknown): number | undefined => {
  if (v == null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
  return Number.isFinite(n) ? n : NaN;
};

/** Reads sites from GeoJSON-like points `{ id, lon, lat, properties }`; reports and skips the bad ones. */
export function readSites(points: Array<{ id?: unknown; lon?: unknown; lat?: unknown; properties?: Record<string, unknown> }>): {
  sites: Site[];
  rejected: RejectedSite[];
} {
  const sites: Site[] = [];
  const rejected: RejectedSite[] = [];
  points.forEach((p, i) => {
    const props = p.properties ?? {};
    const id = String(p.id ?? props.id ?? `#${i + 1}`);
    const lon = num(p.lon ?? props.lon);
    const lat = num(p.lat ?? props.lat);
    if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) return void rejected.push({ id, reason: 'no-coordinates' });
    if (lon < VN_BOX[0] || lon > VN_BOX[2] || lat < VN_BOX[1] || lat > VN_BOX[3]) return void rejected.push({ id, reason: 'outside-vietnam' });
    const tech = readTechnologies(props.tech ?? props.technology);
    if (!tech) return void rejected.push({ id, reason: 'unknown-tech' });
    const radius = num(props.radius_m);
    if (radius !== undefined && !(radius > 0)) return void rejected.push({ id, reason: 'bad-radius' });
    const azimuth = num(props.azimuth);
    const beamwidth = num(props.beamwidth);
    if ((azimuth !== undefined && !Number.isFinite(azimuth)) || (beamwidth !== undefined && !(beamwidth > 0 && beamwidth <= 360))) {
      return void rejected.push({ id, reason: 'bad-sector' });
    }
    const site: Site = { id, lon, lat, operator: normalizeOperator(props.operator), tech };
    if (radius !== undefined) site.radius_m = radius;
    if (azimuth !== undefined && beamwidth !== undefined && beamwidth < 360) {
      site.azimuth = ((azimuth % 360) + 360) % 360;
      site.beamwidth = beamwidth;
    }
    if (props.since != null) site.since = String(props.since);
    sites.push(site);
  });
  return { sites, rejected };
}

/** `"4g:3000 5g:800"` → `{ '4G': 3000, '5G': 800 }` (metres); bad entries are ignored. */
export function parseRadii(text: string | null | undefined): Partial<Record<Technology, number>> {
  const out: Partial<Record<Technology, number>> = {};
  for (const part of String(text ?? '').split(/[\s,;]+/)) {
    const m = /^([2-5])g[:=](\d+(?:\.\d+)?)$/i.exec(part.trim());
    if (m && Number(m[2]) > 0) out[`${m[1]}G` as Technology] = Number(m[2]);
  }
  return out;
}
