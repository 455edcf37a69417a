// The canvas renderer's reading of the layers' MapLibre styles (packages/map/src/canvas/expressions.ts) and its
// camera (camera.ts): the expressions the choropleth, BTS and case layers really write give what MapLibre gives,
// an expression it cannot draw is refused loudly, and a view means the same as on MapLibre (512 px tiles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileExpression } from '../../packages/map/src/canvas/expressions.ts';
import { fitView, fromWorld, toWorld, metresPerPixel, worldToScreen, screenToWorld } from '../../packages/map/src/canvas/camera.ts';
import { clusterIconName } from '../../packages/bts/src/site-clusters.ts';

test('the choropleth fill: a feature state colour, else the no-data grey; dimmed by the legend', () => {
  const fill = compileExpression(['coalesce', ['feature-state', 'c-color'], '#c8c8c8']);
  assert.equal(fill({ zoom: 5, state: { 'c-color': '#2c7fb8' } }), '#2c7fb8');
  assert.equal(fill({ zoom: 5, state: {} }), '#c8c8c8');
  assert.equal(fill({ zoom: 5 }), '#c8c8c8');
  assert.equal(fill.featureConstant, false);
  const opacity = compileExpression(['case', ['boolean', ['feature-state', 'c-dim'], false], 0.15 * 0.9, 0.9]);
  assert.equal(opacity({ zoom: 5, state: { 'c-dim': true } }), 0.15 * 0.9);
  assert.equal(opacity({ zoom: 5, state: { 'c-dim': false } }), 0.9);
  assert.equal(opacity({ zoom: 5, state: { 'c-dim': 'yes' } }), 0.9, 'not a boolean: the fallback');
});

test('BTS: village colours by gap, gap size by zoom, icons by property, cluster badges named by their counts', () => {
  const village = compileExpression(['case', ['get', 'gap'], '#d1495b', '#2a9d8f']);
  assert.equal(village({ zoom: 9, properties: { gap: true } }), '#d1495b');
  assert.equal(village({ zoom: 9, properties: { gap: false } }), '#2a9d8f');
  const radius = compileExpression(['interpolate', ['linear'], ['zoom'], 7, 4, 11, 6]);
  assert.equal(radius({ zoom: 5 }), 4, 'below the first stop');
  assert.equal(radius({ zoom: 9 }), 5);
  assert.equal(radius({ zoom: 14 }), 6, 'beyond the last stop');
  assert.equal(radius.featureConstant, true);
  assert.equal(radius.zoomConstant, false);
  const filter = compileExpression(['!', ['has', 'point_count']]);
  assert.equal(filter({ zoom: 9, properties: { point_count: 3 } }), false);
  assert.equal(filter({ zoom: 9, properties: {} }), true);
  const name = compileExpression(clusterIconName('bts-cluster-'));
  assert.equal(name({ zoom: 8, properties: { o0: 3, o1: 0, o2: 12, o3: 1, o4: 2 } }), 'bts-cluster-3,0,12,1,2');
});

test('cases: bubble radius by the square root of the count, heat weight capped; number-format in vi-VN, as MapLibre\'s', () => {
  const radius = compileExpression(['interpolate', ['linear'], ['sqrt', ['get', 'n']], 0, 3, Math.sqrt(400), 30]);
  assert.equal(radius({ zoom: 8, properties: { n: 0 } }), 3);
  assert.equal(radius({ zoom: 8, properties: { n: 100 } }), 3 + 27 / 2);
  assert.equal(radius({ zoom: 8, properties: { n: 10000 } }), 30);
  const weight = compileExpression(['min', 1, ['/', ['get', 'n'], 50]]);
  assert.equal(weight({ zoom: 8, properties: { n: 25 } }), 0.5);
  assert.equal(weight({ zoom: 8, properties: { n: 500 } }), 1);
  // (The count labels are written on an overlay now, case-labels.ts; the engine still reads this as MapLibre does.)
  const label = compileExpression(['concat', 'c-t:', ['case', ['<', ['get', 'c'], 5], '< 5',
    ['number-format', ['get', 'n'], { locale: 'vi-VN', 'max-fraction-digits': 1 }]]]);
  assert.equal(label({ zoom: 8, properties: { c: 3, n: 3 } }), 'c-t:< 5');
  assert.equal(label({ zoom: 8, properties: { c: 12345, n: 12345.67 } }), 'c-t:12.345,7');
  const window = compileExpression(['all', ['>=', ['get', 'd'], 3], ['<=', ['get', 'd'], 9]]);
  assert.deepEqual([2, 3, 9, 10].map((d) => window({ zoom: 8, properties: { d } })), [false, true, true, false]);
});

test('match, step, to-string, exponential interpolation; an expression the canvas cannot draw is refused', () => {
  const m = compileExpression(['match', ['get', 'op'], ['viettel', 'vt'], 1, 'vnpt', 2, 0]);
  assert.deepEqual(['vt', 'vnpt', 'x'].map((op) => m({ zoom: 0, properties: { op } })), [1, 2, 0]);
  const s = compileExpression(['step', ['get', 'v'], 'a', 10, 'b', 20, 'c']);
  assert.deepEqual([5, 10, 25].map((v) => s({ zoom: 0, properties: { v } })), ['a', 'b', 'c']);
  assert.equal(compileExpression(['to-string', ['get', 'missing']])({ zoom: 0, properties: {} }), '');
  const e = compileExpression(['interpolate', ['exponential', 2], ['zoom'], 0, 0, 2, 3]);
  assert.equal(e({ zoom: 1 }), 1, '(2^1 − 1) / (2^2 − 1) of the way');
  assert.throws(() => compileExpression(['within', { type: 'Polygon' }]), /"within" is not supported/);
  assert.throws(() => compileExpression(['interpolate', ['cubic-bezier', 0, 0, 1, 1], ['zoom'], 0, 0, 1, 1]), /not supported/);
  assert.throws(() => compileExpression(['interpolate', ['linear'], ['get', 'v'], 0, '#ffffff', 1, '#000000']), /over colours is not supported/, 'refused, not drawn in a wrong colour');
});

test('Web Mercator at MapLibre\'s scale: round trips, the view that fits Viet Nam, the scale bar', () => {
  const [x, y] = toWorld(105.85, 21.03);
  const [lng, lat] = fromWorld(x, y);
  assert.ok(Math.abs(lng - 105.85) < 1e-9 && Math.abs(lat - 21.03) < 1e-9);
  assert.deepEqual(toWorld(0, 0), [256, 256], 'the world is 512 px wide at zoom 0');
  const view = { ...fitView([102.1, 6.8, 117.9, 23.4], 640, 420, 16), width: 640, height: 420 };
  const [sx0, sy0] = worldToScreen(view, ...toWorld(102.1, 23.4));
  const [sx1, sy1] = worldToScreen(view, ...toWorld(117.9, 6.8));
  assert.ok(sx0 >= 15.9 && sy0 >= 15.9 && sx1 <= 624.1 && sy1 <= 404.1, 'inside the padding');
  assert.ok(Math.abs(sy1 - sy0 - 388) < 0.01 || Math.abs(sx1 - sx0 - 608) < 0.01, 'and filling one side');
  const [wx, wy] = screenToWorld(view, 100, 50);
  assert.deepEqual(worldToScreen(view, wx, wy).map((v) => Math.round(v * 1e6) / 1e6), [100, 50]);
  assert.ok(Math.abs(metresPerPixel(0, 0) - 78271.517) < 0.01, 'metres per px at the equator, zoom 0 (MapLibre: 78,271.517)');
});
