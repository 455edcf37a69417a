// The case model (issue 6, started): counts, measures, exact summaries, risk levels and the "< k" rule,
// with the real daily cases by pre-2025 province from ../shared/data/covid when it is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { parseFeed } from '@chiso/core';
import { areaOfEachPoint } from '../../packages/cases/src/case-areas.ts';
import {
  applyMeasure, countObservations, countPoints, dailySeries, dateRange, rate7d, readCasePoints, readDate, riskLevel, shownCount, summarizeCases,
} from '@chiso/cases/model';

const CSV = new URL('../../../shared/data/covid/vn-covid19-cases-daily-by-province-2020-03-18_2022-01-22.csv', import.meta.url);
const TOTALS = new URL('../../../shared/data/covid/vn-covid19-cases-by-province-totals.json', import.meta.url);

test('dates and case points: real dates only, statuses in Vietnamese or English, bad rows counted out', () => {
  assert.equal(readDate('2021-08-03T10:00:00+07:00'), '2021-08-03');
  assert.equal(readDate('2021-02-30'), undefined);
  assert.equal(readDate('3/8/2021'), undefined);
  const { cases, skipped } = readCasePoints([
    { lon: 105.8, lat: 21, properties: { date: '2021-08-01', status: 'home', area: '01' } },
    { properties: { date: '2021-08-01', status: 'Tử vong', area: '01' } },
    { properties: { date: 'hôm qua', status: 'home' } },
    { properties: { date: '2021-08-02', status: 'unknown' } },
  ]);
  assert.equal(cases.length, 2);
  assert.equal(skipped, 2);
  assert.equal(cases[1].status, 'deceased');
  const s = summarizeCases(countPoints(cases));
  assert.deepEqual(s, { total: 2, byStatus: { home: 1, deceased: 1 }, byArea: { '01': 2 }, byDate: { '2021-08-01': 2 } });
});

test('measures: new, cumulative, trailing 7-day mean; gaps in the feed are days with 0', () => {
  const counts = countObservations([
    { area: 'A', period: '2021-08-01', value: 7 },
    { area: 'A', period: '2021-08-03', value: 14 },
    { area: 'B', period: '2021-08-03', value: 1 },
    { area: 'B', period: '2021-08-04', value: null },
    { area: 'B', period: '2021-08-05', value: -3 },
  ]);
  const dates = dateRange(counts);
  assert.deepEqual(dates, ['2021-08-01', '2021-08-02', '2021-08-03']);
  assert.deepEqual(dailySeries(counts, dates), [7, 0, 15]);
  assert.deepEqual(applyMeasure([7, 0, 15], 'cumulative'), [7, 7, 22]);
  assert.deepEqual(applyMeasure([7, 0, 15], 'avg7'), [7, 3.5, 22 / 3]);
  assert.deepEqual(applyMeasure(Array(8).fill(7), 'avg7').at(-1), 7);
});

test('risk levels from the 7-day rate per 100,000, and counts under k never shown', () => {
  assert.deepEqual([0, 19.9, 20, 49.9, 50, 149.9, 150, 1e6, NaN].map(riskLevel), [1, 1, 2, 2, 3, 3, 4, 4, 1]);
  const counts = countObservations(Array.from({ length: 10 }, (_, i) => ({ area: 'X', period: `2021-08-${String(i + 1).padStart(2, '0')}`, value: 10 })));
  assert.equal(rate7d(counts, 'X', '2021-08-10', 100_000), 70);
  assert.equal(rate7d(counts, 'X', '2021-08-03', 100_000), 30); // only 3 days so far
  assert.deepEqual([0, 1, 4, 5, 120].map((n) => shownCount(n)), [0, '< 5', '< 5', 5, 120]);
  assert.equal(shownCount(9, 10), '< 10');
});

test('the real daily series by province: summary.total equals the sum of the input, over any range', { skip: !existsSync(CSV) && 'no ../shared/data beside this clone' }, () => {
  const model = parseFeed(readFileSync(CSV, 'utf8'));
  const counts = countObservations(model.observations);
  let sum = 0;
  for (const o of model.observations) if (o.value != null) sum += o.value;
  const all = summarizeCases(counts);
  assert.equal(all.total, sum);
  assert.equal(all.total, 2_208_650); // as SOURCES.md states
  assert.equal(Object.keys(all.byArea).length, 63);
  const totals = JSON.parse(readFileSync(TOTALS, 'utf8'));
  for (const p of totals.data) assert.equal(all.byArea[p.code], p.casesTotal, p.name);
  // 2021 alone, against the published per-province 2021 figures.
  const y2021 = summarizeCases(counts, ['2021-01-01', '2021-12-31']);
  for (const p of totals.data) assert.equal(y2021.byArea[p.code] ?? 0, p.cases2021, p.name);
  let direct = 0;
  for (const o of model.observations) if (o.value != null && o.period >= '2021-01-01' && o.period <= '2021-12-31') direct += o.value;
  assert.equal(y2021.total, direct);
  assert.equal(Object.values(y2021.byDate).reduce((a, b) => a + b, 0), y2021.total);
});

test('day index: measure windows and running totals give the same numbers as the plain series', async () => {
  const { indexCounts, measureWindow, casesIn, measureValue, riskOnDay } = await import('@chiso/cases/model');
  const counts = countObservations([
    { area: 'A', period: '2021-08-01', value: 7, status: 'home' },
    { area: 'A', period: '2021-08-03', value: 14, status: 'deceased' },
    { area: 'B', period: '2021-08-03', value: 1 },
    { area: 'B', period: '2021-08-09', value: 2 },
  ]);
  const index = indexCounts(counts);
  const dates = index.dates;
  assert.equal(dates.length, 9);
  for (const measure of ['new', 'cumulative', 'avg7']) {
    const plain = applyMeasure(dailySeries(counts, dates), measure);
    dates.forEach((_, i) => {
      const win = measureWindow(i, measure, 0);
      assert.equal(measureValue(casesIn(index.totalPrefix, win), measure, win), plain[i], `${measure} day ${i}`);
    });
  }
  // Cumulative from a range's first day; statuses kept apart.
  assert.deepEqual(measureWindow(5, 'cumulative', 2), [2, 5]);
  const a = index.areas.indexOf('A');
  assert.equal(casesIn(index.statusPrefix[a].deceased, [0, 8]), 14);
  assert.equal(casesIn(index.statusPrefix[a].home, [1, 8]), 0);
  // A published level holds until the next one.
  assert.equal(riskOnDay([['2021-08-02', 2], ['2021-08-05', 4]], '2021-08-04'), 2);
  assert.equal(riskOnDay([['2021-08-02', 2], ['2021-08-05', 4]], '2021-08-05'), 4);
  assert.equal(riskOnDay([['2021-08-02', 2]], '2021-08-01'), undefined);
});

test('a day over every area: measure, 7-day rate, risk from the rule or from published levels; scales over a range', async () => {
  const { indexCounts, areasOnDay, rangeScales } = await import('@chiso/cases/model');
  const { classifyQuantile } = await import('@chiso/map/classify');
  const rows = [];
  for (let d = 1; d <= 10; d++) {
    const period = `2021-08-${String(d).padStart(2, '0')}`;
    rows.push({ area: 'A', period, value: 10 }, { area: 'B', period, value: d === 10 ? 3 : 0 });
  }
  const index = indexCounts(countObservations(rows));
  const population = new Map([['A', 100_000], ['B', 50_000]]);
  const last = areasOnDay(index, 9, { measure: 'new', population });
  const a = last.find((x) => x.code === 'A');
  assert.deepEqual({ cases: a.cases, value: a.value, rate: a.rate, risk: a.risk }, { cases: 10, value: 10, rate: 70, risk: 3 });
  const b = last.find((x) => x.code === 'B');
  assert.deepEqual({ cases: b.cases, rate: b.rate, risk: b.risk }, { cases: 3, rate: 6, risk: 1 });
  // Cumulative from the range's first day; a published level wins, and an area known only by its level is listed.
  const cum = areasOnDay(index, 9, { measure: 'cumulative', rangeStart: 5, riskLevels: new Map([['B', [['2021-08-05', 4]]], ['C', [['2021-08-01', 2]]]]) });
  assert.equal(cum.find((x) => x.code === 'A').value, 50);
  assert.equal(cum.find((x) => x.code === 'B').risk, 4);
  assert.deepEqual(cum.find((x) => x.code === 'C'), { code: 'C', cases: 0, value: 0, risk: 2 });
  // Scales: the largest value over the range; breaks only from areas with at least k cases.
  const flat = rangeScales(index, [0, 9], { measure: 'new', by: 'value', k: 5, classes: 4, classify: classifyQuantile });
  assert.equal(flat.max, 10);
  assert.deepEqual(flat.breaks, [], 'one value everywhere: no breaks');
  const rising = indexCounts(countObservations(Array.from({ length: 10 }, (_, i) => ({ area: 'A', period: `2021-08-${String(i + 1).padStart(2, '0')}`, value: 2 * (i + 1) }))));
  const scales = rangeScales(rising, [0, 9], { measure: 'new', by: 'value', k: 5, classes: 4, classify: classifyQuantile });
  assert.equal(scales.max, 20);
  assert.ok(scales.breaks.length >= 2 && scales.breaks.every((x, i) => x > 6 && x <= 20 && (i === 0 || x > scales.breaks[i - 1])), String(scales.breaks));
});

test('the chart series: the measure over the range, counts of 1 to k − 1 drawn at k', async () => {
  const { indexCounts, chartSeries } = await import('@chiso/cases/model');
  const index = indexCounts(countObservations([
    { area: 'A', period: '2021-08-01', value: 2 },
    { area: 'A', period: '2021-08-02', value: 0 },
    { area: 'B', period: '2021-08-03', value: 9 },
  ]));
  assert.deepEqual([...chartSeries(index, [0, 2], 'new', 5)], [5, 0, 9]);
  assert.deepEqual([...chartSeries(index, [1, 2], 'cumulative', 5)], [0, 9]);
  assert.deepEqual([...chartSeries(index, [0, 2], 'cumulative', 5)], [5, 5, 11]);
});

test('cases with coordinates and no area land in the area that contains them: holes and multipolygons respected', () => {
  const square = (x, y, d) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
  const areas = [
    // A commune with a hole (an enclave), and the enclave itself.
    { code: '00001', geometry: { type: 'Polygon', coordinates: [square(105, 21, 1), square(105.4, 21.4, 0.2)] } },
    { code: '00002', geometry: { type: 'Polygon', coordinates: [square(105.4, 21.4, 0.2)] } },
    // An island commune of two parts.
    { code: '00003', geometry: { type: 'MultiPolygon', coordinates: [[square(107, 20, 0.1)], [square(107.5, 20.5, 0.1)]] } },
  ];
  const points = [
    { lon: 105.1, lat: 21.1 }, // in 00001
    { lon: 105.5, lat: 21.5 }, // in the hole: the enclave
    { lon: 107.55, lat: 20.55 }, // the island's second part
    { lon: 107.3, lat: 20.3 }, // sea between the parts
    { lon: 90, lat: 10 }, // far away
  ];
  assert.deepEqual(areaOfEachPoint(points, areas), ['00001', '00002', '00003', '', '']);
});
