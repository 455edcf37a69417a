// Joining a feed to boundary codes and classing it, from the built @chiso/map/model in plain Node (no DOM).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '@chiso/core';
import { buildChoropleth, colorOf, classCounts } from '@chiso/map/model';

test('buildChoropleth joins, classes, ranks, and reports unknown codes and mixed levels', () => {  const model = parseFeed({
    chiso: 1,
    observations: [
      { area: '04792', level: 'commune', period: '2024', value: 10 },
      { area: '04792', level: 'commune', period: '2025', value: 40 },
      { area: '4795', level: 'commune', period: '2025', value: 20 },
      { area: '04798', level: 'commune', period: '2025', value: null },
      { area: '99999', level: 'commune', period: '2025', value: 5 },
      { area: '25', level: 'province', period: '2025', value: 30 },
    ],
  });
  const known = new Set(['04792', '04795', '04798', '04801']);
  const v = buildChoropleth(model, { known, classes: { method: 'manual', k: 3, breaks: [15, 30] } });
  assert.equal(v.period, '2025', 'the latest period with data');
  assert.deepEqual(v.periods, ['2024', '2025']);
  assert.equal(v.level, 'commune');
  assert.deepEqual(v.otherLevels, ['province']);
  assert.deepEqual(v.unknownCodes, ['99999']);
  assert.equal(v.values.get('04795').value, 20, 'codes are matched with zero padding restored');
  assert.deepEqual(v.legend.breaks, [15, 30]);
  assert.equal(colorOf(v, '04792'), v.legend.colors[2]);
  assert.equal(colorOf(v, '04795'), v.legend.colors[1]);
  assert.equal(colorOf(v, '04798'), v.legend.noData);
  assert.equal(colorOf(v, '04801'), v.legend.noData);
  assert.deepEqual(classCounts(v, known), { counts: [0, 1, 1], noData: 2 });
  assert.deepEqual([...v.ranks], [['04792', 1], ['04795', 2]]);
  const earlier = buildChoropleth(model, { known, period: '2024', classes: { method: 'manual', k: 3, breaks: [15, 30] } });
  assert.equal(colorOf(earlier, '04792'), earlier.legend.colors[0]);
  assert.equal(colorOf(earlier, '04795'), earlier.legend.noData);
});

test('maps agree with gauges: thresholds are the default breaks, coloured good / fair / bad by direction; rank 1 is the best', async () => {
  const { bandOf, bandIndexOf, rankValues } = await import('@chiso/core');
  const { DEFAULT_BAND_COLORS } = await import('@chiso/map/model');
  const feed = (direction) => parseFeed({
    chiso: 1,
    indicators: [{ id: 'rate', unit: '%', thresholds: [50, 80], direction }],
    observations: [['01', 95], ['02', 62], ['04', 12], ['06', 80], ['08', null]].map(([area, value]) => ({ area, level: 'province', period: '2021', value })),
  });
  const colourOfBand = { good: DEFAULT_BAND_COLORS.good, fair: DEFAULT_BAND_COLORS.fair, bad: DEFAULT_BAND_COLORS.bad };
  for (const direction of ['higher-is-better', 'lower-is-better']) {
    const v = buildChoropleth(feed(direction));
    assert.deepEqual(v.legend.breaks, [50, 80], `${direction}: the thresholds are the breaks`);
    for (const [code, value] of [['01', 95], ['02', 62], ['04', 12], ['06', 80]]) {
      // The same band the gauge gives this value, in the gauge's colour.
      const band = bandOf(bandIndexOf(value, [50, 80]), 2, direction);
      assert.equal(colorOf(v, code), colourOfBand[band], `${direction}: ${code} (${value}) is ${band}`);
    }
    assert.equal(colorOf(v, '08'), v.legend.noData);
    assert.deepEqual(v.legend.bands, direction === 'lower-is-better' ? ['good', 'fair', 'bad'] : ['bad', 'fair', 'good']);
    // Rank 1 is the best area: the highest when higher is better, the lowest when lower is better.
    assert.equal(v.ranks.get(direction === 'lower-is-better' ? '04' : '01'), 1);
    assert.equal(v.ranks.get(direction === 'lower-is-better' ? '01' : '04'), 4);
    assert.equal(v.ranks.has('08'), false);
  }
  // An explicit classes still wins; colours given by the element (a theme) are used.
  const q = buildChoropleth(feed('higher-is-better'), { classes: { method: 'quantile', k: 2 } });
  assert.equal(q.legend.bands, undefined);
  assert.equal(q.legend.colors.length, 2);
  const themed = buildChoropleth(feed('higher-is-better'), { bands: { good: '#00ff66' } });
  assert.equal(colorOf(themed, '01'), '#00ff66');
  // Four classes: both ends exact, steps between them all different.
  const four = buildChoropleth(parseFeed({ chiso: 1, indicators: [{ id: 'r', thresholds: [10, 20, 30] }], observations: [{ area: '01', value: 1 }] }));
  assert.equal(four.legend.colors[0], DEFAULT_BAND_COLORS.bad);
  assert.equal(four.legend.colors[3], DEFAULT_BAND_COLORS.good);
  assert.equal(new Set(four.legend.colors).size, 4);
  // Ties share the better rank.
  assert.deepEqual([...rankValues([['a', 5], ['b', 7], ['c', 5], ['d', null]], 'lower-is-better')], [['a', 1], ['c', 1], ['b', 3]]);
});

test('aggregates and unmatched areas never reach a map, its ranks or its level warning', () => {
  const model = parseFeed('dia_ban,nam,gia_tri\nCả nước,2021,70\nĐồng bằng sông Hồng,2021,80\nHà Nội,2021,90\nBắc Kạn,2021,60\nAtlantis,2021,99\n');
  const v = buildChoropleth(model, { known: new Set(['01', '06']) });
  assert.deepEqual([...v.values.keys()].sort(), ['01', '06']);
  assert.deepEqual(v.otherLevels, []);
  assert.deepEqual(v.unknownCodes, []);
  assert.deepEqual([...v.ranks], [['01', 1], ['06', 2]]);
});
