// One map after another (bench/pages/remount.html): six maps of Phú Thọ's communes made and removed in turn on one
// page, chiso against the hand-written MapLibre map (with and without maplibregl.prewarm()), runs alternated in one
// Chromium. chiso keeps MapLibre's worker for the page once a map has drawn; plain MapLibre ends its worker with its
// last map and starts a new one, unless the page calls prewarm().
import { pct } from './stats.mjs';

export async function benchRemount(browser, base, runs) {
  const libs = ['chiso', 'maplibre', 'maplibre-prewarm'];
  const r = Object.fromEntries(libs.map((l) => [l, { first: [], next: [] }]));
  for (let i = 0; i < runs + 1; i++) {
    for (const lib of [...libs.slice(i % libs.length), ...libs.slice(0, i % libs.length)]) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1000, height: 700 });
      await page.goto(`${base}/bench/pages/remount.html?lib=${lib}`);
      await page.waitForFunction('window.__result !== undefined', { timeout: 120000, polling: 250 });
      const out = await page.evaluate('window.__result');
      if (out.error) throw new Error(`remount bench, ${lib}: ${out.error}`);
      if (i > 0) {
        r[lib].first.push(out.first);
        r[lib].next.push(...out.next);
      }
      await page.close();
    }
  }
  const row = (l) => ({
    'first map median ms': +pct(r[l].first, 0.5).toFixed(0),
    'maps 2–6 median ms': +pct(r[l].next, 0.5).toFixed(0),
    'maps 2–6 p95 ms': +pct(r[l].next, 0.95).toFixed(0),
    maps: r[l].first.length + r[l].next.length,
  });
  console.log('\nOne map after another: six maps of Phú Thọ\'s 148 communes made and removed in turn on one page, creation → drawn on MapLibre (headless Chromium, SwiftShader)\n');
  console.table({
    '<chiso-map>, the demo\'s synthetic commune rates (MapLibre\'s worker kept for the page)': row('chiso'),
    'hand-written MapLibre map, same polygons (a new worker per map)': row('maplibre'),
    'hand-written MapLibre map with maplibregl.prewarm() (its worker kept)': row('maplibre-prewarm'),
  });
  const ratio = (l) => (pct(r.chiso.next, 0.5) / pct(r[l].next, 0.5)).toFixed(2);
  console.log(`Maps 2–6: chiso ${ratio('maplibre')}× the hand-written MapLibre map's time, ${ratio('maplibre-prewarm')}× with prewarm. The first map's time includes loading each library's code.`);
}
