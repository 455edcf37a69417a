// Every story of the built Storybook loads in Chromium, draws its element, and throws no error.
// (npm test builds Storybook first; see scripts/test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startStaticServer } from '../../scripts/static-server.mjs';

const executablePath = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const built = existsSync('storybook-static/index.json');

test('every story renders its element without errors', { skip: !built ? 'storybook-static is not built' : !executablePath ? 'no Chromium' : false, timeout: 180000 }, async () => {
  const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8'));
  const stories = Object.values(index.entries).filter((e) => e.type === 'story');
  assert.ok(stories.length >= 15, `expected the gauge stories, found ${stories.length}`);
  const server = await startStaticServer({ rootDir: 'storybook-static', port: 0, home: '/index.html' });
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking', '--no-first-run', '--disable-dev-shm-usage'] });
  const problems = [];
  try {
    for (const story of stories) {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        // A 404 is the point of the missing-feed story; anything else logged as an error is a defect.
        if (m.type() === 'error' && !/status of 404/.test(m.text())) errors.push(m.text());
      });
      await page.goto(`http://127.0.0.1:${server.address().port}/iframe.html?id=${story.id}&viewMode=story`);
      // Resolves with the element's state once it has left `idle` and drawn something.
      const state = await page.waitForFunction(() => {
        const chiso = document.querySelector('#storybook-root chiso-gauge, #storybook-root chiso-gauge-group, #storybook-root chiso-map, #storybook-root chiso-choropleth');
        return chiso && chiso.state !== 'idle' && chiso.shadowRoot?.childElementCount ? chiso.state : false;
      }, { timeout: 15000 }).then((h) => h.jsonValue()).catch(() => 'not rendered');
      if (state === 'not rendered' || errors.length) problems.push(`${story.id}: ${state} ${errors.join('; ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  assert.deepEqual(problems, []);
});
