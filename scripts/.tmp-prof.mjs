import { startStaticServer } from './static-server.mjs';
import { launchChromium } from '../test/support/browser.mjs';
const server = await startStaticServer({ port: 0 });
const browser = await launchChromium();
for (let i = 0; i < 3; i++) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 800 });
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/pages/map.html?lib=chiso-canvas&data=atlas&nopan=1`);
  await page.waitForFunction('window.__result !== undefined', { timeout: 60000 });
  console.log(JSON.stringify(await page.evaluate('({ r: window.__result, m: window.__marks })')));
  await page.close();
}
await browser.close(); server.close();
