// Deploying on the servers portals really run (issue 20): only extensions every server knows are built; when a chunk,
// MapLibre or its worker cannot load, the map says which file and why (wrong type, missing, blocked by the page's
// policy) instead of blaming the data or loading for ever; the self-check page beside chiso.js finds each of these.
// Each case runs against test servers set up to fail that way (scripts/static-server.mjs `misbehave`).
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { launchChromium, openPage, PAGE_SCALE } from '../support/browser.mjs';

// What a static server knows without configuration (IIS 10, nginx and Apache's default types). `.d.ts` and
// `.md` ship for npm users and readers, never requested by a page.
const KNOWN = /(\.js|\.json|\.css|\.html|\.svg|\.png|\.woff2|\.map|\.d\.ts|\.md)$/;

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
    .map((d) => `${d.parentPath ?? d.path}/${d.name}`);
}

test('only extensions every server knows are built: no .mjs (nor .geojson, .cjs…) in any dist or the Storybook build', (t) => {
  const dirs = readdirSync('packages').map((p) => `packages/${p}/dist`).filter(existsSync);
  assert.ok(dirs.includes('packages/chiso/dist'), 'the build ran');
  if (existsSync('storybook-static')) dirs.push('storybook-static');
  else t.diagnostic('storybook-static absent: only the package builds are checked');
  const unknown = dirs.flatMap(filesUnder).filter((f) => !KNOWN.test(f));
  assert.deepEqual(unknown, []);
  for (const f of ['vendor/maplibre-gl.js', 'vendor/maplibre-gl-worker.js', 'coverage.worker.js', 'kiem-tra.html', 'kiem-tra.js', 'kiem-tra-worker.js', 'kiem-tra-doc.js']) {
    assert.ok(existsSync(`packages/chiso/dist/${f}`), `${f} ships beside chiso.js`);
  }
});

// Served the way IIS serves what it does not know, the demo and the static Storybook draw everything: that is
// where they are tested (test/node/examples.test.mjs and storybook.test.mjs run on such a server, IIS_DEFAULTS).

/** The paste page's map (README's snippet) on a server that misbehaves: its state, message and chiso-error. */
async function mapOutcome(browser, misbehave, lang = 'vi', renderer = 'auto') {
  const server = await startStaticServer({ port: 0, misbehave });
  const page = await openPage(browser);
  try {
    await page.setViewport({ width: 1000, height: 900, deviceScaleFactor: PAGE_SCALE });
    await page.evaluateOnNewDocument((l, r) => {
      window.__errors = [];
      window.__messages = [];
      document.addEventListener('chiso-error', (e) => {
        window.__errors.push(e.detail?.code ?? e.detail?.error?.code ?? 'error');
        window.__messages.push(e.detail?.message ?? '');
      }, true);
      document.addEventListener('DOMContentLoaded', () => {
        document.documentElement.lang = l;
        for (const e of document.querySelectorAll('chiso-choropleth')) e.setAttribute('lang', l), e.setAttribute('renderer', r);
      });
    }, lang, renderer);
    await page.goto(`http://127.0.0.1:${server.address().port}/examples/paste.html`);
    const handle = await page.waitForFunction(() => {
      const el = document.querySelector('chiso-choropleth');
      const map = el?.mapElement;
      if (!map || map.state === 'loading' || map.state === 'idle') return false;
      return {
        state: map.state, renderer: map.activeRenderer, message: map.shadowRoot.querySelector('[part="error"]')?.textContent ?? '',
        errors: window.__errors, said: window.__messages.join(' | '),
      };
    }, { timeout: 45000, polling: 250 }).catch(() => null);
    return handle ? handle.jsonValue() : { state: 'loading', message: '', errors: [] };
  } finally {
    await page.close();
    server.close();
  }
}

test('a map whose code cannot load names the file and the fix, and never stays loading: on the canvas, or in error on MapLibre alone', async () => {
  const browser = await launchChromium();
  try {
    const onlyMapFiles = (re, answer) => (p) => (re.test(p) ? answer : undefined);
    const wrongType = { type: onlyMapFiles(/\/vendor\/maplibre-gl\.js$/, 'application/octet-stream') };
    const [mime, missingWorker, missingChunk, csp, english, alone] = await Promise.all([
      // MapLibre served as a file of unknown type (what a server without a .js mapping sends).
      mapOutcome(browser, wrongType),
      // MapLibre's worker not copied: MapLibre only logs it; the map finds out and says so.
      mapOutcome(browser, { status: onlyMapFiles(/\/vendor\/maplibre-gl-worker\.js$/, 404) }),
      // The map's runtime chunk not copied (chiso.js copied alone).
      mapOutcome(browser, { status: onlyMapFiles(/\/chunks\/maplibre-runtime-[^/]+\.js$/, 404) }),
      // A policy with no worker-src for the page's own origin.
      mapOutcome(browser, { headers: { 'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'none'" } }),
      mapOutcome(browser, wrongType, 'en'),
      // renderer="maplibre": no canvas to fall back on; the map is in error and says why.
      mapOutcome(browser, wrongType, 'vi', 'maplibre'),
    ]);
    // renderer="auto": the readers keep a working map on the canvas; the page is told what to fix (chiso-error).
    for (const o of [mime, missingWorker, missingChunk, csp, english]) {
      assert.equal(o.state, 'ready', `drawn, not loading for ever: ${JSON.stringify(o)}`);
      assert.equal(o.renderer, 'canvas', `on the canvas: ${JSON.stringify(o)}`);
      assert.equal(o.message, '', 'nothing alarming shown to readers');
      assert.ok(o.errors.length >= 1, `chiso-error fired: ${JSON.stringify(o)}`);
      assert.doesNotMatch(o.said, /nguồn dữ liệu|data source/, 'the data is not blamed');
    }
    assert.match(mime.said, /\/packages\/chiso\/dist\/vendor\/maplibre-gl\.js/);
    assert.match(mime.said, /"application\/octet-stream"/);
    assert.match(mime.said, /cấu hình kiểu MIME "text\/javascript" cho tệp \.js/);
    assert.match(english.said, /The server sends \/packages\/chiso\/dist\/vendor\/maplibre-gl\.js as "application\/octet-stream".*serve \.js files as "text\/javascript"/);
    assert.match(missingWorker.said, /vendor\/maplibre-gl-worker\.js trên máy chủ \(HTTP 404\)/);
    assert.match(missingWorker.said, /sao chép cả thư mục của chiso\.js/);
    assert.match(missingChunk.said, /chunks\/maplibre-runtime-[^ ]+\.js trên máy chủ \(HTTP 404\)/);
    assert.match(csp.said, /Content-Security-Policy.*chặn .*maplibre-gl-worker\.js: thêm 'self' vào worker-src/);
    assert.equal(alone.state, 'error', `MapLibre alone: ${JSON.stringify(alone)}`);
    assert.match(alone.message, /cấu hình kiểu MIME "text\/javascript" cho tệp \.js/);
  } finally {
    await browser.close();
  }
});

test('a feed whose reader cannot load names the reader\'s file, not the feed', async () => {
  // The readers of formats other than chiso feeds are a chunk of their own; here it was not copied.
  const server = await startStaticServer({ port: 0, misbehave: { status: (p) => (/\/chunks\/parse-[^/]+\.js$/.test(p) ? 404 : undefined) } });
  const browser = await launchChromium();
  try {
    const page = await openPage(browser);
    await page.goto(`http://127.0.0.1:${server.address().port}/examples/paste.html`);
    const message = await page.evaluate(async () => {
      await customElements.whenDefined('chiso-gauge');
      const gauge = document.createElement('chiso-gauge');
      gauge.setAttribute('src', 'data/phu-tho-bts.json'); // GeoJSON: read by the separate reader
      document.body.append(gauge);
      const error = await new Promise((r) => gauge.addEventListener('chiso-error', (e) => r(e.detail), { once: true }));
      await gauge.updateComplete;
      return { code: error.code, event: error.message, state: gauge.state };
    });
    assert.equal(message.state, 'error');
    assert.equal(message.code, 'load');
    assert.match(message.event, /Không có \/packages\/chiso\/dist\/chunks\/parse-[^ ]+\.js trên máy chủ \(HTTP 404\)/);
  } finally {
    await browser.close();
    server.close();
  }
});

test('a tag whose code cannot load says so beside itself (the file and the fix, or the self-check page when even the diagnosis cannot load) and fires chiso-error', async () => {
  // chiso.js copied, but not the gauge's chunk; then the same with every chunk served as a file of no known type.
  const cases = [
    { misbehave: { status: (p) => (/\/chunks\/gauge-[\w-]{8}\.js$/.test(p) ? 404 : undefined) }, want: /Không có \/packages\/chiso\/dist\/chunks\/gauge-[\w-]{8}\.js trên máy chủ \(HTTP 404\)/ },
    { misbehave: { type: (p) => (/\/chunks\//.test(p) ? 'application/octet-stream' : undefined) }, want: /Không tải được mã của thẻ <chiso-gauge>.*kiem-tra\.html/ },
  ];
  const browser = await launchChromium();
  try {
    for (const { misbehave, want } of cases) {
      const server = await startStaticServer({ port: 0, misbehave });
      const page = await openPage(browser);
      try {
        await page.evaluateOnNewDocument(() => {
          window.__errors = [];
          window.__errorTargets = [];
          document.addEventListener('chiso-error', (e) => {
            window.__errors.push({ tag: e.target.localName, code: e.detail.code });
            window.__errorTargets.push(e.target);
          }, true);
        });
        await page.goto(`http://127.0.0.1:${server.address().port}/examples/paste.html`);
        const shown = await page.waitForFunction(() => {
          // The message stands just before the tag it is about.
          const p = document.querySelector('chiso-gauge')?.previousElementSibling;
          return p?.matches('.chiso-load-error[role="alert"][data-tag="chiso-gauge"]') && { text: p.textContent, errors: window.__errors };
        }, { timeout: 20000, polling: 100 }).then((h) => h.jsonValue(), () => null);
        assert.ok(shown, 'a message where the gauge would be');
        assert.match(shown.text, want);
        assert.ok(shown.errors.some((e) => e.tag === 'chiso-gauge' && e.code === 'load'), JSON.stringify(shown.errors));
        // A gauge added afterwards (a script, a framework) is told the same, beside itself.
        const late = await page.evaluate(async () => {
          const g = document.createElement('chiso-gauge');
          g.setAttribute('value', '50');
          document.body.append(g);
          // Its own errors only: the page's other tags may still be reporting theirs.
          const own = () => window.__errorTargets.filter((t) => t === g).length;
          for (let i = 0; i < 100 && own() === 0; i++) await new Promise((r) => setTimeout(r, 50));
          await new Promise((r) => setTimeout(r, 200)); // a second one for the same tag would come now
          return { said: g.previousElementSibling?.matches('.chiso-load-error') ? g.previousElementSibling.textContent : null, errors: own() };
        });
        assert.match(late.said ?? '', want, 'a late gauge gets the message too');
        assert.equal(late.errors, 1);
      } finally {
        await page.close();
        server.close();
      }
    }
  } finally {
    await browser.close();
  }
});

/** The self-check page's results ({ check: status }, and the text of each) on a server set up one way. */
async function selfCheck(misbehave, { args = [], feeds = [] } = {}) {
  const server = await startStaticServer({ port: 0, misbehave });
  const browser = await launchChromium(args);
  try {
    const page = await openPage(browser);
    const base = `http://127.0.0.1:${server.address().port}`;
    const query = feeds.map((f) => `feed=${encodeURIComponent(f.startsWith('/') ? base + f : f)}`).join('&');
    await page.goto(`${base}/packages/chiso/dist/kiem-tra.html${query ? `?${query}` : ''}`);
    await page.waitForFunction(() => document.body.dataset.done === 'true', { timeout: 60000 });
    return await page.evaluate(() => ({
      status: Object.fromEntries([...document.querySelectorAll('#results li')].map((li) => [li.dataset.check, li.dataset.status])),
      text: Object.fromEntries([...document.querySelectorAll('#results li')].map((li) => [li.dataset.check, li.textContent])),
      feeds: [...document.querySelectorAll('#feed-results li')].map((li) => ({ status: li.dataset.status, text: li.textContent })),
      summary: document.getElementById('summary').value,
    }));
  } finally {
    await browser.close();
    server.close();
  }
}

test('the self-check page: all clear on a good server; wrong MIME, a policy blocking workers, no WebGL, no ranges and an unreachable feed each reported with the fix', async () => {
  const good = await selfCheck({}, { feeds: ['/examples/feeds/phu-tho-dvc-2021.json', 'http://127.0.0.1:9/khong-co.json'] });
  assert.deepEqual({ files: good.status.files, module: good.status.module, worker: good.status.worker, csp: good.status.csp, range: good.status.range },
    { files: 'ok', module: 'ok', worker: 'ok', csp: 'ok', range: 'ok' }, JSON.stringify(good.text));
  assert.ok(['ok', 'warn'].includes(good.status.webgl), 'WebGL found (software here: a warning)');
  assert.equal(good.feeds.length, 2);
  assert.equal(good.feeds[0].status, 'ok');
  assert.match(good.feeds[0].text, /đọc được \(chiso\).*dvc\.online_rate/);
  assert.equal(good.feeds[1].status, 'fail');
  assert.match(good.feeds[1].text, /không kết nối được.*→ Kiểm tra địa chỉ/);
  assert.match(good.summary, /\[LỖI \/ FAIL\] feed: http:\/\/127\.0\.0\.1:9\/khong-co\.json/);

  const [mime, csp, noRanges] = await Promise.all([
    selfCheck({ type: (p) => (p.endsWith('.js') && !p.endsWith('/kiem-tra.js') ? 'application/octet-stream' : undefined) }),
    selfCheck({ headers: { 'content-security-policy': "default-src 'self'; worker-src 'none'" } }),
    selfCheck({ noRanges: true }),
  ]);
  assert.equal(mime.status.mime, 'fail');
  assert.match(mime.text.mime, /kiểu MIME sai.*chiso\.js: kiểu "application\/octet-stream".*→ Cấu hình máy chủ trả "text\/javascript" cho \.js/);
  assert.equal(mime.status.module, 'fail');
  assert.equal(csp.status.worker, 'fail');
  assert.match(csp.text.worker, /CSP\) chặn luồng nền \(worker-src\).*→ Thêm 'self' vào worker-src/);
  assert.equal(csp.status['csp-worker-src'], 'fail');
  assert.equal(noRanges.status.range, 'warn');
  assert.match(noRanges.text.range, /không trả lời yêu cầu theo đoạn.*PMTiles.*→ Bật Accept-Ranges/);
  const noWebgl = await selfCheck({}, { args: ['--disable-3d-apis'] });
  assert.equal(noWebgl.status.webgl, 'fail');
  assert.match(noWebgl.text.webgl, /không có WebGL2: bản đồ không vẽ được.*→ Dùng trình duyệt mới/);
});
