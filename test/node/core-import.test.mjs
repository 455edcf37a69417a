// @chiso/core as a Node 20 user imports it once built: no DOM, no browser globals.
import { test } from 'node:test';
import assert from 'node:assert/strict';

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

test('the all-in-one bundle and its chunks import nothing but each other (no bare imports left)', async () => {
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
  const entry = readFileSync(new URL('chiso.js', dist), 'utf8');
  const eager = [...entry.matchAll(/from\s*["']\.\/(chunks\/[^"']+)["']/g)].map((m) => m[1]);
  for (const f of eager) {
    assert.doesNotMatch(readFileSync(new URL(f, dist), 'utf8'), /from\s*["'][^"']*(maplibre|d3-scale-chromatic|topojson)/, `${f} is eager`);
  }
  const { existsSync } = await import('node:fs');
  assert.ok(existsSync(new URL('vendor/maplibre-gl.js', dist)) && existsSync(new URL('vendor/maplibre-gl-worker.js', dist)), 'MapLibre and its worker ship in vendor/, as .js');
});
