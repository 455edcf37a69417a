// Portals live with bad servers and bad feeds. Each element first draws a good feed, then meets a fault from
// the test server (test/feed-server.mjs): a localized message, a chiso-error with the right code, state
// `stale`, and the last good data still on screen. Hostile feeds (markup in names, NaN, 50 MB, deep nesting,
// rates over 100 %) never break the page or run anything.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@chiso/gauge';
import '@chiso/map';
import '@chiso/bts';
import type { ChisoGauge } from '@chiso/gauge';
import type { ChisoMap, ChisoChoroplethLayer } from '@chiso/map';
import type { ChisoBtsLayer } from '@chiso/bts';
import { syntheticSites } from '../../scripts/synthetic-bts.mjs';
import { nextEvent, okUrl, phuThoFeed, text, uniqueKey } from '../helpers/feeds.js';
import { loadAtlas, PHU_THO_COMMUNES } from '../helpers/geo.js';

type ErrorDetail = { code: string; message: string };
const valueText = (g: ChisoGauge) => text(g.shadowRoot!.querySelector('[part="value"]'));
const good = JSON.stringify(phuThoFeed);

async function goodGauge(): Promise<ChisoGauge> {
  const g = await fixture<ChisoGauge>(html`<chiso-gauge area="25" level="province" timeout="1500" src=${okUrl(good, { key: uniqueKey('g') })}></chiso-gauge>`);
  await waitUntil(() => g.state === 'ready', 'the good feed is drawn', { timeout: 10000 });
  expect(valueText(g)).to.contain('87,86');
  return g;
}

describe('network faults: the last good data stays', function () {
  this.timeout(60000);
  const faults: Array<[string, string, string]> = [
    ['HTTP 500 (after the retries)', '/__feeds/status?code=500', 'http'],
    ['a server that never answers (timeout 1.5 s)', '/__feeds/hang?ms=20000', 'timeout'],
    ['a body cut in half', `/__feeds/truncate?body=${encodeURIComponent(good)}`, 'parse'],
    ['an HTML maintenance page', '/__feeds/html', 'unsupported'],
    ['50 MB of feed', '/__feeds/huge?mb=50', ''],
    ['JSON nested 200,000 deep', '/__feeds/deep', ''],
  ];
  for (const [name, url, code] of faults) {
    it(`gauge: ${name}`, async () => {
      const g = await goodGauge();
      const error = nextEvent<ErrorDetail>(g, 'chiso-error', 30000);
      g.src = `${url}${url.includes('?') ? '&' : '?'}key=${uniqueKey('f')}`;
      const detail = (await error).detail;
      if (code) expect(detail.code).to.equal(code);
      expect(detail.message.length).to.be.greaterThan(10);
      await g.updateComplete;
      expect(g.state).to.equal('stale');
      expect(valueText(g), 'the last good value').to.contain('87,86');
      const shown = text(g.shadowRoot!.querySelector('[part="error"], [role="alert"]'));
      expect(shown, 'a message on screen').to.not.equal('');
      expect(shown).to.not.match(/undefined|NaN|\[object/);
    });
  }

  it('gauge: a good feed sent as text/html is read by its content', async () => {
    const g = await fixture<ChisoGauge>(html`<chiso-gauge area="25" level="province" src=${`/__feeds/wrongtype?body=${encodeURIComponent(good)}&key=${uniqueKey('w')}`}></chiso-gauge>`);
    await waitUntil(() => g.state === 'ready' || g.state === 'error', 'settled', { timeout: 10000 });
    expect(g.state).to.equal('ready');
    expect(valueText(g)).to.contain('87,86');
  });

  it('choropleth layer: a failed refresh keeps the colours, says so, fires chiso-error', async () => {
    const boundaries = PHU_THO_COMMUNES;
    const feed = '/examples/data/phu-tho-xa-dvc.json';
    const el = await fixture<ChisoMap>(html`<chiso-map style="display:block;width:480px;--chiso-map-height:320px" boundaries=${boundaries} eager>
      <chiso-choropleth-layer src=${feed}></chiso-choropleth-layer></chiso-map>`);
    const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    await el.ready;
    await waitUntil(() => layer.state === 'ready', 'drawn', { timeout: 30000 });
    // The layer's own fill, once MapLibre has drawn it (under load the frame can follow chiso-ready; see the
    // choropleth colour test).
    const fill = () => el.map!.getStyle().layers.find((l) => l.id.startsWith('chiso-choropleth-'))?.id;
    const drawn = () => (fill() ? el.map!.queryRenderedFeatures({ layers: [fill()!] }).length : 0);
    await waitUntil(() => drawn() > 50, 'the communes drawn', { timeout: 10000 });
    const before = drawn();
    const error = nextEvent<ErrorDetail>(layer, 'chiso-error', 30000);
    layer.src = `/__feeds/status?code=503&key=${uniqueKey('c')}`;
    expect((await error).detail.code).to.equal('http');
    await layer.updateComplete;
    expect(layer.state).to.equal('stale');
    expect(drawn(), 'areas still coloured').to.equal(before);
    expect(layer.shadowRoot!.querySelector('[role="alert"]')).to.exist;
  });

  it('BTS layer: a truncated refresh keeps the sites and the coverage', async () => {
    const geo = { type: 'FeatureCollection', features: (await loadAtlas(PHU_THO_COMMUNES)).features };
    const sites = syntheticSites(geo.features, { n: 30, seed: 8 }); // small: the feed travels in the URL
    const el = await fixture<ChisoMap>(html`<chiso-map style="display:block;width:480px;--chiso-map-height:320px" .boundariesData=${geo} eager>
      <chiso-bts-layer src=${okUrl(sites, { key: uniqueKey('b') })}></chiso-bts-layer></chiso-map>`);
    const layer = el.querySelector('chiso-bts-layer') as ChisoBtsLayer;
    await el.ready;
    await waitUntil(() => layer.stats, 'coverage computed', { timeout: 40000 });
    const stats = layer.stats!;
    const error = nextEvent<ErrorDetail>(layer, 'chiso-error', 30000);
    layer.src = `/__feeds/truncate?body=${encodeURIComponent(JSON.stringify(sites))}&key=${uniqueKey('t')}`;
    expect((await error).detail.code).to.equal('parse');
    await layer.updateComplete;
    expect(layer.state).to.equal('stale');
    expect(layer.stats).to.equal(stats);
    expect(layer.sites.length).to.equal(30);
  });
});

describe('hostile feeds', function () {
  this.timeout(30000);

  it('markup in names and units is shown as text, never run or parsed', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const feed = {
      chiso: 1,
      indicators: [{ id: 'x', name: { vi: payload, en: payload }, unit: '%' }],
      observations: [{ indicator: 'x', area: '25', name: payload, period: '2021', value: 50 }],
      source: { name: payload },
    };
    const g = await fixture<ChisoGauge>(html`<chiso-gauge .data=${feed}></chiso-gauge>`);
    await waitUntil(() => g.state === 'ready', 'drawn');
    await new Promise((r) => setTimeout(r, 200));
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(g.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(g.shadowRoot!.textContent).to.contain('<img src=x');
  });

  it('NaN and Infinity are never drawn as numbers', async () => {
    for (const value of ['NaN', 'Infinity', '-Infinity', 'null', '1e400']) {
      const csv = `area,period,value\n25,2021,${value}\n`;
      const g = await fixture<ChisoGauge>(html`<chiso-gauge .data=${csv}></chiso-gauge>`);
      await waitUntil(() => g.state !== 'idle' && g.state !== 'loading', `settled for ${value}`);
      expect(['error', 'empty'], value).to.include(g.state);
      // No number drawn: no value, no arc; the message may quote what the feed said.
      expect(valueText(g), value).to.not.match(/NaN|Infinity|∞|\d/);
    }
  });

  it('a rate over 100 % or under 0 is refused: a message naming the value, a chiso-error, no arc', async () => {
    for (const value of [150, -3]) {
      const feed = { chiso: 1, indicators: [{ id: 'x', unit: '%' }], observations: [{ indicator: 'x', area: '25', period: '2021', value }] };
      const g = await fixture<ChisoGauge>(html`<chiso-gauge label="Tỷ lệ"></chiso-gauge>`);
      const error = nextEvent<ErrorDetail>(g, 'chiso-error');
      g.data = feed;
      const detail = (await error).detail;
      expect(detail.code).to.equal('schema');
      expect(detail.message).to.contain(String(Math.abs(value)));
      await g.updateComplete;
      expect(g.state).to.equal('error');
      expect(valueText(g)).to.equal('');
    }
  });
});
