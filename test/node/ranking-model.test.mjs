// <chiso-ranking>'s model, from source: a GSO PX-Web download by province ranked in the right order with the
// whole country and the regions left out, ties sharing a rank, direction, published ranks and their change, and
// the top rows with the page's own area kept in view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseFeed } from '@chiso/core';
import { buildRanking, visibleRows } from '../../packages/gauge/src/ranking-model.ts';

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const published = parseFeed(readFileSync(new URL('../../examples/feeds/so-lieu-cong-bo.json', import.meta.url), 'utf8'));

test('a GSO PX-Web download by province: the 63 provinces in order of value, the whole country and six regions left out', () => {
  const model = parseFeed(fixture('gso-pxweb-by-province.synthetic.json'));
  const r = buildRanking(model);
  assert.equal(r.rows.length, 63);
  assert.deepEqual(r.excluded.sort(), ['VN', 'region:CH', 'region:MRD', 'region:NCC', 'region:NMM', 'region:RRD', 'region:SE']);
  // By hand: the period's values of the provinces (two-digit codes), highest first.
  const expected = model.observations.filter((o) => o.period === r.period && /^\d{2}$/.test(o.area) && o.value !== null)
    .sort((a, b) => b.value - a.value).map((o) => o.area);
  assert.deepEqual(r.rows.map((x) => x.key), expected);
  for (let i = 1; i < r.rows.length; i++) assert.ok(r.rows[i - 1].value >= r.rows[i].value);
  assert.equal(r.rows[0].rank, 1);
  assert.ok(r.rows.every((x) => x.rankOf === 63));
  // Lower is better: the same provinces, the other way round.
  const low = buildRanking(model, { direction: 'lower-is-better' });
  assert.equal(low.rows[0].key, expected.at(-1));
});

test('ties share a rank (1, 2, 2, 4); bands by the thresholds and direction; places moved since the period before', () => {
  // SYNTHETIC rates of four made-up units (subjects, not areas) in two years.
  const model = parseFeed({ chiso: 1, indicators: [{ id: 'r', unit: '%', thresholds: [50, 80] }], observations: [
    ...[['a', 90, 70], ['b', 70, 90], ['c', 70, 60], ['d', 40, 65]].flatMap(([id, v2025, v2024]) => [
      { indicator: 'r', area: '99', subject: { id, name: `Đơn vị ${id}` }, period: '2025', value: v2025 },
      { indicator: 'r', area: '99', subject: { id, name: `Đơn vị ${id}` }, period: '2024', value: v2024 },
    ]),
  ] });
  const r = buildRanking(model);
  assert.deepEqual(r.rows.map((x) => [x.key, x.rank]), [['a', 1], ['b', 2], ['c', 2], ['d', 4]]);
  assert.deepEqual(r.rows.map((x) => x.band), ['good', 'fair', 'fair', 'bad']);
  assert.equal(r.previousPeriod, '2024');
  // 2024: b 1st, a 2nd, d 3rd, c 4th.
  assert.deepEqual(r.rows.map((x) => x.change), [1, -1, 2, -1]);
});

test('published ranks: Bắc Kạn 16th of 63 in the ICT index (2019), up 10 places from 2018', () => {
  const r = buildRanking(published, { indicator: 'ict.rank' });
  assert.equal(r.by, 'published');
  assert.equal(r.period, '2019');
  assert.deepEqual(r.rows.map((x) => [x.key, x.rank, x.rankOf, x.change]), [['06', 16, 63, 10]]);
});

test('top rows and the page\'s own area: "… 55. Bắc Kạn" after the top ten', () => {
  const rows = Array.from({ length: 63 }, (_, i) => ({ key: String(i + 1).padStart(2, '0'), name: `T${i + 1}`, value: 63 - i, rank: i + 1, rankOf: 63, band: 'none' }));
  const shown = visibleRows(rows, 10, '55');
  assert.equal(shown.rows.length, 11);
  assert.equal(shown.gap, 10);
  assert.equal(shown.rows.at(-1).key, '55');
  assert.equal(visibleRows(rows, 10, '05').rows.length, 10, 'already in the top ten: no gap');
  assert.equal(visibleRows(rows, undefined, '55').rows.length, 63);
  assert.equal(visibleRows(rows, -3, '55').rows.length, 63, 'a limit under 1 shows every row');
});

test('published: Tuyên Quang\'s three leading units of 2023, named with neither values nor ranks, are listed in the feed\'s order, not ranked; their source kept', () => {
  const r = buildRanking(published, { indicator: 'dx.top_units' });
  assert.equal(r.by, 'listed');
  assert.equal(r.period, '2023');
  assert.deepEqual(r.rows.map((x) => x.name), ['Sở Tư pháp', 'Thành phố Tuyên Quang', 'Xã Tràng Đà']);
  assert.ok(r.rows.every((x) => x.value === null && x.band === 'none'));
  assert.match(r.source.name.vi, /Tuyên Quang/);
});

test('values with published ranks: the publisher\'s ranks stand (a score and its rank); values without ranks are ranked here', () => {
  // SYNTHETIC scores whose published ranks differ from their order (a tie broken by the publisher).
  const feed = { chiso: 1, indicators: [{ id: 'par' }], observations: [
    { area: '06', period: '2024', value: 80, rank: 2, rankOf: 63 }, { area: '08', period: '2024', value: 80, rank: 1, rankOf: 63 },
    { area: '25', period: '2024', value: 70, rank: 3, rankOf: 63 }] };
  const r = buildRanking(parseFeed(feed));
  assert.equal(r.by, 'published');
  assert.deepEqual(r.rows.map((x) => [x.key, x.rank, x.rankOf]), [['08', 1, 63], ['06', 2, 63], ['25', 3, 63]]);
  feed.observations[2] = { area: '25', period: '2024', value: 70 };
  const mixed = buildRanking(parseFeed(feed));
  assert.equal(mixed.by, 'value');
  assert.deepEqual(mixed.rows.map((x) => x.rank), [1, 1, 3]);
});

test('CSV carries ranks and wording too: hạng, trong số and từ chỉnh columns read as rank, rankOf and qualifier', () => {
  // Bắc Kạn's published ICT-index ranks (2018: 26/63, 2019: 16/63) typed as a CSV, with a made-up wording column.
  const model = parseFeed('ma_tinh,nam,gia_tri,hang,trong_so,tu_chinh\n06,2018,,26,63,\n06,2019,,16,63,gần\n');
  assert.deepEqual(model.observations.map((o) => [o.period, o.rank, o.rankOf, o.qualifier]), [['2018', 26, 63, undefined], ['2019', 16, 63, 'nearly']]);
  const r = buildRanking(model);
  assert.equal(r.by, 'published');
  assert.deepEqual(r.rows.map((x) => [x.key, x.rank, x.rankOf, x.change]), [['06', 16, 63, 10]]);
});
