// The source line every element shows ("Nguồn: … · cập nhật …") in Chromium: from the feed's source, the same
// words on the gauge, the group, the stat, the ranking, the progress bar, the trend and a map layer; `source`
// overriding the publisher (in the CSV too), `no-source` hiding it, stale data said there, feed text kept as text
// and only web addresses linked.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@chiso/gauge';
import '@chiso/chart';
import '@chiso/map';
import type { ChisoGauge, ChisoGaugeGroup, ChisoProgress, ChisoRanking, ChisoStat } from '@chiso/gauge';
import type { ChisoTrend } from '@chiso/chart';
import type { ChisoMap, ChisoChoroplethLayer } from '@chiso/map';
import { phuThoFeed, text, uniqueKey } from '../helpers/feeds.js';
import { densityFeed, PHU_THO_COMMUNES } from '../helpers/geo.js';
import { MAP_SIZE, atlasFeatures } from '../helpers/map-fixture.js';

// SYNTHETIC: a made-up rate for a made-up province, with a source that names its publisher, address and update.
const feed = (source: Record<string, unknown>) => ({
  chiso: 1,
  indicators: [{ id: 'r', name: 'Tỷ lệ (mẫu)', unit: '%' }],
  observations: [{ indicator: 'r', area: '99', name: 'Tỉnh Mẫu', period: '2024', value: 62.5 }, { indicator: 'r', area: '99', name: 'Tỉnh Mẫu', period: '2025', value: 71 }],
  source,
});
const SOURCE = { name: 'Sở TT&TT Tỉnh Mẫu (dữ liệu mẫu)', url: 'https://example.org/bao-cao', updated: '2024-05-23T08:00:00+07:00' };
const LINE = 'Nguồn: Sở TT&TT Tỉnh Mẫu (dữ liệu mẫu) · cập nhật 23/05/2024';
const line = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part="source"]');

describe('the source line', function () {
  this.timeout(60000);

  it('the same line on every figure element, the publisher linked to its web address, quiet and readable', async () => {
    const data = feed(SOURCE);
    const els = [
      await fixture<ChisoGauge>(html`<chiso-gauge .data=${data}></chiso-gauge>`),
      await fixture<ChisoGaugeGroup>(html`<chiso-gauge-group .data=${data}></chiso-gauge-group>`),
      await fixture<ChisoStat>(html`<chiso-stat .data=${data}></chiso-stat>`),
      await fixture<ChisoRanking>(html`<chiso-ranking .data=${data}></chiso-ranking>`),
      await fixture<ChisoTrend>(html`<chiso-trend .data=${data}></chiso-trend>`),
    ];
    for (const el of els) {
      await waitUntil(() => line(el), `${el.localName}: a source line`);
      expect(text(line(el)), el.localName).to.equal(LINE);
      const a = line(el)!.querySelector('a')!;
      expect(a.href, el.localName).to.equal('https://example.org/bao-cao');
      expect(text(a)).to.equal('Sở TT&TT Tỉnh Mẫu (dữ liệu mẫu)');
      const style = getComputedStyle(line(el)!);
      expect(parseFloat(style.fontSize), `${el.localName}: smaller than the figures`).to.be.lessThan(parseFloat(getComputedStyle(el).fontSize));
    }
    // The group's gauges say nothing of their own: one line for the group.
    const group = els[1] as ChisoGaugeGroup;
    const inner = [...group.shadowRoot!.querySelectorAll('chiso-gauge')];
    expect(inner.length).to.be.greaterThan(0);
    expect(inner.every((g) => !line(g))).to.equal(true);
    // English.
    els[0].lang = 'en';
    await (els[0] as ChisoGauge).updateComplete;
    expect(text(line(els[0]))).to.equal('Source: Sở TT&TT Tỉnh Mẫu (dữ liệu mẫu) · updated 23 May 2024');
  });

  it('the progress bar and the published Phú Thọ gauge: the source each figure names', async () => {
    const gauge = await fixture<ChisoGauge>(html`<chiso-gauge .data=${phuThoFeed} level="province"></chiso-gauge>`);
    await waitUntil(() => gauge.state === 'ready', 'ready');
    expect(text(line(gauge))).to.equal('Nguồn: Tỉnh Phú Thọ, báo cáo công khai kết quả năm 2021');
    const progress = await fixture<ChisoProgress>(html`<chiso-progress .data=${{ ...feed(SOURCE), indicators: [{ id: 'r', name: 'Nhiệm vụ (mẫu)' }],
      observations: [{ indicator: 'r', area: '99', period: '2025', status: 'done', value: 3 }, { indicator: 'r', area: '99', period: '2025', status: 'todo', value: 2 }] }}></chiso-progress>`);
    await waitUntil(() => line(progress), 'progress: a source line');
    expect(text(line(progress))).to.equal(LINE);
  });

  it('`source` names the publisher instead (no link, in the CSV too); `no-source` hides the line', async () => {
    const el = await fixture<ChisoStat>(html`<chiso-stat .data=${feed(SOURCE)} source="Văn phòng UBND tỉnh"></chiso-stat>`);
    await waitUntil(() => line(el), 'a source line');
    expect(text(line(el))).to.equal('Nguồn: Văn phòng UBND tỉnh · cập nhật 23/05/2024');
    expect(line(el)!.querySelector('a'), 'the feed\'s address is not the named publisher\'s').to.equal(null);
    expect(await el.toCSV()).to.contain('Văn phòng UBND tỉnh').and.not.contain('Sở TT&TT');
    const gauge = await fixture<ChisoGauge>(html`<chiso-gauge .data=${feed(SOURCE)} source="Văn phòng UBND tỉnh"></chiso-gauge>`);
    await waitUntil(() => line(gauge), 'gauge: a source line');
    expect(text(line(gauge))).to.contain('Văn phòng UBND tỉnh');
    expect(await gauge.toCSV()).to.contain('Văn phòng UBND tỉnh').and.not.contain('Sở TT&TT');
    el.noSource = true;
    gauge.noSource = true;
    await Promise.all([el.updateComplete, gauge.updateComplete]);
    expect(line(el)).to.equal(null);
    expect(line(gauge)).to.equal(null);
  });

  it('the gauge\'s CSV names the source of a feed given as data; the day is Vietnam\'s; loading is aria-busy="true"; a picture under no-source still names the publisher', async () => {
    // 20:00 UTC on the 22nd is 03:00 on the 23rd in Vietnam: the line and the details say the 23rd.
    const el = await fixture<ChisoGauge>(html`<chiso-gauge .data=${feed({ ...SOURCE, updated: '2024-05-22T20:00:00Z' })}></chiso-gauge>`);
    await waitUntil(() => line(el), 'a source line');
    expect(text(line(el))).to.equal(LINE);
    expect(await el.toCSV()).to.contain('Sở TT&TT Tỉnh Mẫu (dữ liệu mẫu)');
    el.noSource = true;
    await el.updateComplete;
    const svg = await (await el.toImage({ format: 'svg' })).text();
    expect(svg).to.match(/Nguồn: Sở TT&(amp|#38);TT Tỉnh Mẫu \(dữ liệu mẫu\)/);
    const loading = await fixture<ChisoGauge>(html`<chiso-gauge src=${`/__feeds/hang?ms=3000&key=${uniqueKey('busy')}`}></chiso-gauge>`);
    await waitUntil(() => loading.state === 'loading', 'loading');
    expect(loading.getAttribute('aria-busy')).to.equal('true');
  });

  it('hostile source text stays text; only http(s) addresses are linked', async () => {
    const el = await fixture<ChisoGauge>(html`<chiso-gauge .data=${feed({ name: '<img src=x onerror="window.__pwned=1">Sở', url: 'javascript:window.__pwned=1' })}></chiso-gauge>`);
    await waitUntil(() => line(el), 'a source line');
    expect(text(line(el))).to.equal('Nguồn: <img src=x onerror="window.__pwned=1">Sở');
    expect(line(el)!.querySelector('img, a'), 'no element from the feed, no javascript: link').to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('stale data says so at the end of the line, even with no-source', async () => {
    const key = uniqueKey('src-stale');
    // Requests 2–4 fail: the refresh and both its retries.
    const body = encodeURIComponent(JSON.stringify([JSON.stringify(feed(SOURCE))]));
    const el = await fixture<ChisoStat>(html`<chiso-stat src=${`/__feeds/sequence?key=${key}&fail=2,3,4&bodies=${body}`} refresh="1" no-source></chiso-stat>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    expect(line(el)).to.equal(null);
    await waitUntil(() => el.state === 'stale', 'a failed refresh', { timeout: 15000 });
    await el.updateComplete;
    expect(text(line(el))).to.match(/^Dữ liệu cũ, từ \d{2}:\d{2}$/);
    expect(line(el)!.querySelector('[part="stale"]')).to.exist;
    el.refresh = 0;
  });

  it('on a map layer: the line under its panel', async () => {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} boundaries=${PHU_THO_COMMUNES} eager label="Bản đồ mật độ">
      <chiso-choropleth-layer .data=${{ ...densityFeed(features), source: SOURCE }} classes="quantile:5"></chiso-choropleth-layer>
    </chiso-map>`);
    await el.ready;
    const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    await waitUntil(() => line(layer), 'the layer\'s source line');
    expect(text(line(layer))).to.equal(LINE);
    layer.source = 'Cục Thống kê tỉnh';
    await layer.updateComplete;
    expect(text(line(layer))).to.equal('Nguồn: Cục Thống kê tỉnh · cập nhật 23/05/2024');
    expect(layer.sourceLine(), 'the map\'s picture credits the same').to.contain('Cục Thống kê tỉnh');
  });
});
