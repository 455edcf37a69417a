// The system Chromium for Node-driven browser tests (stories, demo pages), launched and paged the way the
// browser tests run it (test/web-test-runner.config.mjs): never a downloaded browser.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

export const executablePath = process.env.CHROME_PATH
  || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

/** Software WebGL (no GPU here), a closed network, and no throttling of pages that are not in front. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic', '--disable-dev-shm-usage', '--disable-gpu-compositing',
  '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows', '--disable-renderer-backgrounding',
];

export function launchChromium(extra = []) {
  if (!executablePath) throw new Error('No Chromium: apt-get install -y chromium, or set CHROME_PATH');
  return puppeteer.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...extra] });
}

/**
 * A page in a window of its own (its own browser context), told it has focus, so several pages can run at once
 * and each draws frames, runs ResizeObserver and takes focus as the front page would.
 */
export async function openPage(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  page.once('close', () => void context.close().catch(() => {}));
  return page;
}

/**
 * What IIS 10 does without configuration, which older nginx and CMS handlers share: an extension it has no type
 * for (.mjs, .pmtiles) goes out as application/octet-stream, .geojson answers 404.3, and no byte ranges. The demo
 * and the static Storybook are tested on a server like this.
 */
export const IIS_DEFAULTS = {
  type: (p) => (/\.(mjs|geojson|pmtiles)$/.test(p) ? 'application/octet-stream' : undefined),
  status: (p) => (/\.geojson$/.test(p) ? 404 : undefined),
  noRanges: true,
};

/** The widths every story and the demo are checked at. */
export const WIDTHS = [320, 360, 768, 1280];
/**
 * The device pixel ratio the page tests (stories, demo, deployment) run at: layout, text boxes, contrast and axe
 * are in CSS pixels and do not depend on it, but a map's canvas has a quarter of the pixels at 0.5, and with
 * software WebGL every frame costs in proportion. (The browser tests that read map pixels run at 1.)
 */
export const PAGE_SCALE = Number(process.env.PAGE_SCALE) || 0.5;
// Run through the DevTools protocol (page.evaluate), which a page's Content-Security-Policy does not govern.
const layoutScript = readFileSync(fileURLToPath(new URL('./layout-check.js', import.meta.url)), 'utf8');

/** Waits for layout and for every chiso element to have re-rendered after a resize. */
const settle = (page) => page.evaluate(async () => {
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await frames();
  const all = [];
  const visit = (root) => {
    for (const e of root.querySelectorAll('*')) {
      if (e.localName.startsWith('chiso-') && e.updateComplete) all.push(e.updateComplete);
      if (e.shadowRoot) visit(e.shadowRoot);
    }
  };
  visit(document);
  await Promise.all(all);
  await frames();
});

/**
 * Layout problems of the chiso elements under `selector` at every width, at the default and at 200 % font size
 * (what a reader's A+ or browser zoom does), each prefixed with where it happened. Leaves the page at 100 % and,
 * unless `restore` is false (the page stays at the widest width checked), at 1280 px.
 */
export async function layoutProblemsAcross(page, selector, { widths = WIDTHS, height = 900, restore = true } = {}) {
  if (!(await page.evaluate(() => typeof window.chisoLayoutProblems === 'function'))) await page.evaluate(layoutScript);
  const problems = [];
  // Widest to narrowest at 100 %, back up at 200 %: every step changes one thing, and the first (the width the page
  // is usually at) and the last (only the text size to put back) need no resize; each resize redraws every map.
  const down = [...widths].sort((a, b) => b - a);
  const plan = [...down.map((w) => [w, '100%']), ...[...down].reverse().map((w) => [w, '200%'])];
  const resize = async (width) => {
    const now = page.viewport();
    if (now?.width !== width || now?.height !== height || now?.deviceScaleFactor !== PAGE_SCALE) await page.setViewport({ width, height, deviceScaleFactor: PAGE_SCALE });
  };
  for (const [width, font] of plan) {
    await page.evaluate((f) => { document.documentElement.style.fontSize = f; }, font);
    await resize(width);
    await settle(page);
    const found = await page.evaluate((sel) => window.chisoLayoutProblems(document.querySelector(sel) ?? document.body), selector);
    for (const p of found) problems.push(`${width}px ${font}: ${p}`);
    // Nothing makes the page scroll sideways (a phone's reader would pan to read).
    const wide = await page.evaluate(() => document.scrollingElement.scrollWidth);
    if (wide > width + 1) problems.push(`${width}px ${font}: the page scrolls sideways (${wide} px wide)`);
  }
  await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
  if (restore) await resize(1280);
  return problems;
}
