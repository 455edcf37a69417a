// @chiso/atlas: the shipped boundaries (every 2025 commune, each in its province's file; the 34 provinces; the
// national overview; the archipelagos with every island), their sizes and licence, the old → new crosswalk
// (checked by hand on real Tuyên Quang communes) and the commune search. From the sources and the committed data:
// no ../shared needed (the last test compares with it when it is there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import { parseFeed } from '@chiso/core';
import {
  ATLAS_PROVINCES, atlasFile, parseAtlasSpec, readCrosswalk, readCommuneIndex, carryToNewCommunes, carryToNewProvinces, matchCommune, communeKey,
} from '@chiso/atlas';

const data = new URL('../../packages/atlas/data/', import.meta.url);
const readJson = (f) => JSON.parse(readFileSync(new URL(f, data), 'utf8'));
const index = readCommuneIndex(readJson('index.json'));
const crosswalk = readCrosswalk(readJson('crosswalk.json'));
const features = (f, object) => feature(readJson(f), readJson(f).objects[object]).features;

test('every 2025 commune is in its province\'s file, once; the national overview and the 34 provinces are whole', () => {
  assert.equal(index.entries.length, 3321);
  assert.deepEqual(readdirSync(new URL('communes/', data)).map((f) => f.replace('.json', '')).sort(), [...ATLAS_PROVINCES].sort());
  let total = 0;
  for (const p of ATLAS_PROVINCES) {
    const fs = features(`communes/${p}.json`, 'communes');
    const want = index.entries.filter((e) => e.provinceCode === p).map((e) => e.code).sort();
    assert.deepEqual(fs.map((f) => f.properties.code).sort(), want, `province ${p}`);
    for (const f of fs) {
      assert.equal(f.id, f.properties.code);
      assert.deepEqual(Object.keys(f.properties).sort(), ['areaKm2', 'code', 'name', 'nameEn', 'population', 'provinceCode', 'type'], f.id);
      assert.ok(['Polygon', 'MultiPolygon'].includes(f.geometry.type), f.id);
    }
    total += fs.length;
  }
  assert.equal(total, 3321);
  assert.equal(features('communes.json', 'communes').length, 3321);
  const provinces = features('provinces.json', 'provinces');
  assert.deepEqual(provinces.map((f) => f.properties.code).sort(), [...ATLAS_PROVINCES].sort());
});

test('Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa) special zones are kept, every island of them, named as Vietnamese', () => {
  for (const [province, code, name, islands] of [['48', '20333', 'Hoàng Sa', 46], ['56', '22736', 'Trường Sa', 140]]) {
    for (const [file, object] of [[`communes/${province}.json`, 'communes'], ['communes.json', 'communes']]) {
      const f = features(file, object).find((x) => x.properties.code === code);
      assert.ok(f, `${name} in ${file}`);
      assert.equal(f.properties.name, name);
      assert.equal(f.properties.type, 'Đặc khu');
      assert.equal(f.properties.provinceCode, province);
      assert.equal(f.geometry.type, 'MultiPolygon');
      assert.equal(f.geometry.coordinates.length, islands, `${name}: every island in ${file}`);
    }
  }
});

test('sizes: a province\'s communes at most 60 KB gzipped, the 34 provinces at most 150 KB (printed)', () => {
  const gz = (f) => gzipSync(readFileSync(new URL(f, data)), { level: 9 }).length;
  const sizes = ATLAS_PROVINCES.map((p) => [p, gz(`communes/${p}.json`)]).sort((a, b) => a[1] - b[1]);
  const [largest, size] = sizes.at(-1);
  console.log(`# atlas: communes per province gzip min ${sizes[0][1]} B, median ${sizes[17][1]} B, max ${size} B (${largest}); provinces ${gz('provinces.json')} B; national communes ${gz('communes.json')} B`);
  assert.ok(size <= 60 * 1024, `province ${largest}: ${size} B`);
  assert.ok(gz('provinces.json') <= 150 * 1024);
});

test('licence: both MIT notices and the official map\'s credit ship with the data; no GPL layer is in any package', () => {
  const notice = readFileSync(new URL('../../packages/atlas/LICENSE-DATA.md', import.meta.url), 'utf8');
  assert.match(notice, /Copyright \(c\) 2021 Thang Le Quoc/);
  assert.match(notice, /Copyright \(c\) 2025 dvhcvn/);
  assert.match(notice, /sapnhap\.bando\.com\.vn/);
  assert.equal((notice.match(/Permission is hereby granted/g) ?? []).length, 2, 'each notice in full');
  const pkg = JSON.parse(readFileSync(new URL('../../packages/atlas/package.json', import.meta.url), 'utf8'));
  assert.ok(pkg.files.includes('data') && pkg.files.includes('LICENSE-DATA.md'));
  // The GPL layers (pre-2025 provinces and districts, from daohoangson/dvhcvn) carry `geomSource`; nothing shipped does.
  for (const dir of readdirSync(new URL('../../packages/', import.meta.url))) {
    const base = new URL(`../../packages/${dir}/`, import.meta.url);
    for (const sub of ['data', 'dist', 'src']) {
      const root = new URL(`${sub}/`, base);
      if (!existsSync(root)) continue;
      for (const f of readdirSync(root, { recursive: true })) {
        if (!/\.(json|geojson|js)$/.test(f)) continue;
        assert.doesNotMatch(readFileSync(new URL(f, root), 'utf8'), /geomSource/, `${dir}/${sub}/${f}`);
      }
    }
  }
});

test('vn: names', () => {
  assert.deepEqual(parseAtlasSpec('vn:communes/25'), { kind: 'communes', province: '25' });
  assert.deepEqual(parseAtlasSpec('vn:communes/8'), { kind: 'communes', province: '08' });
  assert.deepEqual(parseAtlasSpec('vn:communes'), { kind: 'communes' });
  assert.deepEqual(parseAtlasSpec(' VN:provinces '), { kind: 'provinces' });
  assert.equal(parseAtlasSpec('vn:communes/26'), null, '26 (Vĩnh Phúc) is not a 2025 province');
  assert.equal(parseAtlasSpec('xa.geojson'), null);
  assert.equal(atlasFile({ kind: 'communes', province: '25' }), 'communes/25.json');
});

test('crosswalk, by hand on real Tuyên Quang communes: sums, rates from their parts, partial and missing reported, never guessed', () => {
  // From the crosswalk: Xã Bình An (02296, 2025) = old Xã Bình An (02290) + old Xã Thổ Bình (02296), both whole.
  // Phường Nông Tiến (02212) = old Tràng Đà (02209) + old Nông Tiến (02212) + part of old Thái Bình (02494).
  const feed = parseFeed({
    chiso: 1,
    indicators: [{ id: 'hs', unit: 'hồ sơ' }, { id: 'rate', unit: '%' }],
    observations: [
      { indicator: 'hs', area: '02290', level: 'commune', period: '2024', value: 120 },
      { indicator: 'hs', area: '02296', level: 'commune', period: '2024', value: 80 },
      { indicator: 'hs', area: '02209', level: 'commune', period: '2024', value: 10 },
      { indicator: 'hs', area: '02212', level: 'commune', period: '2024', value: 20 },
      { indicator: 'hs', area: '02494', level: 'commune', period: '2024', value: 30 },
      { indicator: 'rate', area: '02290', level: 'commune', period: '2024', value: 30, numerator: 30, denominator: 100 },
      { indicator: 'rate', area: '02296', level: 'commune', period: '2024', value: 90, numerator: 45, denominator: 50 },
      { indicator: 'hs', area: '99999', level: 'commune', period: '2024', value: 1 },
    ],
  });
  const r = carryToNewCommunes(feed.observations, crosswalk, feed.indicators);
  const value = (ind, code) => r.observations.find((o) => o.indicator === ind && o.area === code);
  assert.equal(value('hs', '02296').value, 120 + 80);
  assert.deepEqual(r.carried.find((c) => c.indicator === 'hs' && c.code === '02296'), { code: '02296', indicator: 'hs', period: '2024', from: ['02290', '02296'], how: 'sum' });
  // A rate: (30 + 45) / (100 + 50), not the mean of 30 % and 90 %.
  assert.equal(value('rate', '02296').value, 50);
  assert.deepEqual([value('rate', '02296').numerator, value('rate', '02296').denominator], [75, 150]);
  // Partial: not carried, and says which old commune was split.
  assert.equal(value('hs', '02212'), undefined);
  assert.deepEqual(r.notCarried.find((n) => n.indicator === 'hs' && n.code === '02212'), { code: '02212', indicator: 'hs', period: '2024', from: ['02209', '02212', '02494'], reason: 'partial', detail: ['02494'] });
  assert.deepEqual(r.unmatched, ['99999']);
  // A missing part: not carried (a sum over fewer communes would understate).
  const missing = carryToNewCommunes(feed.observations.filter((o) => o.area !== '02290'), crosswalk, feed.indicators);
  assert.deepEqual(missing.notCarried.find((n) => n.indicator === 'hs' && n.code === '02296').detail, ['02290']);
  // A rate without its base: not carried.
  const noBase = carryToNewCommunes(parseFeed({ chiso: 1, indicators: [{ id: 'rate', unit: '%' }], observations: [
    { area: '02290', level: 'commune', period: '2024', value: 30 }, { area: '02296', level: 'commune', period: '2024', value: 90 }] }).observations, crosswalk, [{ id: 'rate', unit: '%' }]);
  assert.equal(noBase.observations.length, 0);
  assert.equal(noBase.notCarried[0].reason, 'no-base');
});

test('crosswalk over a whole old province: every carried figure is the exact sum of the old communes it lists', () => {
  const old08 = crosswalk.rows.filter((r) => r.oldProvinceCode === '08');
  const olds = [...new Set(old08.map((r) => r.oldCode))];
  const valueOf = (code) => (Number(code) % 97) + 1;
  const obs = olds.map((code) => ({ indicator: 'n', area: code, level: 'commune', period: '2024', value: valueOf(code) }));
  const r = carryToNewCommunes(obs, crosswalk);
  assert.ok(r.carried.length > 30);
  for (const c of r.carried) {
    assert.equal(r.observations.find((o) => o.area === c.code).value, c.from.reduce((t, code) => t + valueOf(code), 0), c.code);
    // Every part of a carried commune was whole, and is an old commune of the crosswalk for it.
    for (const code of c.from) assert.ok(crosswalk.byOld.get(code).some((row) => row.newCode === c.code && !row.partial));
  }
  for (const n of r.notCarried) assert.ok(['partial', 'missing'].includes(n.reason));
  assert.equal(r.unmatched.length, 0);
});

test('provinces: the 63 onto the 34; a new province is the sum of the old ones it took whole; old An Giang (split) is not guessed', () => {
  const obs = [['06', 789], ['19', 100], ['87', 5], ['82', 7], ['89', 11]].map(([area, value]) => ({ indicator: 'cases', area, level: 'province', period: '2021', value }));
  const r = carryToNewProvinces(obs, crosswalk);
  assert.equal(r.observations.find((o) => o.area === '19').value, 889, 'Thái Nguyên 2025 = Bắc Kạn + Thái Nguyên');
  assert.deepEqual(r.carried.find((c) => c.code === '19').from.sort(), ['06', '19']);
  assert.ok(r.notCarried.some((n) => n.code === '91' && n.reason === 'partial' && n.detail.includes('89')));
  assert.ok(r.notCarried.some((n) => n.code === '82' && n.reason === 'partial'));
});

test('matchCommune: with and without diacritics and types; an old name leads to its 2025 commune; ambiguity reported', () => {
  assert.deepEqual(communeKey('Phường Ba Đình'), { key: 'badinh', type: 'Phường' });
  assert.equal(matchCommune('Phường Ba Đình', index).match.code, '00004');
  // Three communes are called Ba Đình (a ward of Hà Nội, communes of Thanh Hóa and Quảng Ngãi): never guessed.
  assert.deepEqual(matchCommune('Xã Ba Đình', index).candidates.map((c) => c.code).sort(), ['16171', '21499']);
  const all = matchCommune('ba dinh', index);
  assert.equal(all.match, undefined);
  assert.deepEqual(all.candidates.map((c) => c.code).sort(), ['00004', '16171', '21499']);
  assert.equal(matchCommune('Ba Dinh', index, { province: '38' }).match.code, '16171');
  // Tràng Đà was a commune of Tuyên Quang before July 2025; it is part of Phường Nông Tiến now.
  for (const name of ['Xã Tràng Đà', 'trang da', 'TRANG DA']) {
    const m = matchCommune(name, index, { crosswalk });
    assert.equal(m.old?.code, '02209', name);
    assert.equal(m.match?.code, '02212', name);
    assert.equal(m.match?.name, 'Nông Tiến');
  }
  assert.equal(matchCommune('Tràng Đà', index, { crosswalk, province: '08' }).match.code, '02212');
  assert.equal(matchCommune('Tân Phú', index).candidates.length, 6);
  assert.equal(matchCommune('Atlantis', index, { crosswalk }).match, undefined);
});

const shared = new URL('../../../shared/data/geo/', import.meta.url);
test('the atlas agrees with its source (../shared/data) commune for commune', { skip: existsSync(shared) ? false : '../shared/data is not beside this clone: the comparison with the source is skipped (the data ships built)' }, () => {
  const src = JSON.parse(readFileSync(new URL('vn-communes-2025.geojson', shared), 'utf8')).features;
  assert.equal(src.length, 3321);
  const byCode = new Map(index.entries.map((e) => [e.code, e]));
  for (const f of src) {
    const e = byCode.get(f.properties.code);
    assert.ok(e, f.properties.code);
    assert.deepEqual([e.provinceCode, e.name, e.type], [f.properties.provinceCode, f.properties.name, f.properties.type]);
  }
});
