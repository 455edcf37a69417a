// Map bench: the national synthetic layer (10,600 communes from scripts/synthetic-geo.mjs) drawn as a
// quantile choropleth by chiso, by hand-written plain MapLibre, and by ECharts' geo map, in one Chromium,
// runs alternated. Prints connect→ready and pan frame times.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import { seeded, syntheticCountry } from '../scripts/synthetic-geo.mjs';
import { pct } from './stats.mjs';

export function writeNationalData(out) {
  const geo = syntheticCountry();
  const rnd = seeded(42);
  const observations = geo.features.map((f) => ({
    area: f.properties.code, level: 'commune', period: '2025', value: Math.round((5 + 90 * rnd() ** 1.3) * 100) / 100,
  }));
  writeFileSync(`${out}/national.geojson`, JSON.stringify(geo));
  writeFileSync(`${out}/national-feed.json`, JSON.stringify({
    chiso: 1, indicators: [{ id: 'dvc.online_rate', name: 'Tỷ lệ hồ sơ trực tuyến (mẫu)', unit: '%' }], observations,
  }));
  // The atlas's 3,321 real communes of 2025, as one GeoJSON for every library, with a synthetic figure each.
  const topo = JSON.parse(readFileSync('packages/atlas/data/communes.json', 'utf8'));
  const atlas = feature(topo, topo.objects[Object.keys(topo.objects)[0]]);
  writeFileSync(`${out}/atlas-communes.geojson`, JSON.stringify(atlas));
  writeFileSync(`${out}/atlas-feed.json`, JSON.stringify({
    chiso: 1, indicators: [{ id: 'x', name: 'Chỉ số mẫu (tổng hợp)', unit: '%' }],
    observations: atlas.features.map((f) => ({ area: f.properties.code, level: 'commune', period: '2025', value: Math.round((5 + 90 * rnd() ** 1.3) * 100) / 100 })),
  }));
  mkdirSync(`${out}/vendor`, { recursive: true });
  for (const f of ['maplibre-gl', 'maplibre-gl-worker']) copyFileSync(`node_modules/maplibre-gl/dist/${f}.mjs`, `${out}/vendor/${f}.js`);
  return geo.features.length;
}


/**
 * The national commune choropleth drawn by chiso (`auto`: canvas first, then MapLibre; and `canvas` alone), by
 * hand-written plain MapLibre and by ECharts' geo map, runs alternated: connect→first paint, connect→ready, pan
 * frames. `data`: `national` (10,600 synthetic communes) or `atlas` (the 3,321 real communes of 2025).
 */
export async function benchMaps(browser, base, runs, data = 'national', { latencyMs = 0 } = {}) {
  // On the real communes chiso is also measured as a portal writes it, from the atlas in the box (vn:communes,
  // TopoJSON); every other row reads the same communes as one hand-hosted GeoJSON, as ECharts needs them.
  if (latencyMs) return benchMapsOnSlowLine(browser, base, runs, latencyMs);
  const libs = ['chiso', 'chiso-canvas', 'maplibre', 'echarts', ...(data === 'atlas' ? ['chiso-atlas', 'chiso-canvas-atlas'] : [])];
  const query = (lib) => (lib.endsWith('-atlas') ? `lib=${lib.slice(0, -6)}&atlas=1` : `lib=${lib}`);
  const paint = Object.fromEntries(libs.map((l) => [l, []]));
  const ready = Object.fromEntries(libs.map((l) => [l, []]));
  const frames = Object.fromEntries(libs.map((l) => [l, []]));
  for (let i = 0; i < runs + 1; i++) {
    const order = [...libs.slice(i % libs.length), ...libs.slice(0, i % libs.length)];
    for (const lib of order) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 800 });
      await page.goto(`${base}/bench/pages/map.html?${query(lib)}&data=${data}`);
      await page.waitForFunction('window.__result !== undefined', { timeout: 170000, polling: 500 });
      const r = await page.evaluate('window.__result');
      if (i > 0) {
        paint[lib].push(r.paint ?? r.ready);
        ready[lib].push(r.ready);
        frames[lib].push(...r.frames);
      }
      await page.close();
    }
  }
  const row = (lib) => ({
    'connect→first paint median ms': +pct(paint[lib], 0.5).toFixed(0),
    'connect→ready median ms': +pct(ready[lib], 0.5).toFixed(0),
    'ready min ms': +Math.min(...ready[lib]).toFixed(0),
    'ready max ms': +Math.max(...ready[lib]).toFixed(0),
    'pan frame median ms': +pct(frames[lib], 0.5).toFixed(1),
    'pan frame p95 ms': +pct(frames[lib], 0.95).toFixed(1),
    runs: ready[lib].length,
  });
  const what = data === 'atlas' ? 'the 3,321 real communes of 2025 (atlas), synthetic figures' : '10,600 synthetic communes';
  console.log(`\nNational choropleth, ${what} (quantile 5), headless Chromium with SwiftShader (software WebGL)\n`);
  console.table({
    'chiso <chiso-map> auto (canvas, then MapLibre)': row('chiso'),
    'chiso <chiso-map renderer="canvas">': row('chiso-canvas'),
    'plain MapLibre, hand-written': row('maplibre'),
    'ECharts geo map (canvas)': row('echarts'),
    ...(data === 'atlas' ? {
      'chiso auto, boundaries="vn:communes" (the atlas)': row('chiso-atlas'),
      'chiso canvas, boundaries="vn:communes" (the atlas)': row('chiso-canvas-atlas'),
    } : {}),
  });
  const med = (a) => pct(a, 0.5);
  const ratio = med(ready.chiso) / med(ready.maplibre);
  const firstVsEcharts = med(paint.chiso) / med(ready.echarts);
  console.log(`First paint: chiso ${med(paint.chiso).toFixed(0)} ms = ${firstVsEcharts.toFixed(2)}× ECharts' ${med(ready.echarts).toFixed(0)} ms ` +
    `(must hold: ≤ 0.5×: ${firstVsEcharts <= 0.5 ? 'holds' : 'DOES NOT HOLD'}). chiso auto's MapLibre is ready at ${ratio.toFixed(2)}× plain MapLibre's ` +
    `(must hold: no slower, ≤ 1.15× in the noise of one run). Pan frames (median): chiso auto ${med(frames.chiso).toFixed(0)} ms, ` +
    `canvas ${med(frames['chiso-canvas']).toFixed(0)} ms, MapLibre ${med(frames.maplibre).toFixed(0)} ms, ECharts ${med(frames.echarts).toFixed(0)} ms.`);
  if (data === 'atlas') {
    const atlasVsEcharts = med(paint['chiso-atlas']) / med(ready.echarts);
    console.log(`From the atlas in the box (vn:communes): chiso's first paint ${med(paint['chiso-atlas']).toFixed(0)} ms = ${atlasVsEcharts.toFixed(2)}× ECharts' ` +
      `(must hold: ≤ 0.5×: ${atlasVsEcharts <= 0.5 ? 'holds' : 'DOES NOT HOLD'}).`);
  }
  return { paint, ready, frames, ratio };
}

/**
 * The national commune map's first paint on a line with `latencyMs` round trips (Chromium's network emulation; no
 * bandwidth limit), as a portal is read over a mobile or provincial line: chiso from the atlas and from the
 * hand-hosted GeoJSON, and ECharts, runs alternated. A page's chain of requests (the loader, the packages, the data)
 * costs a round trip per step here, which a local server hides.
 */
async function benchMapsOnSlowLine(browser, base, runs, latencyMs) {
  const libs = { 'chiso auto, boundaries="vn:communes" (the atlas)': 'lib=chiso&atlas=1', 'chiso auto, hand-hosted GeoJSON': 'lib=chiso', 'ECharts geo map (canvas)': 'lib=echarts' };
  const paint = Object.fromEntries(Object.keys(libs).map((l) => [l, []]));
  for (let i = 0; i < runs + 1; i++) {
    for (const [lib, query] of Object.entries(libs)) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 800 });
      const cdp = await page.createCDPSession();
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: latencyMs, downloadThroughput: -1, uploadThroughput: -1 });
      await page.goto(`${base}/bench/pages/map.html?${query}&data=atlas&nopan=1`);
      await page.waitForFunction('window.__result !== undefined', { timeout: 170000, polling: 200 });
      const r = await page.evaluate('window.__result');
      if (i > 0) paint[lib].push(r.paint ?? r.ready);
      await page.close();
    }
  }
  const med = (a) => pct(a, 0.5);
  console.log(`\nThe national commune map (3,321 communes) on a line with ${latencyMs} ms round trips (network emulation), first paint\n`);
  console.table(Object.fromEntries(Object.keys(libs).map((l) => [l, { 'connect→first paint median ms': +med(paint[l]).toFixed(0), runs: paint[l].length }])));
  const echarts = med(paint['ECharts geo map (canvas)']);
  console.log(`With ${latencyMs} ms round trips chiso paints from the atlas at ${(med(paint['chiso auto, boundaries="vn:communes" (the atlas)']) / echarts).toFixed(2)}× ` +
    `ECharts' first paint (${echarts.toFixed(0)} ms), from the GeoJSON at ${(med(paint['chiso auto, hand-hosted GeoJSON']) / echarts).toFixed(2)}× ` +
    `(chiso's page asks for chiso.js, then for its packages and data together; ECharts' page for its bundle and the data at once).`);
}

/** The demo province with boundaries only, a choropleth, or the BTS layer (the demo's 900 synthetic sites): connect→ready. */
export async function benchBtsLayer(browser, base, runs) {
  const modes = ['map', 'choropleth', 'bts'];
  const ready = Object.fromEntries(modes.map((m) => [m, []]));
  const paint = Object.fromEntries(modes.map((m) => [m, []]));
  const longest = Object.fromEntries(modes.map((m) => [m, []]));
  let sites;
  for (let i = 0; i < runs + 1; i++) {
    for (const mode of [...modes.slice(i % 3), ...modes.slice(0, i % 3)]) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 800 });
      await page.goto(`${base}/bench/pages/bts.html?mode=${mode}`);
      await page.waitForFunction('window.__result !== undefined', { timeout: 120000, polling: 200 });
      const r = await page.evaluate('window.__result');
      if (mode === 'bts') sites = r.sites;
      if (i > 0) {
        ready[mode].push(r.ready);
        paint[mode].push(r.paint);
        longest[mode].push(r.longest);
      }
      await page.close();
    }
  }
  const row = (m) => ({
    'connect→first paint median ms': +pct(paint[m], 0.5).toFixed(0),
    'connect→ready median ms': +pct(ready[m], 0.5).toFixed(0),
    'ready min ms': +Math.min(...ready[m]).toFixed(0),
    'longest main-thread task, median ms': +pct(longest[m], 0.5).toFixed(0),
    runs: ready[m].length,
  });
  console.log(`\nBTS layer on the demo province (Phú Thọ, 148 communes from the atlas, 900 synthetic sites), chiso.js auto in headless Chromium (SwiftShader); times of the map element's chiso-paint and chiso-ready\n`);
  console.table({
    'boundaries only (baseline)': row('map'),
    'with a choropleth layer': row('choropleth'),
    [`with <chiso-bts-layer>, ${sites} sites + 740 villages`]: row('bts'),
  });
  const med = (a) => pct(a, 0.5);
  const readyRatio = med(ready.bts) / med(ready.map);
  const paintRatio = med(paint.bts) / med(paint.map);
  console.log(`With the BTS layer the map is ready at ${readyRatio.toFixed(2)}× the bare map's connect→ready and paints at ${paintRatio.toFixed(2)}× its first paint ` +
    `(must hold: ≤ 2×: ${Math.max(readyRatio, paintRatio) <= 2 ? 'holds' : 'DOES NOT HOLD'}; coverage, villages and the coverage picture are made in the worker).`);
}
