/**
 * Real 2025 boundaries as chiso ships them (@chiso/atlas: TopoJSON, in every clone) and feeds derived from them.
 * The pre-2025 layers (GPL, ../shared/data, served at /__shared/) stay for the tests of real statistics only.
 */
import { waitUntil } from '@open-wc/testing';
import { readBoundaries } from '@chiso/map';

export const PHU_THO_COMMUNES = '/packages/atlas/data/communes/25.json';
export const THAI_NGUYEN_COMMUNES = '/packages/atlas/data/communes/19.json';
export const PROVINCES_2025 = '/packages/atlas/data/provinces.json';

export interface GeoFeature {
  id?: string;
  properties: { code: string; name: string; population?: number; areaKm2?: number; provinceCode?: string };
  geometry: { type: string; coordinates: unknown };
}

const cache = new Map<string, Promise<{ features: GeoFeature[] } | null>>();

/**
 * The file's features (GeoJSON, or TopoJSON read as GeoJSON), or null when it is not there: a /__shared/ file on a
 * clone without ../shared/data (the caller skips, saying so).
 */
export function loadShared(url: string): Promise<{ features: GeoFeature[] } | null> {
  if (!cache.has(url)) {
    cache.set(url, fetch(url).then(async (r) => {
      if (!r.ok) return null;
      const { collection } = readBoundaries(await r.text());
      return { features: collection.features.map((f) => ({ ...f, properties: { ...f.properties } })) as unknown as GeoFeature[] };
    }, () => null));
  }
  return cache.get(url)!;
}

/** The same, for the atlas (always there). */
export const loadAtlas = (url: string) => loadShared(url) as Promise<{ features: GeoFeature[] }>;

/**
 * Population density (people per km²) of every commune, from its own `population` and `areaKm2`, for 2025,
 * plus an earlier period scaled down so the time slider has something to move through.
 */
export function densityFeed(features: GeoFeature[], { periods = ['2025'], drop = 0 } = {}) {
  const observations = [];
  const usable = features.filter((f) => f.properties.population && f.properties.areaKm2);
  for (const [pi, period] of periods.entries()) {
    const factor = 1 - 0.04 * (periods.length - 1 - pi);
    for (const [i, f] of usable.entries()) {
      if (i < drop) continue; // the first `drop` communes get no value: no-data areas
      const value = Math.round(((f.properties.population! * factor) / f.properties.areaKm2!) * 10) / 10;
      observations.push({ indicator: 'density', area: f.properties.code, level: 'commune', name: f.properties.name, period, value });
    }
  }
  return {
    chiso: 1,
    indicators: [{ id: 'density', name: { vi: 'Mật độ dân số', en: 'Population density' }, unit: 'người/km²', decimals: 1 }],
    observations,
  };
}

/** Sets of "rgb(r, g, b)" as [r, g, b]. */
export const hexToRgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/**
 * The map canvas read back as pixels (the map keeps its drawing buffer): the colour at a CSS-pixel point when
 * the 5×5 block around it is uniform within `tolerance` (inside one area, away from lines), else null.
 */
export function canvasSnapshot(canvas: HTMLCanvasElement, tolerance = 0) {
  const c = document.createElement('canvas');
  c.width = canvas.width;
  c.height = canvas.height;
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(canvas, 0, 0);
  const ratio = canvas.width / canvas.clientWidth;
  return (x: number, y: number): [number, number, number] | null => {
    const px = Math.round(x * ratio);
    const py = Math.round(y * ratio);
    if (px < 3 || py < 3 || px > c.width - 3 || py > c.height - 3) return null;
    const d = ctx.getImageData(px - 2, py - 2, 5, 5).data;
    for (let i = 4; i < d.length; i += 4) {
      if (Math.abs(d[i] - d[0]) > tolerance || Math.abs(d[i + 1] - d[1]) > tolerance || Math.abs(d[i + 2] - d[2]) > tolerance) return null;
    }
    return [d[0], d[1], d[2]];
  };
}

/**
 * A map of `boundaries` (a `vn:` name) with `layer` in it, its atlas served without the crosswalk (a portal that
 * did not copy crosswalk.json: test/feed-server.mjs). Resolves once `chiso-error` has named the crosswalk, with the
 * messages the layer shows and every chiso-error message seen.
 */
export async function mountWithoutCrosswalk(boundaries: string, layer: HTMLElement & { updateComplete: Promise<unknown> }, style: string) {
  const wrap = document.createElement('div');
  document.body.append(wrap);
  const errors: string[] = [];
  wrap.addEventListener('chiso-error', (e) => errors.push((e as CustomEvent).detail.message));
  const el = document.createElement('chiso-map') as HTMLElement & { ready: Promise<unknown> };
  el.setAttribute('style', style);
  el.setAttribute('eager', '');
  el.setAttribute('boundaries', boundaries);
  el.setAttribute('atlas-base', '/__atlas-no-crosswalk/');
  el.append(layer);
  wrap.append(el);
  await el.ready;
  await waitUntil(() => errors.some((m) => m.includes('crosswalk.json')), `chiso-error names the crosswalk: ${errors.join(' | ')}`, { timeout: 15000 });
  await layer.updateComplete;
  const said = [...layer.shadowRoot!.querySelectorAll('[part="error"]')].map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' ');
  return { wrap, said, errors };
}
