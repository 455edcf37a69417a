// parseFeed on every format, from the built @chiso/core in plain Node. Real statistics-office files are read
// from ../shared/data (never copied into the repo); without them those tests skip with a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseFeed, FeedError, matchProvince, provinces, nameKey } from '@chiso/core';

const shared = new URL('../../../shared/data/', import.meta.url);
const has = existsSync(shared);
const skip = has ? false : '../shared/data is not here (a clone without the shared data): real-file tests skipped';
const read = (p) => readFileSync(new URL(p, shared), 'utf8');

test('gazetteer: province names as publishers write them', () => {
  const cases = [['Bắc Kạn', '06'], ['Bac Kan', '06'], ['Tỉnh Bắc Kạn', '06'], ['Thai  Nguyen', '19'], ['Ho Chi Minh city', '79'],
    ['TP. Hồ Chí Minh', '79'], ['Hoà Bình', '17'], ['Hòa Bình', '17'], ['HA NOI', '01'], ['Thành phố Hải Phòng', '31'], ['Thua Thien - Hue', '46'],
    ['Ba Ria - Vung Tau', '77'], ['Dak Lak', '66'], ['8', '08'], ['  25 ', '25']];
  for (const [name, code] of cases) assert.equal(matchProvince(name)?.code, code, name);
  assert.equal(matchProvince('Lào Cai', 'pre2025').code, '10');
  assert.equal(matchProvince('Lào Cai', '2025').code, '15');
  assert.equal(matchProvince('Hà Giang', '2025').code, '02', 'a name only of the other era still matches');
  assert.equal(matchProvince(' WHOLE COUNTRY').level, 'country');
  assert.equal(matchProvince('Red River Delta').code, 'region:RRD');
  assert.equal(provinces('pre2025').length, 63);
  assert.equal(provinces('2025').length, 34);
});

test('gazetteer agrees with the real boundary files (codes and names)', { skip }, () => {
  for (const [file, era] of [['geo/vn-provinces-63-pre2025.geojson', 'pre2025'], ['geo/vn-provinces-2025.geojson', '2025']]) {
    const fcol = JSON.parse(read(file));
    const ours = new Map(provinces(era).map((p) => [p.code, p]));
    assert.equal(fcol.features.length, ours.size, file);
    for (const f of fcol.features) {
      const p = ours.get(f.properties.code);
      assert.ok(p, `${file}: code ${f.properties.code}`);
      assert.equal(nameKey(p.name), nameKey(f.properties.name), `${file}: ${f.properties.code}`);
      if (f.properties.nameEn) assert.equal(matchProvince(f.properties.nameEn, era)?.code, f.properties.code, f.properties.nameEn);
      if (f.properties.fullName) assert.equal(matchProvince(f.properties.fullName, era)?.code, f.properties.code, f.properties.fullName);
    }
  }
});

test('JSON-stat 1.0: the GSO PX-Web files, every observation out', { skip }, () => {
  for (const name of ['E02.02', 'E02.08']) {
    const raw = JSON.parse(read(`jsonstat/vn-gso-pxweb/${name}.json`));
    const ds = raw.dataset;
    const cells = ds.dimension.size.reduce((a, b) => a * b, 1);
    const model = parseFeed(read(`jsonstat/vn-gso-pxweb/${name}.json`));
    assert.equal(model.format, 'jsonstat1');
    assert.equal(model.observations.length, cells, `${name}: every cell`);
    assert.ok(model.observations.every((o) => o.period && /^\d{4}$/.test(o.period)), `${name}: periods read (Prel. 2024 → 2024)`);
    assert.ok(model.observations.some((o) => o.status === 'preliminary'));
    // Values equal the file's, cell for cell.
    assert.deepEqual(model.observations.map((o) => o.value), ds.value.map((v) => (v === null ? null : Number(v))));
  }
});

test('JSON-stat 1.0 raw PX-Web download with its trailing NUL byte', { skip }, () => {
  const text = read('jsonstat/vn-gso-pxweb/raw/E02.08.json');
  assert.throws(() => JSON.parse(text));
  const model = parseFeed(text);
  assert.equal(model.observations.length, parseFeed(read('jsonstat/vn-gso-pxweb/E02.08.json')).observations.length);
});

test('JSON-stat 2.0: Statistics Sweden, galicia; a collection is refused clearly', { skip }, () => {
  const scb = parseFeed(read('jsonstat/scb-se-pxwebapi2-TAB638.v2.json'));
  assert.equal(scb.format, 'jsonstat2');
  assert.ok(scb.observations.length >= 1);
  const galicia = JSON.parse(read('jsonstat/jsonstat-org-galicia.v2.json'));
  const g = parseFeed(galicia);
  const cells = galicia.size.reduce((a, b) => a * b, 1);
  const present = Array.isArray(galicia.value) ? cells : Object.keys(galicia.value).length;
  assert.equal(g.observations.length, present);
  assert.throws(() => parseFeed(read('jsonstat/jsonstat-org-collection.v2.json')), (e) => e instanceof FeedError && e.code === 'unsupported');
  const swe = parseFeed(read('jsonstat/scb-se-pxweb-v1-statswe.v1.json'));
  assert.equal(swe.format, 'jsonstat1');
  assert.ok(swe.observations.length > 0);
  const eurostat = parseFeed(read('jsonstat/eurostat-nama_gdp_c-IT-FR.v1.json'));
  assert.ok(eurostat.observations.length > 0);
  // Foreign regions are not Vietnamese provinces: listed, never silently lost.
  assert.ok(eurostat.unmatched.length > 0 || eurostat.observations.every((o) => o.area));
});

test('JSON-stat 2.0 built by hand: roles, sparse values and status, provinces by name', () => {
  const ds = {
    version: '2.0', class: 'dataset', label: 'Dân số', id: ['tinh', 'nam'], size: [3, 2],
    role: { geo: ['tinh'], time: ['nam'] },
    dimension: {
      tinh: { label: 'Tỉnh', category: { index: ['a', 'b', 'c'], label: { a: 'Bac Kan', b: 'Tỉnh Phú Thọ', c: 'Atlantis' } } },
      nam: { label: 'Năm', category: { index: { 2020: 0, 2021: 1 } } },
    },
    value: { 0: 313, 1: '314', 3: 1500, 5: '..' }, status: { 1: 'p' },
  };
  const m = parseFeed(ds);
  assert.deepEqual(m.observations.map((o) => [o.area, o.period, o.value, o.status ?? '']), [
    ['06', '2020', 313, ''], ['06', '2021', 314, 'p'], ['25', '2021', 1500, ''], ['x:c', '2021', null, ''],
  ]);
  assert.deepEqual(m.unmatched, [{ key: 'x:c', label: 'Atlantis', count: 1 }]);
});

test('CKAN DataStore: datastore_search records; an error response is an error', () => {
  const ckan = { help: 'https://…/api/3/action/help_show?name=datastore_search', success: true,
    result: { resource_id: 'x', fields: [{ id: '_id', type: 'int' }, { id: 'ma_tinh', type: 'text' }, { id: 'nam', type: 'int' }, { id: 'gia_tri', type: 'numeric' }],
      records: [{ _id: 1, ma_tinh: '6', nam: 2021, gia_tri: '166049' }, { _id: 2, ma_tinh: '06', nam: 2020, gia_tri: 133802 }], total: 2 } };
  const m = parseFeed(ckan, { indicator: 'dvc.dossiers' });
  assert.equal(m.format, 'ckan');
  assert.deepEqual(m.observations.map((o) => [o.indicator, o.area, o.period, o.value]), [['dvc.dossiers', '06', '2021', 166049], ['dvc.dossiers', '06', '2020', 133802]]);
  assert.throws(() => parseFeed({ success: false, error: { message: 'Not found' } }), (e) => e instanceof FeedError && e.code === 'http');
});

test('CSV: vi-VN decimal commas, semicolons, a BOM, missing markers, names for areas', () => {
  const csv = '\uFEFFTỉnh;Năm;Giá trị\nTỉnh Phú Thọ;2021;87,86\nBac Kan;2021;..\nTuyên Quang;2021;1.283,5\n';
  const m = parseFeed(csv);
  assert.equal(m.format, 'csv');
  assert.deepEqual(m.observations.map((o) => [o.area, o.period, o.value]), [['25', '2021', 87.86], ['06', '2021', null], ['08', '2021', 1283.5]]);
});

test('CSV wide (one column a date): the real daily COVID series by province', { skip }, () => {
  const text = read('covid/vn-covid19-cases-daily-by-province-2020-03-18_2022-01-22.csv');
  const m = parseFeed(text, { indicator: 'covid.new_cases' });
  const total = m.observations.reduce((s, o) => s + (o.value ?? 0), 0);
  assert.equal(total, 2208650, 'the total SOURCES.md gives');
  assert.equal(new Set(m.observations.map((o) => o.area)).size, 63);
  assert.deepEqual(m.unmatched, []);
  assert.equal(m.observations.find((o) => o.area === '06' && o.period === '2021-12-31') !== undefined, true);
});

test('GeoJSON: points kept, polygons with values read', () => {
  const pts = parseFeed({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 's1', geometry: { type: 'Point', coordinates: [105.2, 21.8] }, properties: { operator: 'Viettel', tech: ['4G'] } }] });
  assert.deepEqual(pts.points, [{ id: 's1', lon: 105.2, lat: 21.8, properties: { operator: 'Viettel', tech: ['4G'] } }]);
  const polys = parseFeed({ type: 'FeatureCollection', features: [{ type: 'Feature', id: '08116', geometry: { type: 'Polygon', coordinates: [] }, properties: { name: 'Xã A', value: 12.5, period: '2025' } }] });
  assert.deepEqual(polys.observations.map((o) => [o.area, o.value, o.areaName]), [['08116', 12.5, 'Xã A']]);
});

test('hostile and broken input: only FeedError, with a code', () => {
  const inputs = ['', '   ', 'null', '[1,2', '{"chiso":1,"observations":[{"area":"25","value":"abc"}]}', '{"chiso":2,"observations":[]}',
    '{"a":1}', '<!doctype html><p>lỗi</p>', '{"version":"2.0","class":"dataset","id":["a"],"size":[1e12],"dimension":{"a":{}},"value":[]}',
    JSON.stringify({ chiso: 1, observations: [{ area: '<img src=x onerror=alert(1)>', value: 1 }] }), '['.repeat(100000), 42, null, undefined, [], { type: 'FeatureCollection' }];
  for (const input of inputs) {
    try {
      const m = parseFeed(input);
      assert.ok(Array.isArray(m.observations), 'a model when it does not throw');
    } catch (e) {
      assert.ok(e instanceof FeedError, `FeedError for ${String(input).slice(0, 40)}: got ${e}`);
      assert.ok(['network', 'http', 'timeout', 'parse', 'schema', 'empty', 'unsupported'].includes(e.code));
      assert.ok(e.localizedMessage('vi') && e.localizedMessage('en'));
    }
  }
});

/** A model is valid when every observation has text area/period/indicator and a finite number or null. */
function assertValidModel(m) {
  assert.ok(Array.isArray(m.indicators) && Array.isArray(m.observations) && Array.isArray(m.unmatched));
  for (const o of m.observations) {
    assert.equal(typeof o.area, 'string');
    assert.equal(typeof o.period, 'string');
    assert.equal(typeof o.indicator, 'string');
    assert.ok(o.value === null || Number.isFinite(o.value), `value ${o.value}`);
  }
}

test('fuzz (fast-check): parseFeed returns a valid model or throws FeedError, nothing else', () => {
  const anyJson = fc.jsonValue({ maxDepth: 6 });
  const feedish = fc.record({
    chiso: fc.oneof(fc.constant(1), fc.constant('1'), fc.anything()),
    indicators: fc.oneof(fc.array(fc.record({ id: fc.oneof(fc.string(), fc.integer()), unit: fc.string(), thresholds: fc.array(fc.oneof(fc.double(), fc.string())) }, { requiredKeys: [] })), fc.anything()),
    observations: fc.array(fc.record({ area: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), value: fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.anything()), period: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: [] })),
  }, { requiredKeys: [] });
  const jsonstatish = fc.record({ version: fc.constant('2.0'), class: fc.constant('dataset'), id: fc.array(fc.string(), { maxLength: 3 }), size: fc.array(fc.integer({ min: -2, max: 6 }), { maxLength: 3 }), dimension: fc.dictionary(fc.string(), anyJson), value: fc.oneof(fc.array(fc.oneof(fc.double(), fc.string(), fc.constant(null))), fc.dictionary(fc.string(), fc.double())) }, { requiredKeys: [] });
  const csvish = fc.array(fc.array(fc.oneof(fc.string(), fc.constantFrom('Phú Thọ', '25', '87,86', '..', '2021', 'value', 'area')), { minLength: 1, maxLength: 4 }), { maxLength: 6 }).map((rows) => rows.map((r) => r.join(',')).join('\n'));
  fc.assert(fc.property(fc.oneof(anyJson, feedish, jsonstatish, csvish, fc.string()), fc.boolean(), (input, asText) => {
    const value = asText && typeof input !== 'string' ? JSON.stringify(input) ?? '' : input;
    try {
      assertValidModel(parseFeed(value));
    } catch (e) {
      if (!(e instanceof FeedError)) throw e;
    }
  }), { numRuns: 3000, seed: 20261123 });
});

test('the JSON Schema ships with the package and its examples parse as documented', async () => {
  const schema = JSON.parse(readFileSync(new URL('../../packages/core/schema/feed-v1.schema.json', import.meta.url), 'utf8'));
  assert.deepEqual(schema.required, ['chiso', 'observations']);
  assert.deepEqual(schema.$defs.observation.required, ['area', 'value']);
  for (const example of schema.examples) assert.ok(parseFeed(example).observations.length >= 1);
  // The minimal example, as is.
  const m = parseFeed(schema.examples[1]);
  assert.deepEqual(m.observations[0], { indicator: 'dvc.online_rate', area: '25', level: 'province', areaName: 'Phú Thọ', period: '2021', value: 87.86, numerator: 349887 });
});

test('every real JSON-stat file: one observation per cell it holds', { skip }, () => {
  const cellsOf = (ds) => {
    const sizes = ds.size ?? ds.dimension.size;
    const n = sizes.reduce((a, b) => a * b, 1);
    return Array.isArray(ds.value) ? n : Object.keys(ds.value).length;
  };
  const datasetsOf = (j) => (j.class === 'dataset' || j.version ? [j] : Object.values(j).filter((d) => d && d.dimension));
  for (const f of ['scb-se-pxwebapi2-TAB638.v2.json', 'jsonstat-org-galicia.v2.json', 'eurostat-nama_gdp_c-IT-FR.v1.json', 'scb-se-pxweb-v1-statswe.v1.json', 'vn-gso-pxweb/E02.02.json', 'vn-gso-pxweb/E02.08.json']) {
    const text = read(`jsonstat/${f}`);
    const expected = datasetsOf(JSON.parse(text)).reduce((s, d) => s + cellsOf(d), 0);
    const model = parseFeed(text);
    assert.equal(model.observations.length, expected, f);
    // Nothing silently lost: an area that is not a province is listed in unmatched.
    const unmatchedKeys = new Set(model.unmatched.map((u) => u.key));
    for (const o of model.observations) assert.ok(/^\d{2}$/.test(o.area) || o.area === 'VN' || unmatchedKeys.has(o.area), `${f}: ${o.area}`);
  }
});
