// The demo portal and the example pages, as `npm start` serves them, in Chromium.
//
// The dashboard is opened once, on a server as strict as a portal's can be: what IIS does with types it does
// not know (.mjs and .geojson as files of no known type, no byte ranges) and the strict Content-Security-Policy
// the README documents (no inline or eval'd script). At 360, 768, 1280 and 1920 px: every element settles in
// the state the demo means (one deliberate error, one deliberate empty gauge, the rest ready), every map draws
// features, the BTS worker answers, no policy is violated and nothing is logged as an error; no panel leaves
// a hole; no text is outside its element, cut off, on other text or on a chart mark, at 100 and 200 % text;
// axe (WCAG 2.1 A/AA, light and high-contrast) finds nothing serious; a screenshot per width goes to
// test/.out/screenshots/ (`npm run screenshots` keeps them in examples/screenshots/). On the same page, the
// commune panel follows the map. The React, Vue and Angular pages pass data in and get the elements' events
// back. The paste page is the README's snippet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { IIS_DEFAULTS, launchChromium, openPage, PAGE_SCALE, layoutProblemsAcross } from '../support/browser.mjs';
import { DASHBOARD_WIDTHS, panelHoles, settleDashboard } from '../support/dashboard.mjs';

// Injected through the DevTools protocol (page.evaluate), which the page's policy does not govern: a <script>
// tag with the same text would be refused by the strict policy, and reported.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const built = existsSync('packages/chiso/dist/chiso.js') && existsSync('examples/data/phu-tho-xa-dvc.json') && existsSync('examples/vendor/react.js');
// The policy the README documents, to the character (its code block under **Content-Security-Policy.**).
const STRICT_CSP = /\*\*Content-Security-Policy\.\*\*[\s\S]*?```\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'))?.[1].replace(/\s+/g, ' ').trim();
const skip = built ? false : 'not built (npm test builds first; alone: npm run build)';

async function axeProblems(page, label) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, rules: { 'label-content-name-mismatch': { enabled: true } }, resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join(' | ')}`);
  });
  return violations.map((v) => `${label}: axe ${v}`);
}

/** Every chiso element of the page (<chiso-legend> mirrors its layer and has no state of its own) with its state. */
const statesOf = (page) => page.evaluate(() => [...document.querySelectorAll('*')]
  .filter((e) => e.localName.startsWith('chiso-') && e.localName !== 'chiso-legend')
  .map((e) => ({ tag: e.localName, state: e.state, value: e.getAttribute('value'), area: e.getAttribute('area') })));

/** A server as strict as a portal's can be: IIS's defaults and the README's Content-Security-Policy. */
async function strictServer() {
  const server = await startStaticServer({ port: 0, misbehave: { ...IIS_DEFAULTS, headers: { 'content-security-policy': STRICT_CSP } } });
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** A page that keeps its errors and the policy violations it sees (`window.__violations`). */
async function watchedPage(browser) {
  const page = await openPage(browser);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return { page, errors };
}

test('the demo dashboard on a strict server, at 360, 768, 1280 and 1920 px: settled as meant, maps drawn, no policy violation, no hole, no overflow or collision, axe clean, a screenshot each; the commune panel follows the map; a link to a view (period, commune found by search, zoom) opens that view in a fresh browser, on a phone, where a first tap shows a commune and a second selects it', { skip, timeout: 600000 }, async () => {
  assert.match(STRICT_CSP ?? '', /^default-src 'self'; script-src 'self';/, 'the README documents the policy');
  const { server, base } = await strictServer();
  const browser = await launchChromium(['--hide-scrollbars']);
  const problems = [];
  mkdirSync('test/.out/screenshots', { recursive: true });
  try {
    // One page, resized through the widths: the dashboard is built once (seven maps), as a reader turning a
    // tablet or resizing a window would see it.
    const { page, errors } = await watchedPage(browser);
    await page.setViewport({ width: DASHBOARD_WIDTHS[0], height: 900, deviceScaleFactor: PAGE_SCALE });
    await page.goto(`${base}/examples/index.html`);
    // The policy is on the page: a script added now must not run (and its refusal is the one violation allowed).
    assert.equal(await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      s.remove();
      return window.__inlineRan === true;
    }), false, 'the strict policy blocks inline script');
    // The refusal is reported as a violation event, a task the page runs when it gets to it: looked for once the
    // dashboard has settled, never on a fixed wait while maps load.
    const PROBE = 'script-src-elem inline';

    for (const width of DASHBOARD_WIDTHS) {
      await page.setViewport({ width, height: 900, deviceScaleFactor: PAGE_SCALE });
      if (!(await settleDashboard(page))) problems.push(`${width}px: not every element settled: ${JSON.stringify(await statesOf(page))}`);
      for (const hole of await panelHoles(page)) problems.push(`${width}px: ${hole}`);
      await page.screenshot({ path: `test/.out/screenshots/dashboard-${width}.png`, fullPage: true });
      if (width === 360 || width === 1280) problems.push(...await axeProblems(page, `${width}px light`));
      for (const p of await layoutProblemsAcross(page, 'main', { widths: [width], restore: false })) problems.push(`dashboard ${p}`);
    }

    // Settled as the demo means: the showcase's deliberate error ("abc") and empty gauge (an area with no figure);
    // everything else drawn.
    const states = await statesOf(page);
    const notReady = states.filter((s) => s.state !== 'ready');
    assert.deepEqual(notReady.map((s) => `${s.tag}:${s.state}`).sort(), ['chiso-gauge:empty', 'chiso-gauge:error'], JSON.stringify(states));
    assert.equal(notReady.find((s) => s.state === 'error').value, 'abc');
    assert.equal(notReady.find((s) => s.state === 'empty').area, '01');
    // MapLibre drew features on every map (WebGL and its worker ran under the policy, served as IIS serves them),
    // and the BTS layer's coverage came back from its own worker.
    const drawn = await page.evaluate(() => ({
      maps: [...document.querySelectorAll('chiso-map')].map((m) => ({ label: m.getAttribute('label') ?? m.id, features: m.map?.queryRenderedFeatures().length ?? 0 })),
      sites: document.querySelector('chiso-bts-layer')?.stats?.sites,
    }));
    assert.ok(drawn.maps.length >= 4, JSON.stringify(drawn));
    for (const m of drawn.maps) assert.ok(m.features > 0, `map "${m.label}" drew features`);
    assert.equal(drawn.sites, 900);

    await page.click('[data-contrast]');
    problems.push(...await axeProblems(page, 'contrast'));
    await page.click('[data-contrast]');

    // The commune panel: the map's selection event (what a click or Enter on a commune sends) reaches it.
    await page.evaluate(() => document.getElementById('ban-do-xa').dispatchEvent(new CustomEvent('chiso-select', { detail: { area: '07942' }, bubbles: true })));
    assert.equal(await page.$eval('#chon-xa', (s) => s.value), '07942');
    await page.select('#chon-xa', '08707');
    const areas = await page.$$eval('#gauges-xa chiso-gauge, #trend-xa', (els) => els.map((e) => e.area));
    assert.deepEqual(areas, ['08707', '08707', '08707', '08707', '08707']);
    await page.waitForFunction(() => document.querySelector('#gauges-xa chiso-gauge').current?.area === '08707', { timeout: 10000 });

    // A shared view: a period, a commune found with the search box (keyboard only) and a zoom, in the address;
    // that address opened in a fresh browser context (no history, no storage) shows the same view.
    await page.evaluate(() => { document.getElementById('ban-do-xa').period = '2025-Q4'; });
    const search = await page.evaluateHandle(() => document.getElementById('ban-do-xa').shadowRoot.querySelector('chiso-map').shadowRoot.querySelector('[part="search-input"]'));
    await search.focus();
    await page.keyboard.type('tan hoa');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /ban-do-xa\.area=04792/.test(location.href) && /ban-do-xa\.period=2025-Q4/.test(location.href) && /ban-do-xa\.view=/.test(location.href), { timeout: 15000 });
    assert.equal(await page.$eval('#chon-xa', (s) => s.value), '04792', 'the commune panel follows the commune found');
    // The zoom, once the flight to the commune has ended (never waiting on an event that a stopped flight took).
    await page.waitForFunction(() => !document.getElementById('ban-do-xa').map.isMoving(), { timeout: 15000 });
    await page.evaluate(() => document.getElementById('ban-do-xa').map.jumpTo({ zoom: 11.25 }));
    await page.waitForFunction(() => new URL(location.href).searchParams.get('ban-do-xa.view')?.endsWith(',11.25'), { timeout: 15000 });
    const link = await page.evaluate(() => location.href);
    const fresh = await openPage(browser);
    fresh.on('pageerror', (e) => errors.push(`fresh: ${e.message}`));
    fresh.on('console', (m) => { if (m.type() === 'error') errors.push(`fresh: ${m.text()}`); });
    // …on a phone: 360 px wide, touch only.
    await fresh.setViewport({ width: 360, height: 740, deviceScaleFactor: PAGE_SCALE, isMobile: true, hasTouch: true });
    await fresh.goto(link);
    // A map is created when it scrolls into view: the reader scrolls to it (on a phone it is below the fold).
    await fresh.waitForFunction(() => customElements.get('chiso-choropleth'), { timeout: 30000 });
    await fresh.evaluate(() => document.getElementById('ban-do-xa').scrollIntoView({ block: 'center' }));
    await fresh.waitForFunction(() => document.getElementById('ban-do-xa')?.state === 'ready' && document.getElementById('ban-do-xa').map, { timeout: 60000 });
    const shared = await fresh.waitForFunction(() => {
      const el = document.getElementById('ban-do-xa');
      const m = el.map;
      const tip = el.shadowRoot.querySelector('chiso-map').shadowRoot.querySelector('.maplibregl-popup .tooltip')?.textContent ?? '';
      return tip.includes('Tân Hoà') && { period: el.layer.period, zoom: m.getZoom(), outlined: m.getFeatureState({ source: 'chiso-boundaries', id: '04792' }).hover, panel: document.getElementById('chon-xa').value };
    }, { timeout: 20000 }).then((h) => h.jsonValue(), () => null);
    assert.deepEqual(shared && { ...shared, zoom: Math.round(shared.zoom * 100) / 100 }, { period: '2025-Q4', zoom: 11.25, outlined: true, panel: '04792' }, 'the shared view in a fresh browser');
    // A finger has no hover: the first tap on another commune shows its tooltip and selects nothing; a second tap
    // selects it (the panel follows). Nothing makes the page scroll sideways.
    assert.ok(await fresh.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth), 'no horizontal scrolling at 360 px');
    const target = await fresh.evaluate(() => {
      const el = document.getElementById('ban-do-xa');
      const m = el.map;
      el.scrollIntoView({ block: 'center' });
      const r = m.getCanvas().getBoundingClientRect();
      const areas = el.shadowRoot.querySelector('chiso-map').boundaryAreas.areas;
      // A point clear of the controls and the open tooltip's commune, inside another commune.
      for (let y = 0.3; y <= 0.85; y += 0.05) {
        for (let x = 0.15; x <= 0.75; x += 0.05) {
          const px = [r.width * x, r.height * y];
          const code = m.queryRenderedFeatures(px).map((f) => String(f.properties.chiso_code ?? '')).find((c) => areas.has(c));
          const tip = el.shadowRoot.querySelector('chiso-map').shadowRoot.querySelector('.maplibregl-popup')?.getBoundingClientRect();
          const under = tip && r.x + px[0] > tip.left - 8 && r.x + px[0] < tip.right + 8 && r.y + px[1] > tip.top - 8 && r.y + px[1] < tip.bottom + 8;
          if (code && code !== '04792' && !under) return { code, name: areas.get(code).name, x: r.x + px[0], y: r.y + px[1] };
        }
      }
      return null;
    });
    assert.ok(target, 'another commune in view to tap');
    const tipText = () => fresh.evaluate(() => document.getElementById('ban-do-xa').shadowRoot.querySelector('chiso-map').shadowRoot.querySelector('.maplibregl-popup .tooltip')?.textContent ?? '');
    await fresh.touchscreen.tap(target.x, target.y);
    await fresh.waitForFunction((name) => document.getElementById('ban-do-xa').shadowRoot.querySelector('chiso-map').shadowRoot.querySelector('.maplibregl-popup .tooltip')?.textContent.includes(name), { timeout: 5000 }, target.name)
      .catch(async () => assert.fail(`the first tap shows ${target.name}'s tooltip (shows "${await tipText()}")`));
    assert.equal(await fresh.$eval('#chon-xa', (s) => s.value), '04792', 'the first tap selects nothing');
    // The reader reads the tooltip, then taps again (two taps within half a second are a double tap: a zoom).
    await new Promise((r) => setTimeout(r, 700));
    await fresh.touchscreen.tap(target.x, target.y);
    await fresh.waitForFunction((code) => document.getElementById('chon-xa').value === code, { timeout: 5000 }, target.code)
      .catch(() => assert.fail('the second tap selects the commune'));
    await fresh.close();

    await page.waitForFunction((probe) => window.__violations.includes(probe), { timeout: 60000 }, PROBE)
      .catch(() => problems.push('the probe\'s inline script was blocked but no securitypolicyviolation event was seen: violations would go unseen'));
    const refusal = errors.findIndex((e) => /Executing inline script violates/.test(e));
    if (refusal >= 0) errors.splice(refusal, 1); // Chromium logs the refusal as an error too
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(violations, [PROBE], 'no Content-Security-Policy violation but the probe\'s');
    if (errors.length) problems.push(errors.join('; '));
  } finally {
    await browser.close();
    server.close();
  }
  assert.deepEqual(problems, []);
});

test('the example pages load with no console error; React, Vue and Angular pass data in and get the events back', { skip, timeout: 300000 }, async () => {
  // What the framework pages must show: Việt Trì's latest figures in the (synthetic) commune feed.
  const feed = JSON.parse(readFileSync('examples/data/phu-tho-xa-dvc.json', 'utf8'));
  const latest = (indicator) => feed.observations.filter((o) => o.indicator === indicator && o.area === '07900' && o.value != null).at(-1).value;
  const server = await startStaticServer({ port: 0 });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  const problems = [];
  try {
    await Promise.all(['paste', 'react', 'vue', 'angular'].map(async (name) => {
      const page = await openPage(browser);
      await page.setViewport({ width: 1280, height: 900, deviceScaleFactor: PAGE_SCALE });
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(`${base}/examples/${name}.html`);
      const settled = await page.waitForFunction(() => {
        const all = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('chiso-') && e.localName !== 'chiso-angular-demo');
        // Defined first: chiso.js defines each tag when its code has loaded.
        return all.length > 0 && all.every((e) => customElements.get(e.localName) && e.state !== 'idle' && e.state !== 'loading');
      }, { timeout: 60000, polling: 250 }).then(() => true, () => false);
      if (!settled) problems.push(`${name}: not every element settled`);
      if (name === 'paste') {
        // The README's map with no boundaries file: every Phú Thọ commune from the shipped atlas, coloured.
        const drawn = await page.evaluate(() => {
          const layer = document.querySelector('chiso-choropleth')?.layer;
          const codes = (document.querySelector('chiso-choropleth')?.mapElement?.boundaryAreas?.collection.features ?? []).map((f) => String(f.id));
          return { state: document.querySelector('chiso-choropleth')?.state, areas: codes.length, coloured: codes.filter((c) => layer.valueFor(c) != null).length };
        });
        // Coloured: the communes the feed gives a value for in its latest period (the synthetic feed leaves a few out).
        const periods = [...new Set(feed.observations.filter((o) => o.indicator === feed.indicators[0].id).map((o) => o.period))].sort();
        const valued = feed.observations.filter((o) => o.indicator === feed.indicators[0].id && o.period === periods.at(-1) && o.value != null).length;
        if (drawn.state !== 'ready' || drawn.areas !== 148 || drawn.coloured !== valued) problems.push(`paste: the map drew ${JSON.stringify(drawn)}, not Phú Thọ's 148 communes with ${valued} coloured`);
      } else {
        const said = (v) => page.waitForFunction((want) => (document.getElementById('ready')?.textContent ?? '').startsWith(`chiso-ready: ${want} `), { timeout: 20000 }, String(v)).then(() => true, () => false);
        if (!(await said(latest('dvc.online_rate')))) problems.push(`${name}: the framework did not receive chiso-ready (${await page.$eval('#ready', (e) => e.textContent)})`);
        await page.select('select', 'dvc.online_payment_rate');
        if (!(await said(latest('dvc.online_payment_rate')))) problems.push(`${name}: switching the indicator did not reach the element`);
      }
      if (errors.length) problems.push(`${name}: ${errors.join('; ')}`);
      await page.close();
    }));
  } finally {
    await browser.close();
    server.close();
  }
  assert.deepEqual(problems, []);
});

test('the snippet builder, on a phone (360 px, touch) and a strict server: reads a feed by address, lists what it holds, proposes the elements that fit, previews one live and gives its tag; a broken file is explained with its JSON path; feed text stays text; axe clean', { skip, timeout: 300000 }, async () => {
  const { server, base } = await strictServer();
  const browser = await launchChromium(['--hide-scrollbars']);
  const problems = [];
  mkdirSync('test/.out', { recursive: true });
  try {
    const { page, errors } = await watchedPage(browser);
    await page.setViewport({ width: 360, height: 740, deviceScaleFactor: PAGE_SCALE, isMobile: true, hasTouch: true });
    await page.goto(`${base}/examples/builder.html`);
    problems.push(...await axeProblems(page, 'builder, empty'));

    // By address, with the finger: the published Phú Thọ figures.
    await page.tap('#feed-url');
    await page.keyboard.type('feeds/phu-tho-dvc-2021.json');
    await page.tap('#feed-form button[type="submit"]');
    await page.waitForFunction(() => !document.getElementById('choose').hidden, { timeout: 15000 });
    const summary = await page.$eval('#summary', (d) => d.textContent);
    for (const want of ['chiso JSON', 'dvc.online_rate', 'tỉnh', 'huyện', 'xã', '2021']) assert.ok(summary.includes(want), `the summary names ${want}: ${summary}`);
    const proposed = await page.$$eval('input[name="element"]', (inputs) => inputs.map((i) => i.value));
    assert.ok(proposed.includes('chiso-gauge') && proposed.includes('chiso-gauge-group'), `a rate at three levels: gauge and gauge group proposed (${proposed})`);
    await page.tap('input[name="element"][value="chiso-gauge"]');
    await page.select('#opt-area', '25');
    await page.waitForFunction(() => document.querySelector('#preview chiso-gauge')?.state === 'ready', { timeout: 15000 });
    const shown = await page.$eval('#preview chiso-gauge', (g) => g.shadowRoot.querySelector('[part="value"]').textContent.replace(/\s+/g, ' ').trim());
    assert.equal(shown, '87,86 %', 'the live preview shows the published figure');
    const snippet = await page.$eval('#snippet', (c) => c.textContent);
    assert.match(snippet, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/packages\/chiso\/dist\/chiso\.js"><\/script>\n<chiso-gauge src="http:\/\/127\.0\.0\.1:\d+\/examples\/feeds\/phu-tho-dvc-2021\.json" indicator="dvc\.online_rate" area="25"><\/chiso-gauge>$/);
    problems.push(...await axeProblems(page, 'builder, a gauge chosen'));
    if (await page.evaluate(() => document.scrollingElement.scrollWidth > innerWidth)) problems.push('the builder scrolls sideways at 360 px');

    // A commune feed proposes the map first.
    await page.tap('.sample[data-url="data/phu-tho-xa-dvc.json"]');
    await page.waitForFunction(() => document.querySelector('input[name="element"]')?.value === 'chiso-choropleth', { timeout: 15000 });

    // A file with a value that is not a number: the reader's words and the JSON path, in Vietnamese.
    const bad = 'test/.out/nguon-hong.json';
    writeFileSync(bad, JSON.stringify({ chiso: 1, indicators: [{ id: 'x', name: '<img src=x onerror="window.__pwned=1">', unit: '%' }],
      observations: [{ indicator: 'x', area: '25', period: '2021', value: 1 }, { indicator: 'x', area: '25', period: '2022', value: 'abc' }] }));
    await (await page.$('#feed-file')).uploadFile(bad);
    await page.waitForFunction(() => document.querySelector('#status [class="error"]'), { timeout: 15000 });
    assert.match(await page.$eval('#status', (s) => s.textContent), /Không đọc được nguồn dữ liệu: Dữ liệu không đúng định dạng \(tại observations\[1\]\.value/);
    assert.equal(await page.$eval('#status', (s) => s.getAttribute('role')), 'alert');
    // The same file mended: its hostile indicator name is shown as text, never run or parsed.
    writeFileSync(bad, readFileSync(bad, 'utf8').replace('"abc"', '2'));
    await (await page.$('#feed-file')).uploadFile(bad);
    await page.waitForFunction(() => !document.getElementById('choose').hidden && document.getElementById('summary').textContent.includes('<img'), { timeout: 15000 });
    assert.equal(await page.evaluate(() => !!document.querySelector('#summary img, #elements img') || !!window.__pwned), false, 'feed text stays text');
    assert.match(await page.$eval('#snippet', (c) => c.textContent), /src="nguon-hong\.json"/, 'a file: its name in src, with the note to upload it');
    assert.equal(await page.$eval('#file-note', (n) => n.hidden), false);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no Content-Security-Policy violation');
    if (errors.length) problems.push(errors.join('; '));
  } finally {
    await browser.close();
    server.close();
  }
  assert.deepEqual(problems, []);
});

test('examples/paste.html is the README\'s snippet, with only the script\'s address changed', () => {
  const readme = readFileSync('README.md', 'utf8');
  const snippet = /## For webmasters: paste this\s+```html\n([\s\S]*?)```/.exec(readme)?.[1];
  const mapSnippet = /A commune map, coloured by an indicator[\s\S]*?```html\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(snippet && mapSnippet, 'the README has the snippets');
  const page = readFileSync('examples/paste.html', 'utf8');
  const tag = (html) => [...html.matchAll(/<chiso-[\s\S]*?<\/chiso-[a-z-]+>/g)].map((m) => m[0].replace(/\s+/g, ' '));
  // The tags are the README's, to the character, once the feed's path is the page's own.
  assert.deepEqual(tag(page).map((t) => t.replace(/"(feeds|data)\//, '"/du-lieu/')), [...tag(snippet), ...tag(mapSnippet)]);
  assert.match(snippet, /<script type="module" src="https:\/\/YOUR-STATIC-HOST\/chiso\/chiso\.js"><\/script>/);
  assert.match(page, /<script type="module" src="\.\.\/packages\/chiso\/dist\/chiso\.js"><\/script>/);
});
