// Atlas bench (issue 14): what each shipped boundary file weighs, and what a map pays for needing no file:
// connect→ready of boundaries="vn:communes/25" (quantized TopoJSON from beside chiso.js) against the same 148
// Phú Thọ communes given as a hand-hosted GeoJSON, each with the demo's commune choropleth, in one Chromium,
// runs alternated.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import { pct, readyRow } from './stats.mjs';

const DATA = 'packages/atlas/data';
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => +(n / 1024).toFixed(1);

/** Bytes of every atlas file: the 34 province commune files (min, median, max) and the national files. */
export function benchAtlasSizes() {
  const rows = readdirSync(`${DATA}/communes`).filter((f) => f.endsWith('.json')).map((f) => {
    const buf = readFileSync(`${DATA}/communes/${f}`);
    return { code: f.replace('.json', ''), raw: buf.length, gz: gz(buf) };
  }).sort((a, b) => a.gz - b.gz);
  const at = (r) => `${kb(r.raw)} KB raw, ${kb(r.gz)} KB gzip (province ${r.code})`;
  const median = rows[Math.floor(rows.length / 2)];
  console.log(`\nAtlas files (packages/atlas/data, gzip -9; what a server sends with compression on)\n`);
  const table = {
    [`communes/<province>.json: smallest`]: { file: `communes/${rows[0].code}.json`, 'raw KB': kb(rows[0].raw), 'gzip KB': kb(rows[0].gz) },
    [`communes/<province>.json: median`]: { file: `communes/${median.code}.json`, 'raw KB': kb(median.raw), 'gzip KB': kb(median.gz) },
    [`communes/<province>.json: largest`]: { file: `communes/${rows.at(-1).code}.json`, 'raw KB': kb(rows.at(-1).raw), 'gzip KB': kb(rows.at(-1).gz) },
  };
  for (const f of ['provinces.json', 'communes.json', 'index.json', 'crosswalk.json']) {
    const buf = readFileSync(`${DATA}/${f}`);
    table[f] = { file: f, 'raw KB': kb(buf.length), 'gzip KB': kb(gz(buf)) };
  }
  console.table(table);
  const provinces = gz(readFileSync(`${DATA}/provinces.json`));
  console.log(`Largest province file ${at(rows.at(-1))} (must hold: ≤ 60 KB gzip: ${rows.at(-1).gz <= 60 * 1024 ? 'holds' : 'FAILS'}); ` +
    `the 34 provinces ${kb(provinces)} KB gzip (must hold: ≤ 150 KB: ${provinces <= 150 * 1024 ? 'holds' : 'FAILS'}).`);
  // For scale: the same province as the full-precision source GeoJSON a webmaster would otherwise host.
  const source = new URL('../../shared/data/geo/vn-communes-2025.geojson', import.meta.url);
  if (existsSync(source)) {
    const all = JSON.parse(readFileSync(source, 'utf8'));
    const own = { type: 'FeatureCollection', features: all.features.filter((f) => String(f.properties.provinceCode).padStart(2, '0') === '25') };
    const buf = Buffer.from(JSON.stringify(own));
    console.log(`Phú Thọ's communes as the full-precision source GeoJSON: ${kb(buf.length)} KB raw, ${kb(gz(buf))} KB gzip; ` +
      `the atlas file: ${kb(readFileSync(`${DATA}/communes/25.json`).length)} KB raw, ${kb(gz(readFileSync(`${DATA}/communes/25.json`)))} KB gzip.`);
  } else console.log('(../shared absent: the full-precision source GeoJSON is not compared.)');
}

/** The same communes as a plain GeoJSON a webmaster would host: decoded from the atlas, so geometry is identical. */
export function writeHandHostedGeoJSON(out) {
  const topo = JSON.parse(readFileSync(`${DATA}/communes/25.json`, 'utf8'));
  const geo = feature(topo, topo.objects.communes);
  writeFileSync(`${out}/phu-tho-communes.geojson`, JSON.stringify(geo));
  return geo.features.length;
}

/** connect→ready (the choropleth layer's chiso-ready) of the atlas against the hand-hosted GeoJSON. */
export async function benchAtlasMaps(browser, base, runs) {
  const modes = ['atlas', 'geojson'];
  const ready = { atlas: [], geojson: [] };
  const bytes = { atlas: [], geojson: [] };
  const drawn = {};
  for (let i = 0; i < runs + 1; i++) {
    for (const mode of i % 2 ? [...modes].reverse() : modes) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 800 });
      await page.goto(`${base}/bench/pages/atlas.html?mode=${mode}`);
      await page.waitForFunction('window.__result !== undefined', { timeout: 120000, polling: 200 });
      const r = await page.evaluate('window.__result');
      if (r.error) throw new Error(`atlas bench (${mode}): ${r.error}`);
      // Both ways must colour the same communes (those the demo feed gives a value for).
      drawn[mode] ??= r.drawn;
      if (!(r.drawn > 100) || r.drawn !== drawn[mode] || (drawn.atlas && drawn.geojson && drawn.atlas !== drawn.geojson)) {
        throw new Error(`atlas bench (${mode}): ${r.drawn} communes coloured (atlas ${drawn.atlas}, GeoJSON ${drawn.geojson})`);
      }
      if (i > 0) {
        ready[mode].push(r.ready);
        bytes[mode].push(r.bytes);
      }
      await page.close();
    }
  }
  const row = (m) => ({
    ...readyRow(ready[m]),
    'boundary bytes fetched KB': kb(bytes[m][0]),
    runs: ready[m].length,
  });
  console.log('\nPhú Thọ, 148 communes with the demo choropleth: the atlas against a hand-hosted GeoJSON (headless Chromium, SwiftShader)\n');
  console.table({
    'boundaries="vn:communes/25" (atlas, TopoJSON)': row('atlas'),
    'boundaries="phu-tho-communes.geojson" (hand-hosted)': row('geojson'),
  });
  const ratio = pct(ready.atlas, 0.5) / pct(ready.geojson, 0.5);
  console.log(`The atlas's connect→ready is ${ratio.toFixed(2)}× the hand-hosted GeoJSON's (uncompressed bytes on the wire: ` +
    `${kb(bytes.atlas[0])} KB against ${kb(bytes.geojson[0])} KB).`);
  return { ready, ratio };
}
