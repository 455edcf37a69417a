// Case layer bench: 100,000 seeded synthetic cases clustered and played over 60 days on the demo province,
// chiso's <chiso-case-layer mode="cluster"> against the usual snippet (each day's raw points into a clustered
// MapLibre source), in one Chromium, runs alternated. Prints connect→ready and per-day frame times.
import { pct } from './stats.mjs';

export async function benchCaseLayer(browser, base, runs) {
  const modes = ['chiso', 'chiso&playing=1', 'naive'];
  const r = Object.fromEntries(modes.map((m) => [m, { ready: [], frames: [], work: [] }]));
  for (let i = 0; i < runs + 1; i++) {
    for (const mode of [...modes.slice(i % 3), ...modes.slice(0, i % 3)]) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 800 });
      await page.goto(`${base}/bench/pages/cases.html?mode=${mode}`);
      await page.waitForFunction('window.__result !== undefined', { timeout: 300000, polling: 500 });
      const out = await page.evaluate('window.__result');
      if (out.total !== 100000) throw new Error(`case bench: ${mode} counted ${out.total} cases, not 100,000`);
      if (i > 0) {
        r[mode].ready.push(out.ready);
        r[mode].frames.push(...out.frames);
        r[mode].work.push(...out.work);
      }
      await page.close();
    }
  }
  const row = (m) => ({
    'connect→ready median ms': +pct(r[m].ready, 0.5).toFixed(0),
    'day frame median ms': +pct(r[m].frames, 0.5).toFixed(1),
    'day frame p95 ms': +pct(r[m].frames, 0.95).toFixed(1),
    'day frame max ms': +Math.max(...r[m].frames).toFixed(1),
    'main-thread change median ms': +pct(r[m].work, 0.5).toFixed(1),
    frames: r[m].frames.length,
  });
  console.log('\n100,000 synthetic cases on the demo province (Phú Thọ, 148 communes from the atlas), clustered, played over 60 days (headless Chromium, SwiftShader)\n');
  console.table({
    '<chiso-case-layer mode="cluster">, stepping (count labels on)': row('chiso'),
    '<chiso-case-layer mode="cluster">, playing (labels rest)': row('chiso&playing=1'),
    'raw points per day into a clustered MapLibre source (baseline; shows people)': row('naive'),
  });
  if (!r.chiso.frames.length || !r.naive.frames.length) return;
  const ratio = pct(r.chiso.frames, 0.5) / pct(r.naive.frames, 0.5);
  console.log(`A stepped day (count labels on) takes ${ratio.toFixed(2)}× the raw-points baseline's frame (target: ≤ 1.5×: ${ratio <= 1.5 ? 'holds' : 'DOES NOT HOLD'}; the labels are written on a canvas over the map, not a MapLibre symbol layer).`);
}
