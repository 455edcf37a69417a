// `npm run screenshots`: pictures of the demo dashboard for the README (examples/screenshots/), taken in
// headless Chromium after every element has drawn: the top of the page, the BTS and case panels, high contrast,
// and the whole page at each width the layout test checks (dashboard-<width>.png). Needs `npm run build` first.
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startStaticServer } from './static-server.mjs';

const out = 'examples/screenshots';
mkdirSync(out, { recursive: true });
const server = await startStaticServer({ port: 0 });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist', '--hide-scrollbars'],
});
const settle = async (page) => {
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await new Promise((r) => setTimeout(r, 300));
  }
  await page.waitForFunction(() => [...document.querySelectorAll('*')]
    .filter((e) => e.localName.startsWith('chiso-') && e.localName !== 'chiso-legend')
    .every((e) => customElements.get(e.localName) && e.state !== 'loading' && e.state !== 'idle'), { timeout: 120000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await new Promise((r) => setTimeout(r, 1500));
};
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 860 });
  await page.goto(`${base}/examples/index.html`);
  await settle(page);
  await page.screenshot({ path: `${out}/dashboard.png` });
  for (const [id, name] of [['s-bts', 'bts'], ['s-cases', 'cases']]) {
    const section = await page.$(`section[aria-labelledby="${id}"]`);
    await section.screenshot({ path: `${out}/${name}.png` });
  }
  for (const width of [360, 768, 1280, 1920]) {
    await page.setViewport({ width, height: 900 });
    await settle(page);
    await page.screenshot({ path: `${out}/dashboard-${width}.png`, fullPage: true });
  }
  await page.setViewport({ width: 1280, height: 860 });
  await settle(page);
  await page.click('[data-contrast]');
  await new Promise((r) => setTimeout(r, 2500));
  await page.screenshot({ path: `${out}/high-contrast.png` });
  console.log(`screenshots → ${out}/`);
} finally {
  await browser.close();
  server.close();
}
