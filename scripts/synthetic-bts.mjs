// Seeded synthetic BTS sites and villages over any commune polygons (real boundaries from ../shared, or the
// synthetic province). Nothing here is a real site or village: ids start with "MAU" and names say "mẫu".
// Plain ES module with no Node imports, so the browser tests, the bench and the demo data all use it.
import { seeded } from './synthetic-geo.mjs';

/** Whether a point is inside polygons (even-odd over every ring). */
export function inPolygon([x, y], polys) {
  let inside = false;
  for (const poly of polys) for (const ring of poly) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

const polysOf = (f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);

function bboxOf(polys) {
  let w = 180, s = 90, e = -180, n = -90;
  for (const p of polys) for (const [x, y] of p[0]) { w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y); }
  return [w, s, e, n];
}

/** A random point inside a commune (rejection sampling in its box). */
export function pointIn(f, rnd) {
  const polys = polysOf(f);
  const [w, s, e, n] = bboxOf(polys);
  for (let k = 0; k < 200; k++) {
    const p = [w + (e - w) * rnd(), s + (n - s) * rnd()];
    if (inPolygon(p, polys)) return p;
  }
  return [(w + e) / 2, (s + n) / 2];
}

const OPERATORS = [['Viettel', 0.45], ['VinaPhone', 0.25], ['MobiFone', 0.22], ['Vietnamobile', 0.05], ['Đông Dương Telecom', 0.03]];
const TECHS = [[['2G', '4G'], 0.35], [['4G'], 0.3], [['2G', '3G', '4G'], 0.2], [['4G', '5G'], 0.1], [['2G'], 0.05]];

function pick(list, r) {
  let acc = 0;
  for (const [v, p] of list) if (r < (acc += p)) return v;
  return list[list.length - 1][0];
}

/**
 * `n` sites as a GeoJSON FeatureCollection of Points, placed inside the communes; a share `emptyShare` of the
 * communes gets none (so villages there are gaps). Every 6th site is a sector, a few carry their own radius.
 */
export function syntheticSites(features, { n = 1283, seed = 1283, emptyShare = 0.12 } = {}) {
  const rnd = seeded(seed);
  const served = features.filter(() => rnd() >= emptyShare);
  const list = served.length ? served : features;
  // Bigger communes get more sites (weights by bounding-box size).
  const weights = list.map((f) => { const [w, s, e, nn] = bboxOf(polysOf(f)); return Math.sqrt((e - w) * (nn - s)); });
  const total = weights.reduce((a, b) => a + b, 0);
  const out = [];
  for (let i = 0; i < n; i++) {
    let r = rnd() * total;
    let k = 0;
    while (k < list.length - 1 && (r -= weights[k]) > 0) k++;
    const [lon, lat] = pointIn(list[k], rnd);
    const props = {
      id: `MAU-${String(i + 1).padStart(5, '0')}`,
      operator: pick(OPERATORS, rnd()),
      tech: pick(TECHS, rnd()),
      since: `${2008 + Math.floor(rnd() * 17)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`,
    };
    if (i % 6 === 5) Object.assign(props, { azimuth: Math.round(rnd() * 360), beamwidth: 120 });
    if (i % 17 === 3) props.radius_m = Math.round(1500 + rnd() * 2000);
    out.push({ type: 'Feature', id: props.id, properties: props, geometry: { type: 'Point', coordinates: [+lon.toFixed(6), +lat.toFixed(6)] } });
  }
  return { type: 'FeatureCollection', features: out };
}

/** `perCommune` villages (thôn, bản) inside each commune, as GeoJSON Points with `id` and `name`. */
export function syntheticVillages(features, { perCommune = 4, seed = 77 } = {}) {
  const rnd = seeded(seed);
  const out = [];
  for (const f of features) {
    for (let j = 0; j < perCommune; j++) {
      const [lon, lat] = pointIn(f, rnd);
      const code = f.properties.code;
      const kind = rnd() < 0.5 ? 'Thôn' : 'Bản';
      out.push({
        type: 'Feature', id: `${code}-${j + 1}`,
        properties: { id: `${code}-${j + 1}`, name: `${kind} mẫu ${j + 1} (${f.properties.name})` },
        geometry: { type: 'Point', coordinates: [+lon.toFixed(6), +lat.toFixed(6)] },
      });
    }
  }
  return { type: 'FeatureCollection', features: out };
}
