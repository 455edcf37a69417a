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
