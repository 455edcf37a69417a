// Seeded synthetic case points over any area polygons (real boundaries from ../shared, or the synthetic
// province), for tests, the bench and the demo. Nobody here is real: ids start with "MAU" and every name
// says "mẫu". Each point also carries fields a real line list would (name, age, phone) so the tests can
// prove they never reach the screen. Plain ES module with no Node imports (browser and Node alike).
import { seeded } from './synthetic-geo.mjs';
import { pointIn } from './synthetic-bts.mjs';

const STATUSES = [['home', 0.6], ['hospital', 0.25], ['recovered', 0.13], ['deceased', 0.02]];

const pick = (table, r) => {
  let t = 0;
  for (const [v, w] of table) if (r < (t += w)) return v;
  return table[table.length - 1][0];
};

const isoDay = (start, d) => new Date(Date.parse(`${start}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);

/**
 * `n` cases over `days` days from `start`, on an outbreak curve (rising then falling), most of them in a few
 * "hotspot" areas and a thin scatter elsewhere, so many areas have fewer than 5 cases on a day. A share
 * `withArea` carries its area code; the others only coordinates (the layer must place them).
 */
export function syntheticCases(features, { n = 2000, seed = 2021, days = 60, start = '2021-07-01', withArea = 0.7, hotspots = 3 } = {}) {
  const rnd = seeded(seed);
  const areas = features.filter((f) => f.geometry);
  const hot = Array.from({ length: Math.min(hotspots, areas.length) }, (_, i) => areas[Math.floor((i + 0.5) * (areas.length / Math.max(1, hotspots)))]);
  const out = [];
  for (let i = 0; i < n; i++) {
    // Day: the sum of two uniforms, a triangle peaking mid-range.
    const d = Math.min(days - 1, Math.floor(((rnd() + rnd()) / 2) * days));
    const area = rnd() < 0.8 ? hot[Math.floor(rnd() * hot.length)] : areas[Math.floor(rnd() * areas.length)];
    const [lon, lat] = pointIn(area, rnd);
    const code = String(area.properties.code ?? area.id);
    const properties = {
      date: isoDay(start, d),
      status: pick(STATUSES, rnd()),
      name: `Bệnh nhân mẫu ${i + 1}`,
      age: 18 + Math.floor(rnd() * 70),
      phone: `09${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
    };
    if (rnd() < withArea) properties.area = code;
    out.push({ type: 'Feature', id: `MAU-F0-${i + 1}`, properties, geometry: { type: 'Point', coordinates: [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] } });
  }
  return { type: 'FeatureCollection', features: out };
}
