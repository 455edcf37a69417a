// BTS coverage bench (Node): the strip sweep for 1,283 sites (Tuyên Quang's count) over a province's
// communes and for 100,000 sites over the national synthetic layer, and its error against the exact polygon
// union computed in the same run.
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import { coverageByCommune, readSites } from '@chiso/bts/coverage';
import { readPoints } from '@chiso/bts/points';
import { seeded, syntheticCountry } from '../scripts/synthetic-geo.mjs';
import { exactCoverage } from './exact-coverage.mjs';

function sitesOver(features, n, seed) {
  const rnd = seeded(seed);
  let [w, s, e, nn] = [180, 90, -180, -90];
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of polys) for (const [x, y] of p[0]) { w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); nn = Math.max(nn, y); }
  }
  return readSites(Array.from({ length: n }, (_, i) => ({
    id: `S${i}`, lon: w + (e - w) * rnd(), lat: s + (nn - s) * rnd(),
    properties: { tech: i % 4 ? ['4G'] : ['2G', '4G'], ...(i % 3 === 0 ? { radius_m: 1500 + 2500 * rnd() } : {}), ...(i % 7 === 0 ? { azimuth: 360 * rnd(), beamwidth: 120 } : {}) },
  }))).sites;
}

export function benchBts() {
  // Tuyên Quang's 2025 communes as chiso ships them (the atlas: quantized, every clone has it).
  const topo = JSON.parse(readFileSync(new URL('../packages/atlas/data/communes/08.json', import.meta.url), 'utf8'));
  const province = feature(topo, topo.objects.communes);
  const areas = province.features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
  const sites = sitesOver(province.features, 1283, 1283);
  const median = (f, runs = 5) => {
    const t = [];
    let out;
    for (let i = 0; i < runs; i++) { const t0 = performance.now(); out = f(); t.push(performance.now() - t0); }
    t.sort((a, b) => a - b);
    return { ms: t[Math.floor(runs / 2)], out };
  };
  const ours = median(() => coverageByCommune(sites, areas, { tech: ['4G'] }));
  const t0 = performance.now();
  const exact = exactCoverage(sites, areas, { tech: ['4G'] });
  const exactMs = performance.now() - t0;
  let worst = 0;
  let land = 0;
  let covered = 0;
  for (const a of areas) {
    const ref = exact[a.code];
    worst = Math.max(worst, Math.abs(ours.out.areas[a.code].coveragePct - (ref.coveredKm2 / ref.areaKm2) * 100));
    land += ref.areaKm2;
    covered += ref.coveredKm2;
  }
  // The demo's own layer: its 900 synthetic sites over Phú Thọ's 148 communes (what the demo's worker computes).
  const ptTopo = JSON.parse(readFileSync(new URL('../packages/atlas/data/communes/25.json', import.meta.url), 'utf8'));
  const ptAreas = feature(ptTopo, ptTopo.objects.communes).features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
  const ptSites = readSites(readPoints(JSON.parse(readFileSync(new URL('../examples/data/phu-tho-bts.json', import.meta.url), 'utf8')))).sites;
  const demo = median(() => coverageByCommune(ptSites, ptAreas));
  const national = syntheticCountry();
  const nAreas = national.features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
  const nSites = sitesOver(national.features, 100000, 100000);
  const big = median(() => coverageByCommune(nSites, nAreas, { tech: ['4G'] }), 3);
  console.log(`\nBTS coverage (Node, strip sweep of 100 m; Tuyên Quang's 2025 communes from the atlas, seeded sites)\n`);
  console.table({
    [`1,283 sites, ${areas.length} communes`]: {
      'strip sweep ms (median)': +ours.ms.toFixed(0), 'exact union ms': +exactMs.toFixed(0),
      'coverage %': +ours.out.coveragePct.toFixed(2), 'exact %': +((covered / land) * 100).toFixed(2),
      'worst commune error (points)': +worst.toFixed(3),
    },
    [`demo: ${ptSites.length} sites, Phú Thọ's ${ptAreas.length} communes`]: {
      'strip sweep ms (median)': +demo.ms.toFixed(0), 'exact union ms': null,
      'coverage %': +demo.out.coveragePct.toFixed(2), 'exact %': null, 'worst commune error (points)': null,
    },
    [`100,000 sites, ${nAreas.length} synthetic communes`]: {
      'strip sweep ms (median)': +big.ms.toFixed(0), 'exact union ms': null,
      'coverage %': +big.out.coveragePct.toFixed(2), 'exact %': null, 'worst commune error (points)': null,
    },
  });
  const slowest = Math.max(ours.ms, demo.ms);
  console.log(`Per-commune coverage of a province's sites in Node: at most ${slowest.toFixed(0)} ms (must hold: ≤ 150 ms: ${slowest <= 150 ? 'holds' : 'DOES NOT HOLD'}).`);
  console.log('In a page the sweep runs in a Web Worker (test/bts/coverage-worker.test.ts: 100,000 sites, no main-thread task over 50 ms).');
}
