// What the map layers share, tested from source without a browser: the timeline's range and day (cases by day,
// the choropleth by period), the one colour module, and the words each layer says (the case layer's privacy rule,
// the choropleth's class labels and warnings, the BTS layer's tooltips).
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { rangeIndexes, indexWithin } from '../../packages/map/src/kit/timeline.ts';
import { TapRule } from '../../packages/map/src/kit/pointer-rule.ts';
import {
  BAND_COLORS, BTS_COLORS, CASE_COLORS, MAP_COLORS, RISK_COLORS, bandColors, colorOfValue, contrastRatio, themeDeclarations,
} from '../../packages/core/src/colors.ts';
import { paletteColors } from '../../packages/map/src/palette.ts';
import { anchorLabel, countText, derivedText, legendLabels, valueText, warningLines } from '../../packages/cases/src/case-text.ts';
import { classLabel, tableRows, warningText } from '../../packages/map/src/choropleth/text.ts';
import { clusterLines, rejectedText, villageLines } from '../../packages/bts/src/bts-text.ts';

const DAYS = ['2021-07-01', '2021-07-02', '2021-07-03', '2021-07-05', '2021-07-06'];

test('timeline: a range over sorted dates, open ends, a date between days, a reversed range; the day kept inside it', () => {
  assert.deepEqual(rangeIndexes(DAYS), [0, 4]);
  assert.deepEqual(rangeIndexes(DAYS, '2021-07-02', '2021-07-05'), [1, 3]);
  // 07-04 is not a day of the series: from starts at the next day, to ends at the one before.
  assert.deepEqual(rangeIndexes(DAYS, '2021-07-04'), [3, 4]);
  assert.deepEqual(rangeIndexes(DAYS, undefined, '2021-07-04'), [0, 2]);
  assert.deepEqual(rangeIndexes(DAYS, '2021-07-06', '2021-07-02'), [1, 4]);
  assert.deepEqual(rangeIndexes(DAYS, '2030-01-01'), [4, 4]);
  assert.deepEqual(rangeIndexes([]), [0, 0]);
  assert.equal(indexWithin(DAYS, [1, 3]), 3, 'no date: the range end');
  assert.equal(indexWithin(DAYS, [1, 3], '2021-07-01'), 1, 'before the range: its start');
  assert.equal(indexWithin(DAYS, [1, 3], '2021-07-06'), 3, 'after the range: its end');
  assert.equal(indexWithin(DAYS, [1, 3], '2021-07-02'), 1);
  assert.equal(indexWithin(DAYS, [1, 3], '2021-07-04'), 3, 'not a day of the series: the range end');
});

test('colours: one value-to-class rule, bands turned by direction, every theme table complete and its CSS declared', () => {
  const colors = ['#a', '#b', '#c'];
  assert.equal(colorOfValue(5, [10, 20], colors, 'none'), '#a');
  assert.equal(colorOfValue(10, [10, 20], colors, 'none'), '#b', 'a break is the lower bound of its class');
  assert.equal(colorOfValue(25, [10, 20], colors, 'none'), '#c');
  assert.equal(colorOfValue(null, [10, 20], colors, 'none'), 'none');
  assert.equal(colorOfValue(Number.NaN, [10, 20], colors, 'none'), 'none');
  assert.equal(colorOfValue(25, [10, 20], ['#a'], 'none'), 'none', 'a class without a colour is no data, never undefined');
  const { good, bad } = BAND_COLORS.light;
  assert.deepEqual(bandColors(['bad', 'good'], 'higher-is-better'), [bad, good]);
  assert.deepEqual(bandColors(['good', 'bad'], 'lower-is-better'), [good, bad]);
  // A theme may give any CSS colour: a name or a system colour (forced-colors mode) cannot be mixed and is left out.
  const steps = bandColors(['bad', 'fair', 'good'], 'higher-is-better', { good: 'Highlight', fair: 'rgb(1, 2, 3)', bad: 'green' });
  assert.deepEqual(steps, [BAND_COLORS.light.bad, '#010203', BAND_COLORS.light.good]);
  assert.ok(steps.every((c) => /^#[0-9a-f]{6}$/.test(c)));
  for (const table of [BAND_COLORS, MAP_COLORS, BTS_COLORS, CASE_COLORS]) {
    const keys = Object.keys(table.light).sort();
    for (const theme of ['dark', 'contrast']) assert.deepEqual(Object.keys(table[theme]).sort(), keys, `${theme} has every colour`);
  }
  assert.equal(themeDeclarations(BTS_COLORS, 'dark', { coverage: ['--_coverage', '--chiso-bts-coverage'] }), '--_coverage: var(--chiso-bts-coverage, #c2a5cf);');
  // Marks on their theme's background: 3:1 at least (WCAG 1.4.11).
  for (const [theme, bg] of [['light', '#ffffff'], ['dark', '#0d1117'], ['contrast', '#000000']]) {
    for (const c of Object.values(BAND_COLORS[theme])) assert.ok(contrastRatio(c, bg) >= 3, `${theme} band ${c} on ${bg}`);
  }
  assert.deepEqual(Object.keys(RISK_COLORS), ['1', '2', '3', '4']);
  // The gauge's stylesheet writes the bands out (a gauge page pays no generator): they are the table's.
  const themes = readFileSync(new URL('../../packages/core/src/themes.ts', import.meta.url), 'utf8');
  const blocks = { light: themes.split(":host([theme='dark'])")[0], dark: themes.split(":host([theme='dark'])")[1].split(":host([theme='contrast'])")[0], contrast: themes.split(":host([theme='contrast'])")[1].split('@media')[0] };
  for (const [theme, block] of Object.entries(blocks)) {
    for (const [band, color] of Object.entries(BAND_COLORS[theme])) assert.ok(block.includes(`--_${band}: var(--chiso-color-${band}, ${color});`), `${theme} ${band} is ${color} in themes.ts`);
  }
  // The case layer's default palette is ColorBrewer YlOrRd, five classes (the one it used to write by hand).
  assert.deepEqual(paletteColors('YlOrRd', 5), ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026']);
});

test('case text: counts from 1 to k − 1 read "< k" everywhere, derived figures "< x"; legend and warnings in both languages', () => {
  const vi = { lang: 'vi', k: 5, measure: 'new' };
  assert.equal(countText(vi, 0), '0');
  assert.equal(countText(vi, 3), '< 5');
  assert.equal(countText(vi, 1234), '1.234');
  // A circle's or cluster's label on the map: "< k" under k cases (a cluster's summed cases too), never the count.
  assert.equal(anchorLabel(vi, 3, 3, 0), '< 5');
  assert.equal(anchorLabel(vi, 4, 1.4, 1), '< 5');
  assert.equal(anchorLabel(vi, 12345, 12345.67, 1), '12.345,7');
  assert.equal(anchorLabel({ lang: 'en', k: 5 }, 12345, 12345.67, 0), '12,346');
  assert.equal(anchorLabel(vi, Number.NaN, 3, 0), '< 5', 'no number of cases: hidden, not shown');
  assert.equal(derivedText(vi, 2, 0.3, 0.7), '< 0,7');
  assert.equal(valueText({ ...vi, measure: 'avg7' }, { cases: 3, value: 3 / 7 }, 10), '< 0,7');
  assert.equal(valueText({ ...vi, measure: 'avg7' }, { cases: 75, value: 75 / 7 }, 10), '10,7');
  assert.deepEqual(legendLabels(vi, [10.5, 50], false), ['< 5 ca', '< 10,5\u00a0ca', '10,5 – < 50\u00a0ca', '≥ 50\u00a0ca']);
  assert.deepEqual(legendLabels(vi, [], false), ['< 5 ca', '≥ 5\u00a0ca']);
  const en = warningLines({ lang: 'en', k: 5, measure: 'new' }, { skipped: 2, unlocated: 3, crosswalkMissing: true, noPopulation: false });
  assert.equal(en.length, 3);
  assert.match(en[1], /< 5/, 'the unlocated count follows the rule too');
});

test('choropleth text: class labels with the gauge\'s band words, rows best first, warnings counted as trouble or news', () => {
  const view = {
    periods: ['2024'], period: '2024', values: new Map([['01', { code: '01', value: 90 }], ['02', { code: '02', value: 40 }], ['03', { code: '03', value: null }]]),
    legend: { breaks: [50, 80], colors: ['#c', '#b', '#a'], noData: '#ccc', bands: ['bad', 'fair', 'good'] },
    ranks: new Map([['01', 1], ['02', 2]]), unknownCodes: ['99'], otherLevels: [], indicator: { id: 'x', unit: '%', decimals: 1 },
  };
  const w = { lang: 'vi', view, nameOf: (c) => ({ '01': 'Hà Nội', '02': 'Huế', '03': 'An Giang' })[c] };
  assert.match(classLabel(w, 0), /^Dưới 50\s% \(chưa đạt\)$/);
  assert.match(classLabel(w, 2), /\(tốt\)$/);
  assert.deepEqual(tableRows(w, ['03', '02', '01'], () => undefined).map((r) => r.code), ['01', '02', '03']);
  const model = { observations: [{}] };
  const trouble = warningText(w, { crosswalkMissing: false, boundaries: true, model });
  assert.equal(trouble.trouble, true, 'an unknown code is trouble');
  assert.match(trouble.text, /99/);
  const none = warningText({ ...w, view: { ...view, unknownCodes: [] } }, { crosswalkMissing: false, boundaries: true, model });
  assert.deepEqual(none, { text: '', trouble: false });
});

test('BTS text: skipped sites by reason, cluster counts by operator, a village with or without signal', () => {
  assert.match(rejectedText('vi', [{ reason: 'no-coordinates' }, { reason: 'no-coordinates' }]), /2/);
  const w = { lang: 'en', nameOf: (c) => (c === '08001' ? 'Xã A' : c) };
  const lines = clusterLines(w, { point_count: 12, o0: 7, o1: 5 });
  assert.equal(lines.length, 4);
  assert.match(lines[0], /12/);
  assert.deepEqual(villageLines(w, { id: 'v', name: 'Thôn Nà', lon: 105, lat: 22 }, true, '08001').slice(0, 2), ['Thôn Nà', 'Xã A']);
});

test('TimelineController: an interval that is not a number plays at a second a step, not as fast as it can; play before the data waits for it', async (t) => {
  const { TimelineController } = await import('../../packages/map/src/kit/timeline.ts');
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let dates = [];
  let shown;
  const host = { isConnected: true, addController() {}, requestUpdate() {} };
  const tl = new TimelineController(host, { dates: () => dates, current: () => shown, show: (d) => (shown = d), interval: () => Number('nhanh') });
  tl.start();
  t.mock.timers.tick(5000);
  assert.equal(tl.playing, true, 'still playing while there is nothing to play');
  dates = ['2025-Q1', '2025-Q2', '2025-Q3'];
  shown = '2025-Q1';
  t.mock.timers.tick(999);
  assert.equal(shown, '2025-Q1', 'not faster than a second a step');
  t.mock.timers.tick(1);
  assert.equal(shown, '2025-Q2');
  t.mock.timers.tick(1000);
  assert.equal(shown, '2025-Q3');
  t.mock.timers.tick(1000);
  assert.equal(tl.playing, false, 'stops at the last');
});

test('touch: the first tap on a feature shows it, the second selects; a mouse selects at once; a tap long after is a first tap again', (t) => {
  const tap = { originalEvent: { pointerType: 'touch' } };
  const mouse = { originalEvent: { pointerType: 'mouse' } };
  const rule = new TapRule();
  assert.equal(rule.firstTap(mouse, 'a'), false, 'a mouse click selects');
  assert.equal(rule.firstTap(tap, 'a'), true, 'first tap: tooltip only');
  assert.equal(rule.firstTap(tap, 'a'), false, 'second tap: selects');
  assert.equal(rule.firstTap(tap, 'a'), true, 'then a first tap again');
  assert.equal(rule.firstTap(tap, 'b'), true, 'another feature: a first tap');
  t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
  assert.equal(rule.firstTap(tap, 'c'), true);
  t.mock.timers.tick(9000);
  assert.equal(rule.firstTap(tap, 'c'), true, 'nine seconds later: a first tap again');
});
