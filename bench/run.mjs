// `npm run bench`: sizes (rollup + terser, gzip -9; the atlas files), the time to render 100 gauges in Chromium,
// chiso beside ECharts measured the same way in the same run, and the maps against their peers and baselines. Prints tables; asserts nothing (that is the tests' job).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import puppeteer from 'puppeteer-core';
import { bundle } from '../rollup.config.mjs';
import { sizeEntries } from './entries.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { benchParse } from './parse.mjs';
import { benchBtsLayer, benchMaps, writeNationalData } from './map.mjs';
import { benchCaseLayer } from './cases.mjs';
import { benchRemount } from './remount.mjs';
import { benchBts } from './bts.mjs';
import { benchAtlasSizes, writeHandHostedGeoJSON, benchAtlasMaps } from './atlas.mjs';

const out = 'bench/.out';
mkdirSync(out, { recursive: true });
const kb = (n) => (n / 1024).toFixed(1);

/** Bundles `code` like the all-in-one and returns the minified entry chunk and every chunk's sizes. */
async function buildEntry(name, code, file) {
  const id = `${out}/${file}.entry.mjs`;
  writeFileSync(id, code);
  const config = bundle({ [file]: id }, out, '[name].js');
  const b = await rollup({ ...config, onwarn: () => {} });
  const { output } = await b.generate({ ...config.output, sourcemap: false });
  await b.write({ ...config.output, sourcemap: false });
  await b.close();
  const chunks = output.filter((o) => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  const eager = [entry, ...chunks.filter((c) => entry.imports.includes(c.fileName))];
  const min = eager.reduce((s, c) => s + Buffer.byteLength(c.code), 0);
  const gz = eager.reduce((s, c) => s + gzipSync(c.code, { level: 9 }).length, 0);
  return { name, min, gz };
}

const files = {
  'lit (reference)': 'lit', 'chiso core+gauge (lit included)': 'chiso-core-gauge',
  'chiso core+stat (lit included)': 'chiso-core-stat', 'chiso core+ranking (lit included)': 'chiso-core-ranking', 'chiso core+progress (lit included)': 'chiso-core-progress',
  'ECharts bar chart (tree-shaken, canvas)': 'echarts-bar',
  'ECharts gauge (tree-shaken, canvas)': 'echarts-gauge', 'ECharts geo map (tree-shaken, canvas)': 'echarts-map',
};
const sizes = [];
for (const e of sizeEntries) sizes.push(await buildEntry(e.name, e.code, files[e.name]));
console.log('\nSize: what a page downloads before it can draw (eager chunks only), min and min+gzip -9\n');
console.table(Object.fromEntries(sizes.map((s) => [s.name, { 'min KB': +kb(s.min), 'min+gzip KB': +kb(s.gz) }])));
const ours = sizes.find((s) => s.name.startsWith('chiso core+gauge'));
const peer = sizes.find((s) => s.name.startsWith('ECharts'));
console.log(`core+gauge: ${kb(ours.gz)} KB (${ours.gz} bytes) min+gzip (budget 20 KB = 20480 bytes: ${ours.gz <= 20 * 1024 ? 'within' : 'OVER'}); ECharts' gauge is ${(peer.gz / ours.gz).toFixed(1)}× that.`);
const lit = sizes.find((s) => s.name.startsWith('lit'));
for (const n of ['stat', 'ranking', 'progress']) {
  const el = sizes.find((s) => s.name.startsWith(`chiso core+${n}`));
  console.log(`core+${n}: ${kb(el.gz)} KB min+gzip; ${kb(el.gz - ours.gz)} KB more or less than core+gauge; ${kb(el.gz - lit.gz)} KB over lit.`);
}

// chiso.js as a portal pastes it (the built dist): the loader, then what each tag adds the first time it appears.
{
  const { loaderPages, weigh } = await import('../scripts/chunk-closure.mjs');
  const dist = 'packages/chiso/dist';
  const { eager, tags } = await loaderPages(dist);
  const rows = { 'chiso.js (the loader, eager)': { files: eager.size, ...weigh(dist, eager) } };
  for (const [tag, files] of Object.entries(tags)) rows[`a page with <${tag}> only, in all`] = { files: files.size, ...weigh(dist, files) };
  console.log('\nchiso.js: what a page downloads, by the tags it uses (built dist, min and min+gzip -9)\n');
  console.table(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, { files: v.files, 'min KB': +kb(v.min), 'min+gzip KB': +kb(v.gz) }])));
  const loader = rows['chiso.js (the loader, eager)'].gz;
  const gaugePage = rows['a page with <chiso-gauge> only, in all'].gz;
  console.log(`chiso.js eager: ${kb(loader)} KB (budget 8 KB: ${loader <= 8 * 1024 ? 'within' : 'OVER'}); a gauge-only page: ${kb(gaugePage)} KB (${gaugePage} bytes; budget 22 KB = 22528 bytes: ${gaugePage <= 22 * 1024 ? 'within' : 'OVER'}).`);
}

benchParse();
benchAtlasSizes();
writeHandHostedGeoJSON(out);
if (process.env.BENCH_BTS !== '0') benchBts();

// What a page with one chiso map downloads in all: the loader, the map's package, the map runtime (loaded when
// the map comes into view), MapLibre and its worker.
const nationalCount = writeNationalData(out);
{
  const { readdirSync } = await import('node:fs');
  const { loaderPages, weigh } = await import('../scripts/chunk-closure.mjs');
  const dist = 'packages/chiso/dist';
  const { tags } = await loaderPages(dist);
  const runtime = readdirSync(`${dist}/chunks`).filter((f) => /^maplibre-runtime-.*\.js$/.test(f)).map((f) => `chunks/${f}`);
  const mapPage = weigh(dist, new Set([...tags['chiso-choropleth'], ...runtime, 'vendor/maplibre-gl.js', 'vendor/maplibre-gl-worker.js']));
  const echartsMap = sizes.find((x) => x.name.startsWith('ECharts geo'));
  // The canvas renderer: its own chunk (and d3-geo), loaded when a map first draws, before MapLibre.
  const canvasChunks = new Set(readdirSync(`${dist}/chunks`).filter((f) => /^canvas-runtime-.*\.js$/.test(f)).map((f) => `chunks/${f}`));
  const canvasOnly = weigh(dist, canvasChunks);
  console.log(`The canvas renderer adds ${kb(canvasOnly.gz)} KB min+gzip (${canvasOnly.gz} bytes, ${canvasChunks.size} chunk), loaded by a map's first drawing (MapLibre, with auto, after the canvas has painted); a gauge-only page never loads it.`);
  console.log(`\nA page with a chiso map downloads ${kb(mapPage.gz)} KB min+gzip in all (chiso.js, the map's package, the map runtime, MapLibre and its worker); ECharts' geo map is ${kb(echartsMap.gz)} KB, and a gauge-only chiso page downloads none of the map part.`);
}

// Render time: 100 gauges, fresh page per run, runs alternated so both see the same machine state.
const executablePath = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!executablePath) {
  console.log('\nNo Chromium found: render times skipped (apt-get install -y chromium, or set CHROME_PATH).');
  process.exit(0);
}
const server = await startStaticServer({ port: 0 });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath, headless: true,
  args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
});
const runs = Number(process.env.BENCH_RUNS ?? 9);
const times = { chiso: [], echarts: [] };
const figureTimes = {};
try {
  for (let i = 0; i < runs + 1; i++) {
    for (const lib of i % 2 ? ['echarts', 'chiso'] : ['chiso', 'echarts']) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1600, height: 1000 });
      await page.goto(`${base}/bench/pages/gauges.html?lib=${lib}`);
      await page.waitForFunction('window.__result !== undefined', { timeout: 60000 });
      const t = await page.evaluate('window.__result');
      if (i > 0) times[lib].push(t); // the first round warms the HTTP cache and the browser
      await page.close();
    }
  }
  if (process.env.BENCH_FIGURES !== '0') {
    // 100 stat cards (chiso alone: ECharts has no such display), and a ranking of 63 provinces beside ECharts' bar chart.
    for (let i = 0; i < runs + 1; i++) {
      for (const [what, lib] of i % 2 ? [['ranking', 'echarts'], ['ranking', 'chiso'], ['stats', 'chiso']] : [['stats', 'chiso'], ['ranking', 'chiso'], ['ranking', 'echarts']]) {
        const page = await browser.newPage();
        await page.setViewport({ width: 1600, height: 1000 });
        await page.goto(`${base}/bench/pages/figures.html?what=${what}&lib=${lib}`);
        await page.waitForFunction('window.__result !== undefined', { timeout: 60000 });
        const t = await page.evaluate('window.__result');
        if (i > 0) (figureTimes[`${what} ${lib}`] ??= []).push(t);
        await page.close();
      }
    }
  }
  if (process.env.BENCH_ATLAS !== '0') await benchAtlasMaps(browser, base, Number(process.env.BENCH_MAP_RUNS ?? 5));
  if (process.env.BENCH_BTS !== '0') await benchBtsLayer(browser, base, Number(process.env.BENCH_MAP_RUNS ?? 5));
  if (process.env.BENCH_REMOUNT !== '0') await benchRemount(browser, base, Number(process.env.BENCH_MAP_RUNS ?? 5));
  if (process.env.BENCH_CASES !== '0') await benchCaseLayer(browser, base, Number(process.env.BENCH_CASE_RUNS ?? 3));
  if (process.env.BENCH_MAPS !== '0') {
    await benchMaps(browser, base, Number(process.env.BENCH_MAP_RUNS ?? 5), 'atlas');
    await benchMaps(browser, base, Number(process.env.BENCH_MAP_RUNS ?? 5), 'atlas', { latencyMs: 100 });
    await benchMaps(browser, base, Number(process.env.BENCH_MAP_RUNS ?? 5), 'national');
  }
} finally {
  await browser.close();
  server.close();
}
const stats = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return { 'median ms': +s[Math.floor(s.length / 2)].toFixed(1), 'min ms': +s[0].toFixed(1), 'max ms': +s.at(-1).toFixed(1), runs: s.length };
};
if (times.chiso.length) {
  console.log('\nRender 100 gauges in Chromium (headless, software rendering): start → frame after the last is drawn\n');
  console.table({ 'chiso <chiso-gauge>': stats(times.chiso), 'ECharts gauge (canvas, no animation)': stats(times.echarts) });
} else console.log('\n(BENCH_RUNS=0: gauge render times not measured)');
if (figureTimes['stats chiso']?.length) {
  console.log('\nRender 100 stat cards, and a ranking of 63 provinces, in Chromium (headless): start → frame after the last is drawn\n');
  console.table({
    'chiso: 100 <chiso-stat> (value, rank, change, sparkline)': stats(figureTimes['stats chiso']),
    'chiso: <chiso-ranking>, 63 provinces with bars': stats(figureTimes['ranking chiso']),
    'ECharts: bar chart of 63 provinces (canvas, no animation)': stats(figureTimes['ranking echarts']),
  });
}
