// Point feeds for the BTS layer (GeoJSON, records, CKAN), villages by area, and the footprint outline used
// for drawing: pure modules, run in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPoints, readVillages } from '@chiso/bts/points';
import { areaOfPoints, distanceKm, footprintRing, readSites, villagesByArea } from '@chiso/bts/coverage';

test('readPoints: GeoJSON Points, bare records, { sites }, CKAN datastore_search', () => {
  const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'A', properties: { tech: '4G' }, geometry: { type: 'Point', coordinates: [105.8, 21.6] } }] };
  assert.deepEqual(readPoints(fc), [{ id: 'A', lon: 105.8, lat: 21.6, properties: { tech: '4G' } }]);
  const records = [{ id: 'B', lng: '105,9', lat: '21,5', operator: 'VinaPhone', tech: 'lte' }];
  assert.equal(readPoints(records)[0].lon, '105,9');
  const sites = readSites(readPoints({ sites: records })).sites;
  assert.deepEqual(sites.map((s) => [s.id, s.lon, s.lat, s.operator, s.tech.join()]), [['B', 105.9, 21.5, 'VNPT', '4G']]);
  const ckan = { success: true, result: { records: [{ ma: 'C', kinh_do: 106, vi_do: 21, tech: '2G' }] } };
  assert.deepEqual(readSites(readPoints(ckan)).sites.map((s) => s.id), ['C']);
  assert.throws(() => readPoints({ hello: 'world' }), /no list of points/);
  // A feature without a Point geometry is kept, without coordinates, so readSites reports it.
  const noGeom = readSites(readPoints({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'X', properties: { tech: '4G' }, geometry: null }] }));
  assert.deepEqual(noGeom.rejected, [{ id: 'X', reason: 'no-coordinates' }]);
});

test('readVillages: ids, names, duplicates kept apart, unusable positions counted', () => {
  const { villages, skipped } = readVillages([
    { id: 'T1', name: 'Thôn 1', lon: 105.1, lat: 21.1 },
    { id: 'T1', name: 'Thôn 1', lon: 105.2, lat: 21.2 },
    { name: 'Bản Mới', lon: 105.3, lat: 21.3 },
    { id: 'T9', name: 'Thôn 9', lon: 'x', lat: 21 },
  ]);
  assert.deepEqual(villages.map((v) => v.id), ['T1', 'T1 (2)', 'Bản Mới']);
  assert.equal(skipped, 1);
});

test('areaOfPoints and villagesByArea: even-odd (holes count), per-area totals', () => {
  const square = (x0, y0, s) => [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]];
  const areas = [
    { code: 'A', geometry: { type: 'Polygon', coordinates: [square(105, 21, 1), square(105.4, 21.4, 0.2)] } }, // with a hole
    { code: 'B', geometry: { type: 'Polygon', coordinates: [square(105.4, 21.4, 0.2)] } }, // the hole
  ];
  assert.deepEqual(areaOfPoints([{ lon: 105.1, lat: 21.1 }, { lon: 105.5, lat: 21.5 }, { lon: 110, lat: 10 }], areas), ['A', 'B', '']);
  const sites = [{ id: 's', lon: 105.1, lat: 21.1, operator: 'Viettel', tech: ['4G'], radius_m: 2000 }];
  const v = villagesByArea(sites, [{ id: 'near', lon: 105.11, lat: 21.1 }, { id: 'far', lon: 105.9, lat: 21.9 }, { id: 'hole', lon: 105.5, lat: 21.5 }], areas);
  assert.deepEqual(v.uncovered, ['far', 'hole']);
  assert.deepEqual(v.byArea, { A: { total: 2, covered: 1, uncovered: ['far'] }, B: { total: 1, covered: 0, uncovered: ['hole'] } });
});

test('footprintRing: every vertex at the radius; a sector starts at the site and spans its beam', () => {
  const site = { id: 's', lon: 105.8, lat: 21.6, operator: 'VNPT', tech: ['4G'] };
  const ring = footprintRing(site, 5000, 48);
  assert.equal(ring.length, 49);
  for (const [x, y] of ring) assert.ok(Math.abs(distanceKm(site.lon, site.lat, x, y) - 5) < 1e-6);
  const wedge = footprintRing({ ...site, azimuth: 90, beamwidth: 60 }, 3000, 48);
  assert.deepEqual(wedge[0], [site.lon, site.lat]);
  assert.deepEqual(wedge[wedge.length - 1], [site.lon, site.lat]);
  for (const [x, y] of wedge.slice(1, -1)) {
    assert.ok(x > site.lon, 'the beam points east');
    assert.ok(Math.abs(distanceKm(site.lon, site.lat, x, y) - 3) < 1e-6);
  }
});
