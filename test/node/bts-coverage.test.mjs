// BTS coverage maths from the built @chiso/bts/coverage in plain Node: site validation, exact footprints,
// and coverage per commune against an exact reference (polygon union with polyclip-ts) on real communes
// from the atlas (Thái Nguyên's 2025 communes) with seeded synthetic sites.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readBoundaries } from '../../packages/map/src/boundaries.ts';
import { exactCoverage } from '../../bench/exact-coverage.mjs';
import {
  readSites, parseRadii, readTechnologies, normalizeOperator, footprintContains, footprintRadius, coverageByCommune,
  villagesCovered, distanceKm,
} from '@chiso/bts/coverage';


test('sites: bad ones are reported and skipped, the rest kept', () => {
  const { sites, rejected } = readSites([
    { id: 'a', lon: 105.2, lat: 21.6, properties: { operator: 'VinaPhone', tech: ['2G', '4G'] } },
    { id: 'b', lon: null, lat: 21, properties: { tech: '4G' } },
    { id: 'c', lon: 2.35, lat: 48.85, properties: { tech: '4G' } },
    { id: 'd', lon: 105, lat: 21, properties: { tech: '6G' } },
    { id: 'e', lon: 105, lat: 21, properties: { tech: '4G', radius_m: 0 } },
    { id: 'f', lon: 105, lat: 21, properties: { tech: 'LTE', operator: 'Viettel Telecom', radius_m: '1500', azimuth: 120, beamwidth: 65 } },
  ]);
  assert.deepEqual(sites.map((s) => s.id), ['a', 'f']);
  assert.deepEqual(rejected, [
    { id: 'b', reason: 'no-coordinates' }, { id: 'c', reason: 'outside-vietnam' }, { id: 'd', reason: 'unknown-tech' }, { id: 'e', reason: 'bad-radius' },
  ]);
  assert.equal(sites[0].operator, 'VNPT');
  assert.deepEqual(sites[0].tech, ['2G', '4G']);
  assert.deepEqual(sites[1], { id: 'f', lon: 105, lat: 21, operator: 'Viettel', tech: ['4G'], radius_m: 1500, azimuth: 120, beamwidth: 65 });
  assert.deepEqual(parseRadii('4g:3000 5G=800 x:1 3g:-1'), { '4G': 3000, '5G': 800 });
  assert.deepEqual(readTechnologies('2G,4G'), ['2G', '4G']);
  assert.equal(normalizeOperator('Mobifone'), 'MobiFone');
  assert.equal(normalizeOperator('Gtel'), 'other');
  // Radius: the site's own wins; else the layer's; else the default for the environment; filtered by technology.
  assert.equal(footprintRadius(sites[0]), 8000);
  assert.equal(footprintRadius(sites[0], { tech: ['4G'] }), 5000);
  assert.equal(footprintRadius(sites[0], { tech: ['4G'], radii: { '4G': 3000 } }), 3000);
  assert.equal(footprintRadius(sites[0], { tech: ['4G'], environment: 'urban' }), 1000);
  assert.equal(footprintRadius(sites[0], { tech: ['5G'] }), 0);
  assert.equal(footprintRadius(sites[1], { radii: { '4G': 3000 } }), 1500);
  assert.equal(footprintRadius(sites[1], { operators: ['VNPT'] }), 0);
});

test('footprints are exact: distance and, for sectors, bearing', () => {
  const site = { id: 's', lon: 105, lat: 21, operator: 'Viettel', tech: ['4G'] };
  const east = 105 + 0.999 / (111.32 * Math.cos((21 * Math.PI) / 180));
  assert.ok(distanceKm(105, 21, east, 21) < 1);
  assert.equal(footprintContains(site, 1000, east, 21), true);
  assert.equal(footprintContains(site, 990, east, 21), false);
  const sector = { ...site, azimuth: 90, beamwidth: 60 }; // facing east
  assert.equal(footprintContains(sector, 1000, east, 21), true);
  assert.equal(footprintContains(sector, 1000, 105 - (east - 105), 21), false, 'west is behind the antenna');
  assert.equal(footprintContains(sector, 1000, 105, 21.005), false, 'north is outside a 60° beam facing east');
});

test('one circle, one sector, two overlapping circles inside a large area: the textbook areas', () => {
  const square = { code: 'sq', geometry: { type: 'Polygon', coordinates: [[[104.8, 20.8], [105.2, 20.8], [105.2, 21.2], [104.8, 21.2], [104.8, 20.8]]] } };
  const base = { id: 'a', lon: 105, lat: 21, operator: 'Viettel', tech: ['4G'], radius_m: 3000 };
  const circle = coverageByCommune([base], [square]).areas.sq.coveredKm2;
  assert.ok(Math.abs(circle - Math.PI * 9) / (Math.PI * 9) < 0.005, `circle ${circle} vs ${Math.PI * 9}`);
  const sector = coverageByCommune([{ ...base, azimuth: 30, beamwidth: 90 }], [square]).areas.sq.coveredKm2;
  assert.ok(Math.abs(sector - (Math.PI * 9) / 4) / ((Math.PI * 9) / 4) < 0.01, `sector ${sector}`);
  const wide = coverageByCommune([{ ...base, azimuth: 200, beamwidth: 270 }], [square]).areas.sq.coveredKm2;
  assert.ok(Math.abs(wide - (Math.PI * 9 * 3) / 4) / ((Math.PI * 9 * 3) / 4) < 0.01, `270° sector ${wide}`);
  // Two circles of 3 km whose centres are 3 km apart: union = 2πr² − lens; lens = 2r²acos(d/2r) − (d/2)√(4r²−d²).
  const dLon = 3 / (111.32 * Math.cos((21 * Math.PI) / 180));
  const two = coverageByCommune([base, { ...base, id: 'b', lon: 105 + dLon }], [square]).areas.sq.coveredKm2;
  const lens = 2 * 9 * Math.acos(3 / 6) - 1.5 * Math.sqrt(36 - 9);
  assert.ok(Math.abs(two - (2 * Math.PI * 9 - lens)) / (2 * Math.PI * 9 - lens) < 0.005, `two circles ${two}`);
});

test('coverage of real communes is within 1 percentage point of an exact polygon union (seeded sites)', () => {
  // Thái Nguyên's 2025 communes from the atlas (in the repository: this test never skips).
  const atlas = readBoundaries(readFileSync(new URL('../../packages/atlas/data/communes/19.json', import.meta.url), 'utf8'));
  const areas = atlas.collection.features.map((f) => ({ code: String(f.id), geometry: f.geometry }));
  assert.ok(areas.length > 80, `Thái Nguyên's communes: ${areas.length}`);
  let seed = 11;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const [w, s, e, n] = [105.43, 21.33, 106.25, 22.74];
  const points = Array.from({ length: 220 }, (_, i) => ({
    id: `S${i}`, lon: w + (e - w) * rnd(), lat: s + (n - s) * rnd(),
    properties: {
      operator: ['Viettel', 'VNPT', 'MobiFone', 'Vietnamobile'][i % 4], tech: i % 5 === 0 ? ['4G', '5G'] : ['4G'],
      ...(i % 3 === 0 ? { radius_m: 1500 + 3000 * rnd() } : {}),
      ...(i % 7 === 0 ? { azimuth: 360 * rnd(), beamwidth: 65 + 120 * rnd() } : {}),
    },
  }));
  const { sites } = readSites(points);
  const ours = coverageByCommune(sites, areas, { tech: ['4G'] });
  const exact = exactCoverage(sites, areas, { tech: ['4G'] });
  let worst = 0;
  let coveredExact = 0;
  let land = 0;
  for (const a of areas) {
    const ref = exact[a.code];
    const pct = (ref.coveredKm2 / ref.areaKm2) * 100;
    worst = Math.max(worst, Math.abs(ours.areas[a.code].coveragePct - pct));
    coveredExact += ref.coveredKm2;
    land += ref.areaKm2;
  }
  assert.ok(worst < 1, `worst commune differs by ${worst.toFixed(3)} points`);
  assert.ok(Math.abs(ours.coveragePct - (coveredExact / land) * 100) < 1, `province ${ours.coveragePct} vs ${(coveredExact / land) * 100}`);
  assert.ok(ours.coveragePct > 20 && ours.coveragePct < 95, `a partial coverage to test: ${ours.coveragePct}`);
  // Sites inside each commune add up to the sites inside the province.
  const inside = Object.values(ours.areas).reduce((t, a) => t + a.sites, 0);
  assert.ok(inside > 0 && inside <= sites.length);
});

test('a village is covered exactly when some footprint contains it', () => {
  let seed = 5;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const { sites } = readSites(Array.from({ length: 60 }, (_, i) => ({
    id: `S${i}`, lon: 105 + rnd() * 0.5, lat: 21 + rnd() * 0.5,
    properties: { tech: '4G', radius_m: 800 + 2500 * rnd(), ...(i % 4 === 0 ? { azimuth: 360 * rnd(), beamwidth: 90 } : {}) },
  })));
  const villages = Array.from({ length: 2000 }, (_, i) => ({ id: `Thôn ${i + 1}`, lon: 105 + rnd() * 0.5, lat: 21 + rnd() * 0.5 }));
  const result = villagesCovered(sites, villages);
  const brute = villages.filter((v) => !sites.some((s) => footprintContains(s, footprintRadius(s), v.lon, v.lat))).map((v) => v.id);
  assert.deepEqual(result.uncovered, brute);
  assert.equal(result.covered + result.uncovered.length, 2000);
  assert.ok(brute.length > 50 && brute.length < 1950, 'some villages covered, some not');
});
