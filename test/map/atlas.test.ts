// Vietnam in the box: maps that need no boundaries file. `vn:` names, the atlas level chosen from the feed, the
// archipelagos, the credit in the attribution, old codes carried through the crosswalk, a hosted copy
// (atlas-base), and the BTS and case layers on the atlas. Real 2025 boundaries, shipped with chiso (no ../shared).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@chiso/map';
import '@chiso/bts';
import '@chiso/cases';
import type { ChisoMap, ChisoChoropleth, ChisoChoroplethLayer } from '@chiso/map';
import { readBoundaries } from '@chiso/map';
import { clearFeedCache, requestCounts } from '@chiso/core';
import { text } from '../helpers/feeds.js';
import { mountWithoutCrosswalk } from '../helpers/geo.js';

const SIZE = 'display:block;width:560px;--chiso-map-height:380px';
const atlas = async (file: string) => readBoundaries(await (await fetch(`/packages/atlas/data/${file}`)).text());
const rendered = (el: ChisoMap, layer: string) => new Set(el.map!.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.chiso_code)));
const layerId = (el: ChisoMap, prefix: string) => el.map!.getStyle().layers.map((l) => l.id).find((id) => id.startsWith(prefix))!;

/** SYNTHETIC values for every commune of a province (the codes and names are the real 2025 ones). */
const communeFeed = (codes: string[]) => ({
  chiso: 1, indicators: [{ id: 'v', name: 'Giá trị (dữ liệu mẫu)', unit: 'hồ sơ' }],
  observations: codes.map((area, i) => ({ indicator: 'v', area, level: 'commune', period: '2026', value: (i * 37) % 100 })),
});

describe('maps with no boundaries file (the atlas)', function () {
  this.timeout(60000);

  it('<chiso-choropleth area="25"> with a commune feed draws every one of Phú Thọ\'s 148 communes, and credits the source', async () => {
    const communes = await atlas('communes/25.json');
    expect(communes.areas.size).to.equal(148);
    const el = await fixture<ChisoChoropleth>(html`<chiso-choropleth style=${SIZE} area="25" eager .data=${communeFeed([...communes.areas.keys()])}></chiso-choropleth>`);
    await el.ready;
    const map = el.mapElement!;
    expect(map.atlas).to.deep.equal({ kind: 'communes', province: '25' });
    expect(map.boundaryAreas!.areas.size).to.equal(148);
    // Every commune drawn once the map is at rest (under load, a read right after ready can find tiles still coming).
    await waitUntil(() => rendered(map, layerId(map, 'chiso-choropleth-')).size === 148, 'the 148 communes drawn', { timeout: 10000 });
    const attribution = text(map.shadowRoot!.querySelector('.maplibregl-ctrl-attrib'));
    expect(attribution).to.contain('sapnhap.bando.com.vn').and.contain('Thang Le Quoc');
  });

  it('a province-level feed with no boundaries draws the 34 provinces; vn:communes draws all 3,321', async () => {
    const provinces = { chiso: 1, observations: ['01', '79', '25', '48', '56'].map((area, i) => ({ area, level: 'province', period: '2026', value: i + 1 })) };
    const el = await fixture<ChisoChoropleth>(html`<chiso-choropleth style=${SIZE} eager .data=${provinces}></chiso-choropleth>`);
    await el.ready;
    expect(el.mapElement!.atlas).to.deep.equal({ kind: 'provinces' });
    expect(el.mapElement!.boundaryAreas!.areas.size).to.equal(34);
    expect(el.layer!.valueFor('79')).to.equal(2);
    const all = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries="vn:communes"></chiso-map>`);
    await all.ready;
    expect(all.boundaryAreas!.areas.size).to.equal(3321);
    // Drawn, every one: the smallest wards are under a pixel at the national view, so each province is looked at in turn.
    const seen = rendered(all, 'chiso-land');
    expect(seen.size).to.be.greaterThan(2500);
    const byProvince = new Map<string, [number, number, number, number]>();
    for (const a of all.boundaryAreas!.areas.values()) {
      const p = String(a.properties.provinceCode);
      const b = byProvince.get(p) ?? [180, 90, -180, -90];
      byProvince.set(p, [Math.min(b[0], a.bbox[0]), Math.min(b[1], a.bbox[1]), Math.max(b[2], a.bbox[2]), Math.max(b[3], a.bbox[3])]);
    }
    expect(byProvince.size).to.equal(34);
    for (const bbox of byProvince.values()) {
      all.map!.fitBounds(bbox, { animate: false, padding: 8 });
      await new Promise((r) => { all.map!.once('idle', r); all.map!.triggerRepaint(); });
      for (const code of rendered(all, 'chiso-land')) seen.add(code);
    }
    expect(seen.size).to.equal(3321);
  });

  it('Hoàng Sa and Trường Sa are drawn as special zones of Đà Nẵng and Khánh Hòa, and labelled as Vietnamese', async () => {
    for (const [province, code] of [['48', '20333'], ['56', '22736']]) {
      const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries=${`vn:communes/${province}`}></chiso-map>`);
      await el.ready;
      const area = el.boundaryAreas!.areas.get(code)!;
      expect(area.properties.type).to.equal('Đặc khu');
      el.map!.jumpTo({ center: area.anchor, zoom: 6 });
      await new Promise((r) => { el.map!.once('idle', r); el.map!.triggerRepaint(); });
      expect(rendered(el, 'chiso-land').has(code), `${area.name} drawn`).to.equal(true);
      expect(text(el.shadowRoot!.querySelector('.archipelago'))).to.match(/Việt Nam/);
      el.remove();
    }
  });

  it('old commune codes are carried onto the 2025 communes: summed, traced to their old communes; a split one is not guessed', async () => {
    // SYNTHETIC counts for Tuyên Quang's pre-2025 communes 02290, 02296 (now Xã Bình An) and 02209, 02212, 02494 (now Phường Nông Tiến, 02494 split).
    const feed = { chiso: 1, indicators: [{ id: 'hs', name: 'Hồ sơ (dữ liệu mẫu)', unit: 'hồ sơ' }], observations: [
      { area: '02290', level: 'commune', period: '2024', value: 120 }, { area: '02296', level: 'commune', period: '2024', value: 80 },
      { area: '02209', level: 'commune', period: '2024', value: 10 }, { area: '02212', level: 'commune', period: '2024', value: 20 },
      { area: '02494', level: 'commune', period: '2024', value: 30 }] };
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries="vn:communes/08">
      <chiso-choropleth-layer .data=${feed}></chiso-choropleth-layer></chiso-map>`);
    const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    await el.ready;
    await waitUntil(() => layer.carried, 'the crosswalk has loaded and carried');
    expect(layer.valueFor('02296')).to.equal(200);
    expect(layer.valueFor('02212')).to.equal(null);
    expect(layer.carried!.carried.find((c) => c.code === '02296')!.from).to.deep.equal(['02290', '02296']);
    expect(layer.carried!.notCarried.find((c) => c.code === '02212')).to.include({ reason: 'partial' });
    layer.focusArea('02296');
    expect(text(el.shadowRoot!.querySelector('.tooltip'))).to.contain('Cộng từ 2 đơn vị cũ: 02290, 02296');
    layer.focusArea('02212');
    expect(text(el.shadowRoot!.querySelector('.tooltip'))).to.contain('đơn vị cũ 02494 bị chia cho nhiều đơn vị mới');
    // crosswalk="off": old codes are not on the map, and said so.
    const errors: string[] = [];
    layer.addEventListener('chiso-error', (e) => errors.push((e as CustomEvent).detail.message));
    layer.crosswalk = 'off';
    await waitUntil(() => layer.valueFor('02296') !== 200, 'no longer carried');
    expect(layer.valueFor('02296')).to.equal(80, '02296 is also a 2025 code: without the crosswalk it is read as one');
    await waitUntil(() => errors.length > 0);
    expect(errors.join(' ')).to.contain('không có trên bản đồ');
  });

  it('a crosswalk that cannot be loaded: old codes are said to be off the map, with chiso-error', async () => {
    // SYNTHETIC counts for Tuyên Quang's pre-2025 commune 02290 (no 2025 commune has that code).
    const feed = { chiso: 1, indicators: [{ id: 'hs', name: 'Hồ sơ (dữ liệu mẫu)', unit: 'hồ sơ' }], observations: [
      { area: '02290', level: 'commune', period: '2024', value: 120 }] };
    const layer = document.createElement('chiso-choropleth-layer') as ChisoChoroplethLayer;
    layer.data = feed;
    const { wrap, said } = await mountWithoutCrosswalk('vn:communes/08', layer, SIZE);
    expect(said).to.contain('Không tải được bảng chuyển đổi mã cũ sang mã mới');
    expect(layer.carried).to.equal(undefined);
    expect(layer.valueFor('02290')).to.equal(null);
    wrap.remove();
  });

  it('boundaries load through the feed loader: two maps of one atlas file wait for one request', async () => {
    clearFeedCache();
    const wrap = await fixture<HTMLElement>(html`<div>
      <chiso-map style=${SIZE} eager boundaries="vn:provinces"></chiso-map><chiso-map style=${SIZE} eager boundaries="vn:provinces"></chiso-map>
    </div>`);
    const maps = [...wrap.querySelectorAll('chiso-map')];
    await Promise.all(maps.map((m) => m.ready));
    const urls = [...requestCounts.keys()].filter((u) => /provinces\.json$/.test(u));
    expect(urls).to.have.length(1);
    expect(requestCounts.get(urls[0])).to.equal(1);
    for (const m of maps) expect(m.boundaryAreas!.areas.size).to.equal(34);
  });

  it('atlas-base: a portal hosting the files elsewhere (here the copy beside chiso.js); a wrong vn: name says what is valid', async () => {
    // Every request is seen, however many modules the page loaded before (the browser keeps 250 entries by default).
    const requested: string[] = [];
    const seen = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (/provinces\.json/.test(e.name)) requested.push(new URL(e.name).pathname);
    });
    seen.observe({ type: 'resource' });
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries="vn:provinces" atlas-base="/packages/chiso/dist/atlas/"></chiso-map>`);
    await el.ready;
    await waitUntil(() => requested.length > 0, 'the request is seen');
    seen.disconnect();
    expect(requested).to.include('/packages/chiso/dist/atlas/provinces.json');
    expect(el.boundaryAreas!.areas.size).to.equal(34);
    const bad = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries="vn:communes/26"></chiso-map>`);
    await waitUntil(() => bad.state === 'error', 'error state');
    expect(text(bad.shadowRoot!.querySelector('[part="error"]'))).to.contain('vn:communes/<mã tỉnh 2025');
  });

  it('the BTS and case layers need no file either: a map with an area draws that province\'s communes', async () => {
    const communes = await atlas('communes/25.json');
    const [code, first] = [...communes.areas.entries()][10];
    const sites = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'S1', operator: 'Viettel', tech: '4G' }, geometry: { type: 'Point', coordinates: first.anchor } }] };
    const bts = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager area="25"><chiso-bts-layer .data=${sites}></chiso-bts-layer></chiso-map>`);
    await bts.ready;
    expect(bts.atlas).to.deep.equal({ kind: 'communes', province: '25' });
    const layer = bts.querySelector('chiso-bts-layer') as HTMLElement & { stats?: { areas: Record<string, { sites: number }> } };
    await waitUntil(() => layer.stats, 'coverage computed');
    expect(layer.stats!.areas[code].sites).to.equal(1);
    const cases = { type: 'FeatureCollection', features: Array.from({ length: 6 }, (_, i) => ({ type: 'Feature', properties: { date: `2026-01-0${i + 1}`, status: 'home' }, geometry: { type: 'Point', coordinates: first.anchor } })) };
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager area=${code}><chiso-case-layer .data=${cases}></chiso-case-layer></chiso-map>`);
    await el.ready;
    expect(el.atlas, 'a commune as the area: its province\'s communes').to.deep.equal({ kind: 'communes', province: '25' });
    const caseLayer = el.querySelector('chiso-case-layer') as HTMLElement & { summary?: { total: number; byArea: Record<string, number> } };
    await waitUntil(() => caseLayer.summary, 'counted');
    expect(caseLayer.summary!.byArea[code]).to.equal(6);
  });
});
