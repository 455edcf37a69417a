// The demo portal in Firefox ESR, a real browser without WebGL here (Debian's firefox-esr, driven by
// puppeteer-core over WebDriver BiDi): every map draws on the canvas renderer, in its layers' colours, with
// tooltips and no console error. Skips, saying so, on a machine without Firefox.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startStaticServer } from '../../scripts/static-server.mjs';

const firefox = process.env.FIREFOX_PATH || ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
const built = existsSync('packages/chiso/dist/chiso.js') && existsSync('examples/data/phu-tho-xa-dvc.json');
const skip = !firefox ? 'no Firefox (apt-get install -y firefox-esr)' : !built ? 'not built (npm test builds first)' : false;

test('Firefox ESR, no WebGL: the demo\'s maps draw on the canvas in their colours, with tooltips and no console error', { skip, timeout: 240000 }, async () => {
  const server = await startStaticServer({ port: 0 });
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefox, headless: true, protocol: 'webDriverBiDi', args: ['--width=1280', '--height=900'] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    // Puppeteer sends the viewport and a screen orientation together; Firefox ESR 140.12 sets the first and answers
    // the second with "unknown command emulation.setScreenOrientationOverride" (the width is checked below).
    await page.setViewport({ width: 1280, height: 900 }).catch((e) => { if (!/unknown command/.test(e.message)) throw e; });
    await page.goto(`http://127.0.0.1:${server.address().port}/examples/index.html`);
    assert.equal(await page.evaluate(() => window.innerWidth), 1280, 'the window is the desktop width the test means');
    const webgl = await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'));
    // Debian's Firefox ESR here has no WebGL (the brief's "real no-WebGL browser"): this test means that.
    assert.equal(webgl, false, 'this Firefox has WebGL: the test would not show the canvas fallback');
    // Every map, scrolled to (they are made when first in view), ready.
    const count = await page.evaluate(() => document.querySelectorAll('chiso-map, chiso-choropleth').length);
    assert.ok(count >= 2, `maps on the demo: ${count}`);
    for (let i = 0; i < count; i++) {
      await page.evaluate((k) => document.querySelectorAll('chiso-map, chiso-choropleth')[k].scrollIntoView({ block: 'center' }), i);
      await page.waitForFunction((k) => {
        const el = document.querySelectorAll('chiso-map, chiso-choropleth')[k];
        const map = el.localName === 'chiso-map' ? el : el.mapElement;
        return map && (map.state === 'ready' || map.state === 'error' || map.state === 'stale');
      }, { timeout: 60000, polling: 250 }, i);
    }
    const maps = await page.evaluate(() => [...document.querySelectorAll('chiso-map, chiso-choropleth')].map((el) => {
      const map = el.localName === 'chiso-map' ? el : el.mapElement;
      return { id: el.id || el.localName, state: map.state, renderer: map.activeRenderer, error: map.shadowRoot.querySelector('[part="error"]')?.textContent ?? '' };
    }));
    for (const m of maps) {
      assert.equal(m.state, 'ready', JSON.stringify(m));
      assert.equal(m.renderer, 'canvas', `without WebGL, the canvas: ${JSON.stringify(m)}`);
    }
    // The first choropleth's communes in the colours colorFor reports, read back from the canvas.
    const probe = await page.evaluate(() => {
      const layer = document.querySelector('chiso-choropleth-layer') ?? document.querySelector('chiso-choropleth')?.layer;
      const host = layer.closest('chiso-map') ?? layer.getRootNode().host;
      const map = host.map;
      const canvas = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const g = copy.getContext('2d');
      g.drawImage(canvas, 0, 0);
      const ratio = canvas.width / canvas.clientWidth;
      let checked = 0;
      const wrong = [];
      for (const [code, area] of host.boundaryAreas.areas) {
        const p = map.project(area.anchor);
        if (p.x < 4 || p.y < 4 || p.x > canvas.clientWidth - 4 || p.y > canvas.clientHeight - 4) continue;
        const d = g.getImageData(Math.round(p.x * ratio) - 2, Math.round(p.y * ratio) - 2, 5, 5).data;
        let uniform = true;
        for (let i = 4; i < d.length; i += 4) if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 0) uniform = false;
        if (!uniform) continue;
        const want = layer.colorFor(code);
        const rgb = [1, 3, 5].map((k) => parseInt(want.slice(k, k + 2), 16));
        checked++;
        if (rgb.some((v, i) => Math.abs(v - d[i]) > 2)) wrong.push(`${code}: ${[d[0], d[1], d[2]]} vs ${want}`);
      }
      // The largest commune's place on the page, for the pointer.
      const [code, area] = [...host.boundaryAreas.areas].sort((x, y) => Number(y[1].properties.areaKm2 ?? 0) - Number(x[1].properties.areaKm2 ?? 0))[0];
      host.scrollIntoView({ block: 'center' });
      const p = map.project(area.anchor);
      const box = canvas.getBoundingClientRect();
      return { checked, wrong: wrong.slice(0, 5), renderer: host.activeRenderer, name: area.name, code, x: box.left + p.x, y: box.top + p.y };
    });
    assert.deepEqual(probe.wrong, []);
    assert.ok(probe.checked > 30, `communes sampled: ${probe.checked}`);
    // The pointer over the commune: its tooltip, as text.
    await page.mouse.move(Math.round(probe.x), Math.round(probe.y));
    await page.mouse.move(Math.round(probe.x) + 2, Math.round(probe.y) + 1);
    const tip = await page.waitForFunction((name) => {
      const layer = document.querySelector('chiso-choropleth-layer') ?? document.querySelector('chiso-choropleth')?.layer;
      const host = layer.closest('chiso-map') ?? layer.getRootNode().host;
      const text = host.shadowRoot.querySelector('.tooltip')?.textContent ?? '';
      return text.includes(name) && text;
    }, { timeout: 10000, polling: 100 }, probe.name).then((h) => h.jsonValue());
    assert.match(tip, new RegExp(probe.name));
    assert.deepEqual(errors, [], 'no console error');
  } finally {
    await browser.close();
    server.close();
  }
});
