// Map bench: the national synthetic layer (10,600 communes from scripts/synthetic-geo.mjs) drawn as a
// quantile choropleth by chiso, by hand-written plain MapLibre, and by ECharts' geo map, in one Chromium,
// runs alternated. Prints connect→ready and pan frame times.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
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
  mkdirSync(`${out}/vendor`, { recursive: true });
  for (const f of ['maplibre-gl', 'maplibre-gl-worker']) copyFileSync(`node_modules/maplibre-gl/dist/${f}.mjs`, `${out}/vendor/${f}.js`);
  return geo.features.length;
}


export async function benchMaps(browser, base, runs) {
  const libs = ['chiso', 'maplibre', 'echarts'];
  const ready = Object.fromEntries(libs.map((l) => [l, []]));
  const frames = Object.fromEntries(libs.map((l) => [l, []]));
  for (let i = 0; i < runs + 1; i++) {
    const order = [...libs.slice(i % 3), ...libs.slice(0, i % 3)];
    for (const lib of order) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 800 });
      await page.goto(`${base}/bench/pages/map.html?lib=${lib}`);
      await page.waitForFunction('window.__result !== undefined', { timeout: 170000, polling: 500 });
      const r = await page.evaluate('window.__result');
      if (i > 0) {
        ready[lib].push(r.ready);
        frames[lib].push(...r.frames);
      }
      await page.close();
    }
  }
  const row = (lib) => ({
    'connect→ready median ms': +pct(ready[lib], 0.5).toFixed(0),
    'min ms': +Math.min(...ready[lib]).toFixed(0),
    'max ms': +Math.max(...ready[lib]).toFixed(0),
    'pan frame median ms': +pct(frames[lib], 0.5).toFixed(1),
    'pan frame p95 ms': +pct(frames[lib], 0.95).toFixed(1),
    runs: ready[lib].length,
  });
  console.log('\nNational choropleth, 10,600 synthetic communes (quantile 5), headless Chromium with SwiftShader (software WebGL)\n');
  console.table({
    'chiso <chiso-map> + layer (chiso.js)': row('chiso'),
    'plain MapLibre, hand-written': row('maplibre'),
    'ECharts geo map (canvas)': row('echarts'),
  });
  const ratio = pct(ready.chiso, 0.5) / pct(ready.maplibre, 0.5);
  const vsEcharts = pct(ready.echarts, 0.5) / pct(ready.chiso, 0.5);
  console.log(`chiso connect→ready is ${ratio.toFixed(2)}× plain MapLibre's (must hold: ≤ 1.15×); ` +
    `ECharts' time is ${vsEcharts.toFixed(2)}× chiso's (${vsEcharts > 1 ? 'chiso ahead' : 'ECharts ahead'}; must hold: chiso ahead). ` +
    `Pan frames: chiso ${pct(frames.chiso, 0.5).toFixed(0)} ms, ECharts ${pct(frames.echarts, 0.5).toFixed(0)} ms (median).`);
  return { ready, frames, ratio };
}

/** The demo province with boundaries only, a choropleth, or the BTS layer (the demo's 900 synthetic sites): connect→ready. */
export async function benchBtsLayer(browser, base, runs) {
  const modes = ['map', 'choropleth', 'bts'];
  const ready = Object.fromEntries(modes.map((m) => [m, []]));
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
        longest[mode].push(r.longest);
      }
      await page.close();
    }
  }
  const row = (m) => ({
    'connect→ready median ms': +pct(ready[m], 0.5).toFixed(0),
    'min ms': +Math.min(...ready[m]).toFixed(0),
    'longest main-thread task, median ms': +pct(longest[m], 0.5).toFixed(0),
    runs: ready[m].length,
  });
  console.log(`\nBTS layer on the demo province (Phú Thọ, 148 communes from the atlas, 900 synthetic sites), chiso.js in headless Chromium (SwiftShader)\n`);
  console.table({
    'boundaries only (baseline)': row('map'),
    'with a choropleth layer': row('choropleth'),
    [`with <chiso-bts-layer>, ${sites} sites + 740 villages`]: row('bts'),
  });
  console.log(`The BTS layer adds ${(pct(ready.bts, 0.5) - pct(ready.map, 0.5)).toFixed(0)} ms to the bare map (coverage, villages and the coverage picture in the worker).`);
}
