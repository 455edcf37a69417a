// @chiso/core as a Node 20 user imports it once built: no DOM, no browser globals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

test('Node has no DOM here (the test means something)', () => {
  assert.equal(typeof globalThis.document, 'undefined');
  assert.equal(typeof globalThis.HTMLElement, 'undefined');
  assert.equal(typeof globalThis.customElements, 'undefined');
});

test('parseFeed imports from the built @chiso/core and reads the native feed', async () => {
  const { parseFeed, FeedError, formatValue } = await import('@chiso/core');
  const model = parseFeed('\uFEFF{"chiso":1,"observations":[{"area":25,"level":"province","period":"2021","value":"87.86"}]}\u0000');
  assert.equal(model.format, 'chiso');
  assert.deepEqual(model.observations[0], { indicator: 'value', area: '25', level: 'province', period: '2021', value: 87.86 });
  assert.equal(formatValue(87.86, '%', 'vi'), '87,86\u00a0%');
  assert.throws(() => parseFeed('{"chiso":1,"observations":[{"area":"25","value":"abc"}]}'), (e) => e instanceof FeedError && e.code === 'schema' && e.path === 'observations[0].value');
});

test('the all-in-one bundle and its chunks import nothing but each other (no bare imports left); chiso.js loads each tag\'s package alone', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const dist = new URL('../../packages/chiso/dist/', import.meta.url);
  const files = ['chiso.js', ...readdirSync(new URL('chunks/', dist)).filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`)];
  for (const f of files) {
    const code = readFileSync(new URL(f, dist), 'utf8');
    assert.doesNotMatch(code, /\b(from|import)\s*\(?\s*["'](?![./])[\w@][^"'\s]*["']/, `${f}: a bare import would fail on a static host`);
    // MapLibre is imported statically only by the lazily loaded runtime chunk, from vendor/ beside the bundle.
    if (!/maplibre-runtime-/.test(f)) assert.doesNotMatch(code, /from\s*["'][^"']*maplibre-gl/, `${f}: must not import MapLibre eagerly`);
    else assert.match(code, /from\s*["']\.\.\/vendor\/maplibre-gl\.js["']/, `${f}: imports the copied MapLibre (.js)`);
  }
  // chiso.js is the loader: no static import at all (it must run even when the server cannot deliver a chunk),
  // and no tag's package loads MapLibre, the palettes or TopoJSON eagerly.
  const entry = readFileSync(new URL('chiso.js', dist), 'utf8');
  assert.doesNotMatch(entry, /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']/, 'chiso.js imports nothing statically');
  const { loaderPages } = await import('../../scripts/chunk-closure.mjs');
  const { tags } = await loaderPages(fileURLToPath(dist));
  assert.deepEqual(Object.keys(tags).sort(), ['chiso-bts-layer', 'chiso-case-layer', 'chiso-choropleth', 'chiso-choropleth-layer', 'chiso-gauge', 'chiso-gauge-group', 'chiso-legend', 'chiso-map', 'chiso-progress', 'chiso-ranking', 'chiso-stat', 'chiso-trend']);
  for (const [tag, files] of Object.entries(tags)) {
    for (const f of files) assert.doesNotMatch(readFileSync(new URL(f, dist), 'utf8'), /from\s*["'][^"']*(maplibre|d3-scale-chromatic|topojson)/, `${f} is loaded with <${tag}>`);
  }
  for (const f of tags['chiso-gauge']) assert.doesNotMatch(f, /chunks\/(map|bts|cases|chart|gauge-group|stat)-/, `a gauge does not load ${f}`);
  for (const f of tags['chiso-stat']) assert.doesNotMatch(f, /chunks\/(map|bts|cases|chart|gauge|gauge-group)-/, `a stat card does not load ${f}`);
  const { existsSync } = await import('node:fs');
  assert.ok(existsSync(new URL('vendor/maplibre-gl.js', dist)) && existsSync(new URL('vendor/maplibre-gl-worker.js', dist)), 'MapLibre and its worker ship in vendor/, as .js');
});
