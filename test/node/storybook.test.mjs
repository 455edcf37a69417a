// Every story of the built Storybook, in Chromium: it draws its element, shows the state it is about, logs no
// error, passes axe-core (WCAG 2.1 A/AA, no serious or critical violation), and its layout holds at 320, 360,
// 768 and 1280 px wide, at the default and at 200 % font size (test/support/layout-check.js: no text outside
// its element, cut off, on other text or on a chart mark). A story not about an error shows none. Storybook is
// served the way IIS serves what it does not know (IIS_DEFAULTS), as a portal's server may. Stories run in
// several pages of one browser at once.
// (npm test builds Storybook first; STORY_FILTER=gauge-group runs some stories only.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { IIS_DEFAULTS, launchChromium, openPage, PAGE_SCALE, WIDTHS, layoutProblemsAcross } from '../support/browser.mjs';

const built = existsSync('storybook-static/index.json');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PAGES = Number(process.env.STORY_PAGES) || 2;

/** The state a state story is about, from its id. */
const expectedState = (id) => (/--(feed-)?loading$/.test(id) ? 'loading' : /--empty$/.test(id) ? 'empty'
  : /--stale$/.test(id) ? 'stale' : /--(missing-feed|error-http|error-value|boundaries-error|error-missing-feed)$/.test(id) ? 'error' : null);

async function checkStory(page, base, story, problems) {
  const errors = [];
  const onError = (e) => errors.push(e.message);
  const onConsole = (m) => {
    // A 404 is the point of the missing-feed stories; anything else logged as an error is a defect.
    if (m.type() === 'error' && !/status of 404/.test(m.text())) errors.push(m.text());
  };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  const t0 = Date.now();
  const marks = [];
  const mark = (what) => marks.push(`${what} ${Date.now() - t0}`);
  try {
    await page.setViewport({ width: 1280, height: 900, deviceScaleFactor: PAGE_SCALE });
    // The first story of a page loads Storybook; the next ones are switched to in place, as the Storybook UI
    // does (no reload: the modules, MapLibre and its worker are already there, and each map draws in a second).
    const switched = page.url().includes('/iframe.html') && await page.evaluate((id) => new Promise((resolve) => {
      const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
      if (!channel) return resolve(false);
      const timer = setTimeout(() => resolve(false), 10000);
      channel.once('storyRendered', () => { clearTimeout(timer); resolve(true); });
      channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
    }), story.id).catch(() => false);
    if (!switched) await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
    const state = await page.waitForFunction(() => {
      const chiso = document.querySelector('#storybook-root chiso-gauge, #storybook-root chiso-gauge-group, #storybook-root chiso-stat, #storybook-root chiso-ranking, #storybook-root chiso-progress, #storybook-root chiso-map, #storybook-root chiso-choropleth, #storybook-root chiso-trend');
      return chiso && chiso.state !== 'idle' && chiso.shadowRoot?.childElementCount ? chiso.state : false;
    }, { timeout: 15000 }).then((h) => h.jsonValue()).catch(() => 'not rendered');
    if (state === 'not rendered') return problems.push(`${story.id}: not rendered ${errors.join('; ')}`);
    const expected = expectedState(story.id);
    if (expected) {
      // A stale story fails its first refresh, two seconds after a first drawing that may take a while here.
      const shown = await page.waitForFunction((want) => [...document.querySelectorAll('#storybook-root *')]
        .some((e) => e.localName.startsWith('chiso-') && e.state === want), { timeout: expected === 'stale' ? 60000 : 20000 }, expected).then(() => true, () => false);
      if (!shown) problems.push(`${story.id}: never in state ${expected}`);
    }
    // Every chiso element of the story settles (layers too) before it is judged.
    await page.waitForFunction((loading) => [...document.querySelectorAll('#storybook-root *')]
      .filter((e) => e.localName.startsWith('chiso-')).every((e) => e.state !== 'idle' && (loading || e.state !== 'loading')),
    { timeout: 60000 }, expected === 'loading').catch(() => problems.push(`${story.id}: did not settle`));
    if (expected !== 'error') {
      const failed = await page.evaluate(() => [...document.querySelectorAll('#storybook-root *')]
        .filter((e) => e.localName.startsWith('chiso-') && e.state === 'error')
        .map((e) => `${e.localName}: ${(e.shadowRoot?.querySelector('[part~="error"]')?.textContent ?? '').trim().slice(0, 200)}`));
      for (const f of failed) problems.push(`${story.id}: in error, which the story is not about (${f})`);
    }
    mark('settled');
    // Story switches keep the page, and axe with it: injected once per page (it is half a megabyte to parse).
    if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run('#storybook-root', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join(' | ')}`);
    });
    for (const v of violations) problems.push(`${story.id}: axe ${v}`);
    mark('axe');
    for (const p of await layoutProblemsAcross(page, '#storybook-root')) problems.push(`${story.id}: ${p}`);
    mark('layout');
    if (errors.length) problems.push(`${story.id}: ${errors.join('; ')}`);
    if (process.env.STORY_LOG) console.log(story.id, state, marks.join(', '));
  } finally {
    page.off('pageerror', onError);
    page.off('console', onConsole);
  }
}

test('every story renders, shows its state, passes axe, and holds its layout at 320–1280 px and 200 % text', {
  skip: !built ? 'storybook-static is not built (npm test builds it)' : false, timeout: 900000,
}, async () => {
  const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8'));
  const stories = Object.values(index.entries).filter((e) => e.type === 'story' && e.id.includes(process.env.STORY_FILTER ?? ''));
  assert.ok(process.env.STORY_FILTER || stories.length >= 60, `expected every element's stories, found ${stories.length}`);
  const server = await startStaticServer({ rootDir: 'storybook-static', port: 0, home: '/index.html', misbehave: IIS_DEFAULTS });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  const problems = [];
  try {
    // Once: axe must see inside shadow roots (where every chiso element draws), or it would pass anything.
    const probe = await openPage(browser);
    await probe.goto(`${base}/iframe.html?id=${stories[0].id}&viewMode=story`);
    await probe.waitForSelector('#storybook-root');
    await probe.addScriptTag({ path: axePath });
    const seesShadow = await probe.evaluate(async () => {
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).append(document.createElement('button'));
      document.querySelector('#storybook-root').append(host);
      const r = await window.axe.run('#storybook-root', { runOnly: ['button-name'] });
      host.remove();
      return r.violations.length > 0;
    });
    assert.ok(seesShadow, 'axe finds a nameless button in a shadow root');
    await probe.close();
    const queue = [...stories];
    await Promise.all(Array.from({ length: Math.min(PAGES, queue.length) }, async () => {
      const page = await openPage(browser);
      for (let story = queue.shift(); story; story = queue.shift()) {
        await checkStory(page, base, story, problems).catch((e) => problems.push(`${story.id}: ${e.message}`));
      }
      await page.close();
    }));
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`# stories checked: ${stories.length}, at widths ${WIDTHS.join(', ')} px and 100/200 % text`);
  assert.deepEqual(problems, []);
});
