// Areas are matched or kept apart, never mixed: every reader gives an area a GSO code only when it is matched
// as that area (by name, or by a code of the right length and era), types the whole country and GSO's six
// regions as aggregates, and keeps anything else under a key that can never equal a GSO code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseFeed, matchAreaName, matchProvince, provinces, regions, keysAreAreaCodes } from '@chiso/core';

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const areasOf = (model) => [...new Set(model.observations.map((o) => o.area))];

test('a GSO PX-Web download by province: 63 provinces plus the country and six regions, typed; nothing lands on a position', () => {
  // Keys are positions 0–69: "Mekong River Delta" sits at 56 (Khánh Hòa's code), "South East" at 49 (Quảng Nam's).
  const model = parseFeed(fixture('gso-pxweb-by-province.synthetic.json'));
  assert.equal(model.format, 'jsonstat1');
  const byLevel = (level) => [...new Set(model.observations.filter((o) => o.level === level).map((o) => o.area))];
  assert.deepEqual(byLevel('province').sort(), provinces('pre2025').map((p) => p.code));
  assert.deepEqual(byLevel('country'), ['VN']);
  assert.deepEqual(byLevel('region').sort(), regions().map((r) => r.code).sort());
  assert.equal(regions().length, 6);
  assert.deepEqual(model.unmatched, []);
  assert.equal(model.observations.length, 70 * 3);
  // Khánh Hòa has its own three years, and the values of its own row (position 40), not the delta's (56).
  const raw = JSON.parse(fixture('gso-pxweb-by-province.synthetic.json')).dataset;
  const kh = model.observations.filter((o) => o.area === '56');
  assert.deepEqual(kh.map((o) => o.value), raw.value.slice(40 * 3, 40 * 3 + 3));
  assert.ok(kh.every((o) => o.areaName === 'Khánh Hòa'));
  const mekong = model.observations.filter((o) => o.area === 'region:MRD');
  assert.deepEqual(mekong.map((o) => o.value), raw.value.slice(56 * 3, 56 * 3 + 3));
  assert.equal(model.observations.filter((o) => o.area === '49').length, 3, 'Quảng Nam: its own three, not the South East too');
  assert.ok(!model.observations.some((o) => /^\d{2}$/.test(o.area) && o.level !== 'province'));
});

test('hand-written: keys that are real codes but not these areas\' codes are not trusted', () => {
  // The publisher numbered categories with keys that happen to be GSO codes (01, 49, 56) for other things.
  const ds = {
    version: '2.0', class: 'dataset', id: ['dia_ban', 'nam'], size: [4, 1],
    dimension: {
      dia_ban: { label: 'Địa bàn', category: { index: ['01', '49', '56', '25'], label: { '01': 'Cả nước', '49': 'Đông Nam Bộ', 56: 'Vùng khác (không xác định)', 25: 'Tỉnh Bắc Kạn' } } },
      nam: { category: { index: ['2023'] } },
    },
    value: [100, 50, 7, 3],
  };
  const m = parseFeed(ds);
  assert.deepEqual(m.observations.map((o) => [o.area, o.level, o.value]), [
    ['VN', 'country', 100], ['region:SE', 'region', 50], ['x:56', undefined, 7], ['06', 'province', 3],
  ]);
  assert.deepEqual(m.unmatched, [{ key: 'x:56', label: 'Vùng khác (không xác định)', count: 1 }]);
  assert.equal(keysAreAreaCodes({ keys: ['01', '49', '56', '25'], labels: ['Cả nước', 'Đông Nam Bộ', 'x', 'Tỉnh Bắc Kạn'] }), false);
  // Keys that are the provinces' own codes are codes: an unlabelled category keeps its code.
  assert.equal(keysAreAreaCodes({ keys: ['06', '25', '08'], labels: ['Bắc Kạn', 'Phú Thọ', 'TQ (viết tắt)'] }), true);
  const coded = parseFeed({ ...ds, dimension: { ...ds.dimension, dia_ban: { category: { index: ['06', '25', '08', '99'], label: { '06': 'Bắc Kạn', 25: 'Phú Thọ', '08': 'TQ', 99: 'Khác' } } } } });
  assert.deepEqual(coded.observations.map((o) => o.area), ['06', '25', '08', 'x:99']);
});

test('aggregates by every name publishers use, in Vietnamese and English', () => {
  for (const name of ['Cả nước', 'Toàn quốc', ' WHOLE COUNTRY', 'Whole country']) assert.equal(matchAreaName(name)?.level, 'country', name);
  const cases = [['Đồng bằng sông Hồng', 'region:RRD'], ['Red River Delta', 'region:RRD'], ['Trung du và miền núi phía Bắc', 'region:NMM'],
    ['Northern midlands and mountain areas', 'region:NMM'], ['Bắc Trung Bộ và duyên hải miền Trung', 'region:NCC'],
    ['North Central and Central coastal areas', 'region:NCC'], ['North Central area and Central coastal area', 'region:NCC'],
    ['Tây Nguyên', 'region:CH'], ['Central Highlands', 'region:CH'], ['Đông Nam Bộ', 'region:SE'], ['South East', 'region:SE'],
    ['Đồng bằng sông Cửu Long', 'region:MRD'], ['Mekong River Delta', 'region:MRD'], ['Vùng Đồng bằng sông Cửu Long', 'region:MRD']];
  for (const [name, code] of cases) assert.deepEqual([matchAreaName(name)?.code, matchAreaName(name)?.level], [code, 'region'], name);
  assert.equal(matchAreaName('56'), null, 'digits are never a name');
  assert.equal(matchProvince('Red River Delta').level, 'region');
  // A province of the old era whose code now belongs to another province is not matched in the new era.
  assert.equal(matchAreaName('Bắc Giang', 'pre2025')?.code, '24');
  assert.equal(matchAreaName('Bắc Giang', '2025'), null);
  assert.equal(matchAreaName('Hà Giang', '2025')?.code, '02');
});

test('CSV and CKAN: a code and a name that disagree use the code and say so; row numbers are not codes', () => {
  const csv = 'ma_tinh,ten_tinh,nam,gia_tri\n25,Bắc Kạn,2021,1\n06,Bắc Kạn,2021,2\n,Toàn quốc,2021,3\n56,Mekong River Delta,2021,4\n';
  const m = parseFeed(csv);
  assert.deepEqual(m.observations.map((o) => [o.area, o.level]), [['25', 'province'], ['06', 'province'], ['VN', 'country'], ['region:MRD', 'region']]);
  assert.deepEqual(m.mismatched, [
    { code: '25', name: 'Phú Thọ', label: 'Bắc Kạn', count: 1 },
    { code: 'region:MRD', name: 'Đồng bằng sông Cửu Long', label: '56', count: 1 },
  ]);
  // A positional id column beside names (0, 1, 2 …) is a row number: names decide.
  const rows = { success: true, result: { records: [{ id: 0, province: 'WHOLE COUNTRY', value: 9 }, { id: 1, province: 'Red River Delta', value: 8 }, { id: 2, province: 'Ha Noi', value: 7 }] } };
  const ck = parseFeed(rows);
  assert.deepEqual(ck.observations.map((o) => o.area), ['VN', 'region:RRD', '01']);
  assert.equal(ck.mismatched, undefined);
  // An unknown short code is kept apart under x:, never as a code.
  const odd = parseFeed('code,value\n99,1\n25,2\n');
  assert.deepEqual(odd.observations.map((o) => o.area), ['x:99', '25']);
  assert.deepEqual(odd.unmatched, [{ key: 'x:99', count: 1 }]);
});

test('property: no two different labels on one area code, every province label on its own code (fast-check)', () => {
  const eras = { pre2025: provinces('pre2025'), 2025: provinces('2025') };
  const regionNames = ['Red River Delta', 'Đồng bằng sông Hồng', 'Northern midlands and mountain areas', 'North Central and Central coastal areas',
    'Central Highlands', 'Tây Nguyên', 'South East', 'Đông Nam Bộ', 'Mekong River Delta', 'Đồng bằng sông Cửu Long'];
  const junk = ['Atlantis', 'Khác', 'Không xác định', 'Other', 'Total', 'Nông thôn', '56', '01', '49', 'Vùng 7', ''];
  const deaccent = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const allCodes = [...new Set([...eras.pre2025, ...eras[2025]].map((p) => p.code))];
  const dataset = fc.record({
    year: fc.constantFrom('2019', '2023', '2026'),
    labels: fc.array(fc.oneof(
      fc.record({ kind: fc.constant('province'), i: fc.nat(62), plain: fc.boolean(), prefix: fc.boolean() }),
      fc.record({ kind: fc.constant('region'), name: fc.constantFrom(...regionNames) }),
      fc.record({ kind: fc.constant('country'), name: fc.constantFrom('Cả nước', 'Toàn quốc', ' WHOLE COUNTRY') }),
      fc.record({ kind: fc.constant('junk'), name: fc.constantFrom(...junk) }),
    ), { minLength: 1, maxLength: 40 }),
    keyMode: fc.constantFrom('positions', 'codes', 'mixed'),
    seed: fc.nat(1000),
  });
  fc.assert(fc.property(dataset, ({ year, labels, keyMode, seed }) => {
    const era = year === '2026' ? '2025' : 'pre2025';
    const list = eras[era];
    const cats = labels.map((l) => {
      if (l.kind !== 'province') return { ...l, label: l.name };
      const p = list[l.i % list.length];
      const name = l.plain ? deaccent(p.name) : p.name;
      return { ...l, code: p.code, label: l.prefix ? `Tỉnh ${name}` : name };
    });
    // Keys: positions, real codes shuffled onto the categories, or a mix, always unique.
    const shuffled = allCodes.slice().sort((a, b) => ((a.charCodeAt(1) * 31 + seed) % 17) - ((b.charCodeAt(1) * 31 + seed) % 17) || a.localeCompare(b));
    const keys = cats.map((_, i) => (keyMode === 'positions' || (keyMode === 'mixed' && i % 2) || i >= shuffled.length ? `p${i}` : shuffled[i]));
    if (keyMode === 'positions') keys.forEach((_, i) => { keys[i] = String(i); });
    const ds = { version: '2.0', class: 'dataset', id: ['area', 'year'], size: [cats.length, 1], role: { geo: ['area'], time: ['year'] },
      dimension: { area: { category: { index: keys, label: Object.fromEntries(keys.map((k, i) => [k, cats[i].label])) } }, year: { category: { index: [year] } } },
      value: cats.map((_, i) => i) };
    const m = parseFeed(ds);
    const landed = new Map();
    m.observations.forEach((o) => {
      const cat = cats[o.value];
      if (cat.kind === 'province') assert.equal(o.area, cat.code, `${cat.label} (key ${keys[o.value]}) → ${o.area}`);
      if (cat.kind === 'region') assert.equal(o.level, 'region');
      if (cat.kind === 'country') assert.equal(o.area, 'VN');
      if (o.area.startsWith('x:')) return;
      const who = cat.kind === 'province' ? `p:${cat.code}` : cat.kind === 'junk' ? `junk:${cat.label}:${o.value}` : `${cat.kind}:${matchAreaName(cat.label)?.code}`;
      const set = landed.get(o.area) ?? new Set();
      set.add(who);
      landed.set(o.area, set);
    });
    for (const [code, who] of landed) assert.equal(who.size, 1, `${code} holds ${[...who].join(', ')}`);
  }), { numRuns: 400 });
});
