// The demo portal and the example pages, as `npm start` serves them, in Chromium: every chiso element
// settles, nothing is logged as an error, and the React, Vue and Angular pages pass data in and get the
// elements' events back (switching the indicator in the framework updates the element).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { startStaticServer } from '../../scripts/static-server.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const executablePath = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const built = existsSync('packages/chiso/dist/chiso.js') && existsSync('examples/data/tinh-mau-766.json') && existsSync('examples/vendor/react.js');

test('the demo dashboard and the example pages load with no console error', { skip: !built ? 'not built (npm run build)' : !executablePath ? 'no Chromium' : false, timeout: 300000 }, async () => {
  const server = await startStaticServer({ port: 0 });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking', '--no-first-run', '--disable-dev-shm-usage'] });
  const problems = [];
  try {
    for (const name of ['index', 'paste', 'react', 'vue', 'angular']) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(`${base}/examples/${name}.html`);
      // Scroll through, so every map comes into view and starts.
      const height = await page.evaluate(() => document.body.scrollHeight);
      for (let y = 0; y < height; y += 700) {
        await page.evaluate((to) => window.scrollTo(0, to), y);
        await new Promise((r) => setTimeout(r, 250));
      }
      const settled = await page.waitForFunction(() => {
        const all = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('chiso-') && e.localName !== 'chiso-legend' && e.localName !== 'chiso-angular-demo');
        return all.length > 0 && all.every((e) => e.state !== 'idle' && e.state !== 'loading');
      }, { timeout: 120000, polling: 500 }).then(() => true, () => false);
      if (!settled) problems.push(`${name}: not every element settled`);
      if (name === 'index') {
        // The demo passes axe with the rules the stories pass (WCAG 2.1 A/AA, no serious or critical), in each theme.
        await page.addScriptTag({ path: axePath });
        for (const theme of ['light', 'contrast']) {
          if (theme === 'contrast') await page.click('[data-contrast]');
          const violations = await page.evaluate(async () => {
            const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, rules: { 'label-content-name-mismatch': { enabled: true } } });
            return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join(' | ')}`);
          });
          for (const v of violations) problems.push(`index (${theme}): axe ${v}`);
        }
      }
      if (['react', 'vue', 'angular'].includes(name)) {
        const first = await page.waitForFunction(() => /chiso-ready: 84\.53 /.test(document.getElementById('ready')?.textContent ?? ''), { timeout: 20000 }).then(() => true, () => false);
        if (!first) problems.push(`${name}: the framework did not receive chiso-ready (${await page.$eval('#ready', (e) => e.textContent)})`);
        await page.select('select', 'dvc.online_payment_rate');
        const second = await page.waitForFunction(() => /chiso-ready: 61\.75 /.test(document.getElementById('ready')?.textContent ?? ''), { timeout: 20000 }).then(() => true, () => false);
        if (!second) problems.push(`${name}: switching the indicator did not reach the element`);
      }
      if (errors.length) problems.push(`${name}: ${errors.join('; ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  assert.deepEqual(problems, []);
});
