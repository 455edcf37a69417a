import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import '@chiso/map';
import '@chiso/gauge';
import type { ChisoMap, ChisoChoroplethLayer, ChisoLegend, ChisoChoropleth } from '@chiso/map';
import { readBoundaries } from '@chiso/map';
import { canvasSnapshot, densityFeed, hexToRgb, loadShared, PHU_THO_COMMUNES, PROVINCES_2025, THAI_NGUYEN_COMMUNES, type GeoFeature } from '../helpers/geo.js';
import { nextEvent, okUrl, text } from '../helpers/feeds.js';
import { skipBecause } from '../helpers/skip.js';

const SIZE = 'display:block;width:640px;--chiso-map-height:420px';

/** Mounts a map with one choropleth layer (and a legend) on real commune boundaries; waits for chiso-ready. */
async function mountChoropleth(url: string, feed: unknown, attrs: { classes?: string; palette?: string; reverse?: boolean; label?: string } = {}) {
  const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} boundaries=${url} eager preserve-drawing-buffer label=${attrs.label ?? 'Bản đồ mật độ dân số'}>
    <chiso-choropleth-layer .data=${feed} classes=${attrs.classes ?? 'quantile:5'} palette=${attrs.palette ?? 'YlGnBu'} ?reverse=${!!attrs.reverse}></chiso-choropleth-layer>
    <chiso-legend></chiso-legend>
  </chiso-map>`);
  const map = await el.ready;
  const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
  const legend = el.querySelector('chiso-legend') as ChisoLegend;
  await legend.updateComplete;
  return { el, map, layer, legend };
}

async function sharedOrSkip(ctx: Mocha.Context, url: string): Promise<GeoFeature[]> {
  const geo = await loadShared(url);
  if (!geo) skipBecause(ctx, '../shared/data is not beside this clone (the real public data these tests read)');
  return geo!.features;
}

const choroplethLayerId = (el: ChisoMap) => el.map!.getStyle().layers.map((l) => l.id).find((id) => id.startsWith('chiso-choropleth-'))!;

/** Unique codes of the features MapLibre actually drew in the choropleth layer. */
const renderedCodes = (el: ChisoMap) => {
  const id = choroplethLayerId(el);
  return new Set(id ? el.map!.queryRenderedFeatures({ layers: [id] }).map((f) => String(f.properties.chiso_code)) : []);
};

/** The canvas read back as pixels (the map keeps its drawing buffer). */
const snapshot = (el: ChisoMap) => canvasSnapshot(el.map!.getCanvas());

const close = (a: number[], b: number[], tol = 2) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

describe('<chiso-map> with <chiso-choropleth-layer> on real commune boundaries', function () {
  this.timeout(60000);
  afterEach(() => resetMouse());

  it('draws every commune of Phú Thọ (2025) and fires chiso-ready on the map and the layer', async function () {
    const features = await sharedOrSkip(this, PHU_THO_COMMUNES);
    const feed = densityFeed(features);
    const el = document.createElement('chiso-map') as ChisoMap;
    el.setAttribute('style', SIZE);
    el.eager = true;
    el.boundaries = PHU_THO_COMMUNES;
    const layer = document.createElement('chiso-choropleth-layer') as ChisoChoroplethLayer;
    layer.data = feed;
    el.append(layer);
    const events: string[] = [];
    el.addEventListener('chiso-ready', (e) => events.push((e.target as Element).localName));
    const ready = nextEvent<{ areas: number }>(el, 'chiso-ready', 20000);
    document.body.append(el);
    try {
      const first = await ready;
      // The layer reports first (its data is drawn), then the map (everything drawn, idle).
      await waitUntil(() => events.includes('chiso-map'), 'map ready', { timeout: 20000 });
      expect(events).to.deep.equal(['chiso-choropleth-layer', 'chiso-map']);
      expect(first.detail).to.have.property('matched', 148);
      const map = await el.ready;
      expect(map).to.equal(el.map);
      expect(el.state).to.equal('ready');
      const codes = renderedCodes(el);
      expect(codes.size).to.equal(148);
      for (const f of features) expect(codes.has(f.properties.code), f.properties.code).to.equal(true);
      // The MapLibre stylesheet is adopted by the shadow root, not added to the page.
      expect([...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('maplibregl')))).to.equal(false);
      expect(getComputedStyle(el.shadowRoot!.querySelector('.maplibregl-ctrl-top-right')!).position).to.equal('absolute');
    } finally {
      el.remove();
    }
  });

  it('fills every matched commune in the colour colorFor reports, no-data communes in the no-data colour', async function () {
    const features = await sharedOrSkip(this, PHU_THO_COMMUNES);
    const { el, layer, legend } = await mountChoropleth(PHU_THO_COMMUNES, densityFeed(features, { drop: 12 }));
    const areas = readBoundaries(await (await fetch(PHU_THO_COMMUNES)).text()).areas;
    const pixel = snapshot(el);
    let checked = 0;
    let noData = 0;
    for (const [code, area] of areas) {
      const p = el.map!.project(area.anchor);
      const rgb = pixel(p.x, p.y);
      if (!rgb) continue; // too small at this zoom to hold a uniform 5×5 block
      const want = layer.colorFor(code);
      expect(close(rgb, hexToRgb(want)), `${code} ${area.name}: drawn ${rgb}, colorFor ${want}`).to.equal(true);
      if (want === layer.legend.noData) noData++;
      checked++;
    }
    expect(checked, 'most communes were big enough to sample').to.be.greaterThan(100);
    expect(noData).to.be.greaterThan(5);
    // Every class colour is used, and no-data is distinct from every class colour.
    const { colors, noData: grey, breaks } = layer.legend;
    expect(colors).to.have.length(5);
    expect(breaks).to.have.length(4);
    expect(colors).to.not.include(grey);
    expect(layer.classCounts.noData).to.equal(12);
    // The legend says so, with counts that add up to every commune.
    const items = [...legend.shadowRoot!.querySelectorAll('[part="item"]')];
    expect(items).to.have.length(6);
    expect(text(items[5])).to.contain('Không có dữ liệu (12 địa bàn)');
    const total = items.map((i) => Number(/\((\d+)/.exec(text(i))![1])).reduce((a, b) => a + b, 0);
    expect(total).to.equal(148);
    const swatch = getComputedStyle(items[0].querySelector('[part="swatch"]')!).backgroundColor;
    expect(swatch).to.equal(`rgb(${hexToRgb(colors[0]).join(', ')})`);
  });

  it('classes: manual breaks are inclusive lower bounds; palette, reverse, ckmeans and equal', async function () {
    const features = await sharedOrSkip(this, PHU_THO_COMMUNES);
    const feed = densityFeed(features);
    const { el, layer } = await mountChoropleth(PHU_THO_COMMUNES, feed, { classes: 'manual:100 500 1000', palette: 'Viridis', reverse: true });
    expect(layer.legend.breaks).to.deep.equal([100, 500, 1000]);
    expect(layer.legend.colors).to.have.length(4);
    const viridisLow = layer.legend.colors[3];
    // An area whose value equals a break is in the class above it.
    const obs = feed.observations[0];
    const data = { ...feed, observations: feed.observations.map((o, i) => (i === 0 ? { ...o, value: 500 } : o)) };
    layer.data = data;
    await nextEvent(layer, 'chiso-change');
    expect(layer.classFor(obs.area)).to.equal(2);
    expect(layer.colorFor(obs.area)).to.equal(layer.legend.colors[2]);
    expect(viridisLow).to.match(/^#4[0-9a-f]/); // reversed: the dark purple end is last
    layer.classes = 'ckmeans:4';
    await nextEvent(layer, 'chiso-change');
    expect(layer.legend.breaks).to.have.length(3);
    layer.classes = 'equal:3';
    await nextEvent(layer, 'chiso-change');
    const [a, b] = layer.legend.breaks;
    const values = feed.observations.map((o) => o.value);
    const min = Math.min(...values.filter((v) => v !== 500), 500);
    const max = Math.max(...values);
    expect(a - min).to.be.closeTo(b - a, 1e-6);
    expect(max - b).to.be.closeTo(b - a, 1e-6);
    // An unreadable classing is reported and falls back to quantiles.
    const error = nextEvent<{ message: string }>(el, 'chiso-error');
    layer.classes = 'natural';
    expect((await error).detail.message).to.contain('Cách phân lớp "natural" không hợp lệ');
    expect(layer.legend.colors).to.have.length(5);
  });

  it('hover shows a tooltip (name, value, rank, period); click emits chiso-select', async function () {
    const features = await sharedOrSkip(this, PHU_THO_COMMUNES);
    const { el, layer } = await mountChoropleth(PHU_THO_COMMUNES, densityFeed(features));
    const areas = readBoundaries(await (await fetch(PHU_THO_COMMUNES)).text()).areas;
    // The largest commune, so the pointer surely lands inside it.
    const [code, area] = [...areas].sort((x, y) => Number(y[1].properties.areaKm2) - Number(x[1].properties.areaKm2))[0];
    const p = el.map!.project(area.anchor);
    const box = el.map!.getCanvas().getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + p.x), Math.round(box.top + p.y)] });
    await waitUntil(() => el.shadowRoot!.querySelector('.tooltip'), 'tooltip', { timeout: 5000 });
    const tip = text(el.shadowRoot!.querySelector('.tooltip'));
    const value = layer.valueFor(code)!;
    expect(tip).to.contain(area.name);
    expect(tip).to.contain(`Mật độ dân số: ${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} người/km²`);
    expect(tip).to.match(/Hạng \d+\/148/);
    expect(tip).to.contain('Kỳ: 2025');
    const select = nextEvent<{ area: string; name: string; value: number }>(el, 'chiso-select');
    await sendMouse({ type: 'click', position: [Math.round(box.left + p.x), Math.round(box.top + p.y)] });
    const { detail } = await select;
    expect(detail).to.deep.equal({ area: code, name: area.name, value });
  });

  it('keyboard: the canvas takes focus, arrows pan, Enter picks the area at the centre', async function () {
    const features = await sharedOrSkip(this, PHU_THO_COMMUNES);
    const { el, map } = await mountChoropleth(PHU_THO_COMMUNES, densityFeed(features));
    const canvas = map.getCanvas();
    expect(canvas.getAttribute('tabindex')).to.equal('0');
    expect(canvas.getAttribute('aria-label')).to.equal('Bản đồ mật độ dân số');
    canvas.focus();
    const before = map.getCenter();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => map.getCenter().lng !== before.lng, 'panned', { timeout: 3000 });
    const idle = () => new Promise<void>((r) => { map.once('idle', () => r()); map.triggerRepaint(); });
    await idle();
    const zoom = map.getZoom();
    await sendKeys({ press: 'Equal' });
    await waitUntil(() => map.getZoom() > zoom, 'zoomed in', { timeout: 3000 });
    await waitUntil(() => !map.isMoving(), 'zoom finished', { timeout: 3000 });
    // Bring the largest commune to the centre (as arrow keys would), then Enter picks it.
    const areas = readBoundaries(await (await fetch(PHU_THO_COMMUNES)).text()).areas;
    const [code, area] = [...areas].sort((x, y) => Number(y[1].properties.areaKm2) - Number(x[1].properties.areaKm2))[0];
    map.jumpTo({ center: area.anchor, zoom });
    await idle();
    canvas.focus();
    const select = nextEvent<{ area: string; name: string }>(el, 'chiso-select');
    await sendKeys({ press: 'Enter' });
    const { detail } = await select;
    expect(detail.area).to.equal(code);
    await waitUntil(() => text(el.shadowRoot!.querySelector('.tooltip')).includes(detail.name), 'tooltip for the picked area');
  });

  it('data table: toggled, one row per commune, in sync with the map; rows focus, highlight and select', async function () {
    const features = await sharedOrSkip(this, PHU_THO_COMMUNES);
    const { el, layer } = await mountChoropleth(PHU_THO_COMMUNES, densityFeed(features, { drop: 3 }));
    const toggle = layer.shadowRoot!.querySelector<HTMLButtonElement>('[part="table-toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(text(toggle)).to.equal('Xem bảng dữ liệu');
    expect(layer.shadowRoot!.querySelector('table')).to.equal(null);
    toggle.click();
    await layer.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const table = layer.shadowRoot!.querySelector('table')!;
    expect(text(table.querySelector('caption'))).to.equal('Mật độ dân số, 2025');
    const rows = [...table.querySelectorAll('tbody tr')] as HTMLTableRowElement[];
    expect(rows).to.have.length(148);
    // Highest first, no data last.
    const first = rows[0];
    const code = first.dataset.code!;
    expect(text(first.cells[0])).to.equal('1');
    expect(text(rows[147].cells[2])).to.equal('Không có dữ liệu');
    expect(text(first.cells[3])).to.contain(layer.classLabel(layer.classFor(code)!).replace(/\u00a0/g, ' '));
    // Focus on a row outlines the area on the map and shows its tooltip.
    first.focus();
    await waitUntil(() => el.shadowRoot!.querySelector('.tooltip'), 'tooltip on focus');
    expect(text(el.shadowRoot!.querySelector('.tooltip'))).to.contain(text(first.querySelector('th')));
    expect(el.map!.getFeatureState({ source: 'chiso-boundaries', id: code })).to.deep.include({ hover: true });
    await new Promise<void>((r) => { el.map!.once('idle', () => r()); el.map!.triggerRepaint(); });
    const outlined = el.map!.queryRenderedFeatures({ layers: ['chiso-hover'] }).map((f) => f.properties.chiso_code);
    expect([...new Set(outlined)]).to.deep.equal([code]);
    const select = nextEvent<{ area: string }>(el, 'chiso-select');
    await sendKeys({ press: 'Enter' });
    expect((await select).detail.area).to.equal(code);
  });

  it('accessible name and a summary with highest, lowest, median and no-data count', async function () {
    const features = await sharedOrSkip(this, PHU_THO_COMMUNES);
    const feed = densityFeed(features, { drop: 4 });
    const { el, map } = await mountChoropleth(PHU_THO_COMMUNES, feed, { label: 'Mật độ dân số theo xã, Phú Thọ' });
    const canvas = map.getCanvas();
    expect(canvas.getAttribute('aria-label')).to.equal('Mật độ dân số theo xã, Phú Thọ');
    expect(canvas.getAttribute('role')).to.equal('region');
    const describedBy = canvas.getAttribute('aria-describedby')!.split(' ');
    const summary = el.shadowRoot!.getElementById(describedBy[0])!;
    const values = feed.observations.map((o) => o.value).sort((a, b) => a - b);
    const top = feed.observations.find((o) => o.value === values[values.length - 1])!;
    const s = text(summary);
    expect(s).to.contain(`cao nhất ${top.name}`);
    expect(s).to.contain('thấp nhất');
    expect(s).to.contain('trung vị');
    expect(s).to.contain('4 địa bàn không có dữ liệu trên 148');
    expect(text(el.shadowRoot!.getElementById(describedBy[1]))).to.contain('phím mũi tên');
  });

  it('legend: click or keyboard highlights a class (others dimmed on the canvas) and clears again', async function () {
    const features = await sharedOrSkip(this, PHU_THO_COMMUNES);
    const { el, layer, legend } = await mountChoropleth(PHU_THO_COMMUNES, densityFeed(features));
    const areas = readBoundaries(await (await fetch(PHU_THO_COMMUNES)).text()).areas;
    const buttons = [...legend.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part="item"]')];
    expect(buttons).to.have.length(5);
    expect(legend.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label')).to.contain('Chú giải');
    buttons[4].focus();
    const highlight = nextEvent<{ index: number | null }>(legend, 'chiso-highlight');
    await sendKeys({ press: 'Enter' });
    expect((await highlight).detail.index).to.equal(4);
    await legend.updateComplete;
    expect(buttons[4].getAttribute('aria-pressed')).to.equal('true');
    expect(layer.highlightedClass).to.equal(4);
    await new Promise<void>((r) => { el.map!.once('idle', () => r()); el.map!.triggerRepaint(); });
    const pixel = snapshot(el);
    let inClass = 0;
    let dimmed = 0;
    for (const [code, area] of areas) {
      const p = el.map!.project(area.anchor);
      const rgb = pixel(p.x, p.y);
      if (!rgb) continue;
      const full = hexToRgb(layer.colorFor(code));
      if (layer.classFor(code) === 4) {
        expect(close(rgb, full), `${code} keeps its colour`).to.equal(true);
        inClass++;
      } else {
        expect(close(rgb, full), `${code} is dimmed`).to.equal(false);
        dimmed++;
      }
    }
    expect(inClass).to.be.greaterThan(5);
    expect(dimmed).to.be.greaterThan(50);
    buttons[4].click();
    await legend.updateComplete;
    expect(layer.highlightedClass).to.equal(null);
    expect(buttons[4].getAttribute('aria-pressed')).to.equal('false');
  });

  it('time: a slider steps, plays and takes the keyboard without re-creating the map; period reflects it', async function () {
    const features = await sharedOrSkip(this, PHU_THO_COMMUNES);
    const feed = densityFeed(features, { periods: ['2023', '2024', '2025'] });
    const { el, map, layer, legend } = await mountChoropleth(PHU_THO_COMMUNES, feed);
    expect(layer.period).to.equal('2025');
    expect(layer.getAttribute('period')).to.equal('2025');
    const range = layer.shadowRoot!.querySelector<HTMLInputElement>('input[type="range"]')!;
    expect(range.getAttribute('aria-valuetext')).to.equal('2025');
    const code = feed.observations[0].area;
    const v2025 = layer.valueFor(code);
    const color2025 = layer.colorFor(code);
    layer.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Kỳ trước"]')!.click();
    const change = await nextEvent<{ period: string }>(layer, 'chiso-change');
    expect(change.detail.period).to.equal('2024');
    expect(layer.getAttribute('period')).to.equal('2024');
    expect(layer.valueFor(code)).to.be.lessThan(v2025!);
    expect(el.map).to.equal(map); // same map, no re-creation
    // The data table follows the period.
    layer.tableOpen = true;
    await layer.updateComplete;
    expect(text(layer.shadowRoot!.querySelector('caption'))).to.equal('Mật độ dân số, 2024');
    const row = layer.shadowRoot!.querySelector(`tr[data-code="${code}"]`)!;
    expect(text(row.querySelector('.num'))).to.equal(`${layer.valueFor(code)!.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} người/km²`);
    layer.tableOpen = false;
    // Breaks come from every period, so a colour means the same value range throughout.
    expect(layer.legend.colors.length).to.equal(5);
    expect(text(legend.shadowRoot!.querySelector('[part="title"]'))).to.contain('Mật độ dân số');
    range.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => layer.period === '2023', 'keyboard moved the slider');
    expect(range.getAttribute('aria-valuetext')).to.equal('2023');
    const play = layer.shadowRoot!.querySelector<HTMLButtonElement>('[part="play"]')!;
    layer.playInterval = 200;
    play.click();
    await layer.updateComplete;
    expect(play.getAttribute('aria-pressed')).to.equal('true');
    await waitUntil(() => layer.period === '2025', 'played to the end', { timeout: 5000 });
    await waitUntil(() => !layer.isPlaying, 'stopped at the end', { timeout: 3000 });
    expect(layer.colorFor(code)).to.equal(color2025);
    expect(el.map).to.equal(map);
  });

  it('resizes with its box, and a map created hidden fills its box when shown', async function () {
    const features = await sharedOrSkip(this, THAI_NGUYEN_COMMUNES);
    const { el, map } = await mountChoropleth(THAI_NGUYEN_COMMUNES, densityFeed(features));
    el.style.width = '360px';
    await waitUntil(() => map.getCanvas().clientWidth === 358, `canvas ${map.getCanvas().clientWidth}`, { timeout: 3000 });
    el.remove();
    const hidden = await fixture<ChisoMap>(html`<div style="display:none" id="tab"><chiso-map style=${SIZE} boundaries=${THAI_NGUYEN_COMMUNES}>
      <chiso-choropleth-layer .data=${densityFeed(features)}></chiso-choropleth-layer></chiso-map></div>`);
    const inner = hidden.querySelector('chiso-map') as ChisoMap;
    await new Promise((r) => setTimeout(r, 300));
    expect(inner.map, 'not created while hidden (lazy: not in view)').to.equal(undefined);
    (hidden as unknown as HTMLElement).style.display = 'block';
    const shown = await inner.ready;
    await waitUntil(() => shown.getCanvas().clientWidth >= 630, `canvas fills the box: ${shown.getCanvas().clientWidth}`, { timeout: 3000 });
    expect(renderedCodes(inner).size).to.equal(92);
  });

  it('Hoàng Sa and Trường Sa are labelled as Vietnamese whenever the view includes them', async function () {
    await sharedOrSkip(this, PROVINCES_2025);
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} boundaries=${PROVINCES_2025} eager></chiso-map>`);
    await el.ready;
    const labels = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.archipelago')];
    const inView = (l: HTMLElement) => {
      const r = l.getBoundingClientRect();
      const box = el.map!.getContainer().getBoundingClientRect();
      return r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
    };
    expect(labels().map(text)).to.deep.equal(['Quần đảo Hoàng Sa (Đà Nẵng, Việt Nam)', 'Quần đảo Trường Sa (Khánh Hòa, Việt Nam)']);
    expect(labels().every(inView)).to.equal(true);
    expect(el.map!.queryRenderedFeatures({ layers: ['chiso-archipelagos'] }).length).to.be.greaterThan(5);
    el.lang = 'en';
    await el.updateComplete;
    expect(labels().map(text)).to.deep.equal(['Hoàng Sa archipelago (Đà Nẵng, Viet Nam)', 'Trường Sa archipelago (Khánh Hòa, Viet Nam)']);
  });

  it('the archipelagos appear even on boundaries that lack them (a commune layer zoomed out)', async function () {
    const features = await sharedOrSkip(this, PHU_THO_COMMUNES);
    const { el, map } = await mountChoropleth(PHU_THO_COMMUNES, densityFeed(features));
    map.fitBounds([102.1, 6.8, 117.9, 23.4], { animate: false });
    await new Promise<void>((r) => { map.once('idle', () => r()); map.triggerRepaint(); });
    const labels = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.archipelago')];
    expect(labels.map(text)).to.deep.equal(['Quần đảo Hoàng Sa (Đà Nẵng, Việt Nam)', 'Quần đảo Trường Sa (Khánh Hòa, Việt Nam)']);
    const box = map.getContainer().getBoundingClientRect();
    for (const l of labels) {
      const r = l.getBoundingClientRect();
      expect(r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom, text(l)).to.equal(true);
    }
    expect(map.queryRenderedFeatures({ layers: ['chiso-archipelagos'] }).length).to.be.greaterThan(5);
  });

  it('controls: zoom, full screen, reset view, scale, attribution, in Vietnamese; cooperative gestures on', async function () {
    const features = await sharedOrSkip(this, THAI_NGUYEN_COMMUNES);
    const { el, map } = await mountChoropleth(THAI_NGUYEN_COMMUNES, densityFeed(features));
    const root = el.shadowRoot!;
    expect(root.querySelector('.maplibregl-ctrl-zoom-in')!.getAttribute('aria-label')).to.equal('Phóng to');
    expect(root.querySelector('.maplibregl-ctrl-zoom-out')!.getAttribute('aria-label')).to.equal('Thu nhỏ');
    expect(root.querySelector('.maplibregl-ctrl-fullscreen')!.getAttribute('aria-label')).to.equal('Toàn màn hình');
    expect(root.querySelector('.maplibregl-ctrl-scale')).to.not.equal(null);
    expect(root.querySelector('.maplibregl-ctrl-attrib')).to.not.equal(null);
    expect(map.cooperativeGestures.isEnabled()).to.equal(true);
    const start = map.getZoom();
    (root.querySelector('.maplibregl-ctrl-zoom-in') as HTMLButtonElement).click();
    await waitUntil(() => map.getZoom() > start + 0.5, 'zoomed', { timeout: 3000 });
    (root.querySelector('.chiso-reset-view') as HTMLButtonElement).click();
    expect(map.getZoom()).to.be.closeTo(start, 0.01);
  });

  it('recovers from a lost WebGL context', async function () {
    const features = await sharedOrSkip(this, THAI_NGUYEN_COMMUNES);
    const { el, map } = await mountChoropleth(THAI_NGUYEN_COMMUNES, densityFeed(features));
    const gl = (map.getCanvas().getContext('webgl2') ?? map.getCanvas().getContext('webgl')) as WebGL2RenderingContext;
    const ext = gl.getExtension('WEBGL_lose_context')!;
    ext.loseContext();
    await waitUntil(() => el.state === 'loading' && !el.shadowRoot!.querySelector('[part="status"]')!.hasAttribute('hidden'), 'context loss shown');
    expect(text(el.shadowRoot!.querySelector('[part="status"]'))).to.contain('đang khôi phục');
    ext.restoreContext();
    await waitUntil(() => el.state === 'ready', 'restored', { timeout: 8000 });
    await new Promise<void>((r) => { map.once('idle', () => r()); map.triggerRepaint(); });
    expect(renderedCodes(el).size).to.equal(92);
  });
  // Create/remove cycles releasing every context, with a long-lived map keeping its own: test/hardening/mount-cycles.test.ts.
});

describe('maps agree with gauges', function () {
  this.timeout(60000);

  /** SYNTHETIC online rates for every commune, 5 % to 95 %, with the gauge's thresholds. */
  const rateFeed = (features: GeoFeature[], direction = 'higher-is-better') => ({
    chiso: 1,
    indicators: [{ id: 'rate', name: 'Tỷ lệ (dữ liệu mẫu)', unit: '%', thresholds: [50, 80], direction }],
    observations: features.map((f, i) => ({ indicator: 'rate', area: f.properties.code, level: 'commune', period: '2025', value: 5 + ((i * 37) % 91) })),
  });

  it('an indicator with thresholds is classed by them, each commune drawn in its gauge\'s band colour, in every theme; rank 1 is the best', async function () {
    const features = await sharedOrSkip(this, PHU_THO_COMMUNES);
    for (const direction of ['higher-is-better', 'lower-is-better']) {
      const feed = rateFeed(features, direction);
      const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} boundaries=${PHU_THO_COMMUNES} eager preserve-drawing-buffer label="Bản đồ">
        <chiso-choropleth-layer .data=${feed}></chiso-choropleth-layer></chiso-map>`);
      await el.ready;
      const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
      expect(layer.legend.breaks, 'no classes asked: the thresholds').to.deep.equal([50, 80]);
      const areas = readBoundaries(await (await fetch(PHU_THO_COMMUNES)).text()).areas;
      for (const theme of ['', 'contrast']) {
        if (theme) {
          el.theme = theme;
          await waitUntil(() => layer.theme === theme, 'the layer follows the map');
          await layer.updateComplete;
          await new Promise((r) => { el.map!.once('idle', r); el.map!.triggerRepaint(); });
        }
        const pixel = snapshot(el);
        let checked = 0;
        for (const [i, f] of features.slice(0, 40).entries()) {
          const value = feed.observations[i].value;
          const gauge = await fixture<HTMLElement>(html`<chiso-gauge .data=${feed} area=${f.properties.code} theme=${theme || nothing}></chiso-gauge>`);
          await (gauge as unknown as { updateComplete: Promise<void> }).updateComplete;
          const gaugeColour = getComputedStyle(gauge.shadowRoot!.querySelector('[part="indicator"]')!).stroke;
          const mapColour = `rgb(${hexToRgb(layer.colorFor(f.properties.code)).join(', ')})`;
          expect(mapColour, `${direction} ${theme || 'light'}: ${f.properties.name} ${value} %`).to.equal(gaugeColour);
          gauge.remove();
          // And that is the colour on the canvas.
          const p = el.map!.project(areas.get(f.properties.code)!.anchor);
          const rgb = pixel(p.x, p.y);
          if (!rgb) continue;
          expect(close(rgb, hexToRgb(layer.colorFor(f.properties.code)), 3), `${f.properties.name}: drawn ${rgb}`).to.equal(true);
          checked++;
        }
        expect(checked).to.be.greaterThan(20);
      }
      // Rank 1 is the best area: the highest rate, or the lowest when lower is better.
      const values = feed.observations.map((o) => o.value);
      const best = feed.observations[values.indexOf(direction === 'lower-is-better' ? Math.min(...values) : Math.max(...values))].area;
      expect(layer.rankFor(best)).to.equal(1);
      layer.tableOpen = true;
      await layer.updateComplete;
      // The table lists the best first (ties share rank 1).
      const firstRow = layer.shadowRoot!.querySelector('tbody tr')!;
      expect(layer.rankFor(firstRow.getAttribute('data-code')!)).to.equal(1);
      expect(layer.valueFor(firstRow.getAttribute('data-code')!)).to.equal(layer.valueFor(best));
      el.remove();
    }
  });
});

describe('<chiso-map> options', function () {
  this.timeout(30000);

  it('area fits the view to one commune; indicator picks one of several in the feed', async function () {
    const features = await sharedOrSkip(this, PHU_THO_COMMUNES);
    const target = [...features].sort((a, b) => Number(b.properties.areaKm2) - Number(a.properties.areaKm2))[10];
    const feed = densityFeed(features);
    // A second indicator in the same feed: population, so its classes differ from density's.
    feed.indicators.push({ id: 'population', name: { vi: 'Dân số', en: 'Population' }, unit: 'người', decimals: 0 });
    for (const f of features) feed.observations.push({ indicator: 'population', area: f.properties.code, level: 'commune', name: f.properties.name, period: '2025', value: f.properties.population! });
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries=${PHU_THO_COMMUNES} area=${target.properties.code}>
      <chiso-choropleth-layer .data=${feed} indicator="population"></chiso-choropleth-layer></chiso-map>`);
    const map = await el.ready;
    const box = el.boundaryAreas!.areas.get(target.properties.code)!.bbox;
    const view = map.getBounds();
    expect(view.getWest()).to.be.at.most(box[0]);
    expect(view.getEast()).to.be.at.least(box[2]);
    expect(view.getEast() - view.getWest(), 'fitted to the commune, not the province').to.be.lessThan((box[2] - box[0]) * 4);
    const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    expect(layer.indicatorInfo!.id).to.equal('population');
    expect(layer.valueFor(target.properties.code)).to.equal(target.properties.population);
    el.area = undefined;
    el.area = '25'; // every commune whose provinceCode is 25
    await el.updateComplete;
    expect(map.getBounds().getEast() - map.getBounds().getWest()).to.be.greaterThan((box[2] - box[0]) * 4);
  });

  it('basemap: an opt-in MapLibre style URL draws under the data; none by default (no request leaves the page)', async function () {
    const features = await sharedOrSkip(this, THAI_NGUYEN_COMMUNES);
    const style = { version: 8, sources: {}, layers: [{ id: 'basemap-bg', type: 'background', paint: { 'background-color': '#ff00ff' } }] };
    const url = okUrl(style, { key: 'basemap' });
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES} basemap=${url} preserve-drawing-buffer>
      <chiso-choropleth-layer .data=${densityFeed(features)}></chiso-choropleth-layer></chiso-map>`);
    const map = await el.ready;
    const ids = map.getStyle().layers.map((l) => l.id);
    expect(ids[0]).to.equal('basemap-bg');
    expect(ids.indexOf('basemap-bg')).to.be.lessThan(ids.findIndex((id) => id.startsWith('chiso-choropleth-')));
    const pixel = snapshot(el);
    expect(pixel(4, 200), 'the basemap shows at the edge').to.deep.equal([255, 0, 255]);
    expect(renderedCodes(el).size).to.equal(92);
    const plain = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES}></chiso-map>`);
    const before = performance.getEntriesByType('resource').length;
    await plain.ready;
    const requested = performance.getEntriesByType('resource').slice(before).map((e) => e.name);
    expect(requested.filter((n) => !n.includes(location.host)), 'nothing but the page\'s own server').to.deep.equal([]);
  });
});

describe('<chiso-map> themes', function () {
  this.timeout(30000);

  it('dark and high-contrast themes recolour the sea, land and outlines; AA contrast for the map text', async function () {
    const features = await sharedOrSkip(this, THAI_NGUYEN_COMMUNES);
    const colors: Record<string, unknown[]> = {};
    for (const theme of ['', 'dark', 'contrast']) {
      const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager theme=${theme || nothing} boundaries=${THAI_NGUYEN_COMMUNES}>
        <chiso-choropleth-layer .data=${densityFeed(features)} theme=${theme || nothing}></chiso-choropleth-layer></chiso-map>`);
      const map = await el.ready;
      colors[theme || 'light'] = [map.getPaintProperty('chiso-background', 'background-color'), map.getPaintProperty('chiso-outline', 'line-color')];
      const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
      const button = layer.shadowRoot!.querySelector('[part="table-toggle"]')!;
      expect(contrast(getComputedStyle(button).color, getComputedStyle(button).backgroundColor), `${theme} button text`).to.be.at.least(4.5);
    }
    expect(colors.contrast).to.deep.equal(['#000000', '#ffffff']);
    expect(colors.dark[0]).to.equal('#0b1a26');
    expect(colors.light[0]).to.equal('#dce9f2');
  });
});

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map(Number).map((v) => v / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe('<chiso-map> with bad input', function () {
  this.timeout(30000);

  it('boundaries that fail to load: a localized message and chiso-error; the layer still offers its table', async () => {
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries="/__feeds/status?code=404&key=b404">
      <chiso-choropleth-layer .data=${{ chiso: 1, observations: [{ area: '04792', period: '2025', value: 1 }] }}></chiso-choropleth-layer></chiso-map>`);
    const error = await nextEvent<{ code: string; message: string; status: number }>(el, 'chiso-error');
    expect(error.detail.code).to.equal('http');
    expect(error.detail.status).to.equal(404);
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(text(el.shadowRoot!.querySelector('[part="error"]'))).to.equal('Không tải được ranh giới hành chính (HTTP 404)');
    let rejected = false;
    await el.ready.catch(() => (rejected = true));
    expect(rejected).to.equal(true);
  });

  it('boundaries that are not polygons, or not geo at all', async () => {
    const points = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '1' }, geometry: { type: 'Point', coordinates: [105, 21] } }] };
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries=${okUrl(points, { key: 'pts' })}></chiso-map>`);
    const error = await nextEvent<{ code: string; message: string }>(el, 'chiso-error');
    expect(error.detail.message).to.equal('Tệp ranh giới không có vùng (đa giác) nào có mã');
    const el2 = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager lang="en" boundaries="/__feeds/html?key=bhtml"></chiso-map>`);
    const error2 = await nextEvent<{ message: string }>(el2, 'chiso-error');
    expect(error2.detail.message).to.equal('The boundary file is not GeoJSON or TopoJSON');
    await el2.updateComplete;
    expect(el2.shadowRoot!.querySelector('h1')).to.equal(null);
  });

  it('new boundaries that fail on a live map: the current map stays drawn (stale), with the message and chiso-error', async function () {
    const features = await sharedOrSkip(this, THAI_NGUYEN_COMMUNES);
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES}>
      <chiso-choropleth-layer .data=${densityFeed(features)}></chiso-choropleth-layer></chiso-map>`);
    const map = await el.ready;
    const error = nextEvent<{ code: string; status: number }>(el, 'chiso-error');
    el.boundaries = '/__feeds/status?code=500&key=bnew500';
    expect((await error).detail.status).to.equal(500);
    await el.updateComplete;
    expect(el.state).to.equal('stale');
    expect(el.map).to.equal(map);
    expect(renderedCodes(el).size).to.equal(92);
    expect(text(el.shadowRoot!.querySelector('[part="error"]'))).to.contain('Không tải được ranh giới hành chính');
    // Good boundaries again: a new map is drawn.
    el.boundaries = PHU_THO_COMMUNES;
    await waitUntil(() => el.map && el.map !== map && el.state === 'ready', 'redrawn', { timeout: 20000 });
    await new Promise<void>((r) => { el.map!.once('idle', () => r()); el.map!.triggerRepaint(); });
    expect(renderedCodes(el).size).to.equal(148); // every Phú Thọ commune drawn…
    const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    expect(layer.classCounts.noData).to.equal(148); // …without data: the Thái Nguyên feed matches none of them
    expect(el.boundaryAreas!.areas.size).to.equal(148);
  });

  it('unknown codes and mixed levels: drawn what matches, said what does not, chiso-error with the reason', async function () {
    const features = await sharedOrSkip(this, THAI_NGUYEN_COMMUNES);
    const feed = densityFeed(features);
    feed.observations.push(
      { indicator: 'density', area: '99999', level: 'commune', name: 'Xã không có', period: '2025', value: 5 },
      { indicator: 'density', area: '19', level: 'province', name: 'Thái Nguyên', period: '2025', value: 250 },
    );
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES} preserve-drawing-buffer>
      <chiso-choropleth-layer .data=${feed}></chiso-choropleth-layer></chiso-map>`);
    const error = await nextEvent<{ code: string; message: string }>(el, 'chiso-error');
    expect(error.detail.message).to.contain('1 mã địa bàn trong dữ liệu không có trên bản đồ: 99999');
    expect(error.detail.message).to.contain('Dữ liệu trộn nhiều cấp (commune, province)');
    await el.ready;
    const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    expect(text(layer.shadowRoot!.querySelector('[part="error"]'))).to.contain('99999');
    expect(renderedCodes(el).size).to.equal(92);
    expect(layer.valueFor('19')).to.equal(null);
    expect(layer.state).to.equal('ready');
  });

  it('feed text is never rendered as HTML (tooltip, table, legend)', async function () {
    const features = await sharedOrSkip(this, THAI_NGUYEN_COMMUNES);
    const feed = densityFeed(features);
    (feed.indicators[0] as { name: unknown }).name = '<img src=x onerror="window.__pwned=1">Mật độ';
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES}>
      <chiso-choropleth-layer .data=${feed} table-open></chiso-choropleth-layer><chiso-legend></chiso-legend></chiso-map>`);
    await el.ready;
    const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    await layer.updateComplete;
    layer.focusArea(feed.observations[0].area);
    const legend = el.querySelector('chiso-legend') as ChisoLegend;
    await legend.updateComplete;
    for (const root of [el.shadowRoot!, layer.shadowRoot!, legend.shadowRoot!]) expect(root.querySelector('img')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('.tooltip'))).to.contain('<img src=x');
    expect(text(layer.shadowRoot!.querySelector('caption'))).to.contain('<img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('a feed that fails: error state and message; the last good data stays drawn after a failed refresh', async function () {
    const features = await sharedOrSkip(this, THAI_NGUYEN_COMMUNES);
    const good = densityFeed(features);
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES}>
      <chiso-choropleth-layer .data=${good}></chiso-choropleth-layer></chiso-map>`);
    await el.ready;
    const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    const color = layer.colorFor(good.observations[0].area);
    const error = nextEvent<{ code: string }>(layer, 'chiso-error');
    layer.data = '{"chiso": 1, "observations": [';
    expect((await error).detail.code).to.equal('parse');
    await layer.updateComplete;
    expect(layer.state).to.equal('stale');
    expect(layer.colorFor(good.observations[0].area)).to.equal(color);
    expect(renderedCodes(el).size).to.equal(92);
    expect(layer.shadowRoot!.querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
    const fresh = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES}>
      <chiso-choropleth-layer src="/__feeds/status?code=500&key=c500" timeout="2000"></chiso-choropleth-layer></chiso-map>`);
    const failed = fresh.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    const e2 = await nextEvent<{ code: string; message: string }>(failed, 'chiso-error', 20000);
    expect(e2.detail.code).to.equal('http');
    await fresh.ready;
    expect(failed.state).to.equal('error');
    expect(renderedCodes(fresh).size).to.equal(0); // nothing coloured; the boundaries still drawn
    expect(fresh.map!.queryRenderedFeatures({ layers: ['chiso-land'] }).length).to.be.greaterThan(0);
  });
});

describe('<chiso-choropleth> shorthand', function () {
  this.timeout(30000);

  it('map + layer + legend from attributes, with src, classes and period', async function () {
    const features = await sharedOrSkip(this, THAI_NGUYEN_COMMUNES);
    // A short feed (the URL carries it): 20 communes with values, the others without data.
    const feed = densityFeed(features.slice(0, 20), { periods: ['2024', '2025'] });
    const url = okUrl(feed, { key: 'shorthand' });
    const el = await fixture<ChisoChoropleth>(html`<chiso-choropleth style="display:block;width:640px" boundaries=${THAI_NGUYEN_COMMUNES}
      src=${url} classes="equal:4" eager></chiso-choropleth>`);
    const map = await el.ready;
    expect(map).to.equal(el.map);
    await waitUntil(() => el.legend?.colors.length === 4, 'legend');
    expect(el.period).to.equal('2025');
    const code = feed.observations[0].area;
    expect(el.colorFor(code)).to.equal(el.layer!.colorFor(code));
    const legend = el.shadowRoot!.querySelector('chiso-legend') as ChisoLegend;
    await legend.updateComplete;
    expect(legend.shadowRoot!.querySelectorAll('[part="item"]')).to.have.length(5);
    const select = nextEvent<{ area: string }>(el, 'chiso-select');
    el.layer!.shadowRoot!.querySelector<HTMLButtonElement>('[part="table-toggle"]')!.click();
    await el.layer!.updateComplete;
    el.layer!.shadowRoot!.querySelector<HTMLTableRowElement>('tbody tr')!.click();
    expect((await select).detail.area).to.match(/^\d{5}$/);
    el.layer!.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Kỳ trước"]')!.click();
    await waitUntil(() => el.period === '2024', 'period reflects the inner slider');
  });
});
