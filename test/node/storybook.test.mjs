// Every story of the built Storybook loads in Chromium, draws its element, throws no error, and axe-core
// finds no serious or critical WCAG 2.1 A/AA violation in it.
// (npm test builds Storybook first; see scripts/test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { startStaticServer } from '../../scripts/static-server.mjs';

const executablePath = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const built = existsSync('storybook-static/index.json');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

test('every story renders its element without errors', { skip: !built ? 'storybook-static is not built' : !executablePath ? 'no Chromium' : false, timeout: 900000 }, async () => {
  const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8'));
  // STORY_FILTER=gauge-group (say) runs some stories only, while working on them.
  const stories = Object.values(index.entries).filter((e) => e.type === 'story' && e.id.includes(process.env.STORY_FILTER ?? ''));
  assert.ok(process.env.STORY_FILTER || stories.length >= 15, `expected the gauge stories, found ${stories.length}`);
  const server = await startStaticServer({ rootDir: 'storybook-static', port: 0, home: '/index.html' });
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking', '--no-first-run', '--disable-dev-shm-usage'] });
  const problems = [];
  let axeSeesShadowDom = false;
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
        const chiso = document.querySelector('#storybook-root chiso-gauge, #storybook-root chiso-gauge-group, #storybook-root chiso-map, #storybook-root chiso-choropleth, #storybook-root chiso-trend');
        return chiso && chiso.state !== 'idle' && chiso.shadowRoot?.childElementCount ? chiso.state : false;
      }, { timeout: 15000 }).then((h) => h.jsonValue()).catch(() => 'not rendered');
      if (state === 'not rendered' || errors.length) problems.push(`${story.id}: ${state} ${errors.join('; ')}`);
      else {
        // A state story shows its state (some chiso element of it is in that state) ...
        const expected = /--(feed-)?loading$/.test(story.id) ? 'loading' : /--empty$/.test(story.id) ? 'empty'
          : /--stale$/.test(story.id) ? 'stale' : /--(missing-feed|error-http|error-value|boundaries-error|error-missing-feed)$/.test(story.id) ? 'error' : null;
        if (expected) {
          const shown = await page.waitForFunction((want) => [...document.querySelectorAll('#storybook-root *')]
            .some((e) => e.localName.startsWith('chiso-') && e.state === want), { timeout: 20000 }, expected).then(() => true, () => false);
          if (!shown) problems.push(`${story.id}: never in state ${expected}`);
        }
        // ... and every chiso element of it has settled (layers too), then axe over the story's root.
        await page.waitForFunction((loading) => [...document.querySelectorAll('#storybook-root *')]
          .filter((e) => e.localName.startsWith('chiso-')).every((e) => e.state !== 'idle' && (loading || e.state !== 'loading')), { timeout: 30000 }, expected === 'loading').catch(() => {});
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const r = await window.axe.run('#storybook-root', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join(' | ')}`);
        });
        for (const v of violations) problems.push(`${story.id}: axe ${v}`);
        if (!axeSeesShadowDom) {
          // Once: axe must see inside shadow roots (where every chiso element draws), or it would pass anything.
          axeSeesShadowDom = await page.evaluate(async () => {
            const host = document.createElement('div');
            host.attachShadow({ mode: 'open' }).append(document.createElement('button'));
            document.querySelector('#storybook-root').append(host);
            const r = await window.axe.run('#storybook-root', { runOnly: ['button-name'] });
            host.remove();
            return r.violations.length > 0;
          });
          assert.ok(axeSeesShadowDom, 'axe finds a nameless button in a shadow root');
        }
        if (process.env.STORY_LOG) console.log(story.id, violations.length ? violations : "ok");
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  assert.deepEqual(problems, []);
});
