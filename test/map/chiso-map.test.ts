// <chiso-map>: drawing the atlas's boundaries, keyboard, size, the archipelagos, controls, a lost context, options,
// themes and bad boundaries. Its layers, legend and shorthand have files of their own beside this one.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys, resetMouse } from '@web/test-runner-commands';
import '@chiso/map';
import '@chiso/bts';
import type { ChisoMap, ChisoChoroplethLayer } from '@chiso/map';
import { readBoundaries } from '@chiso/map';
import { densityFeed, PHU_THO_COMMUNES, PROVINCES_2025, THAI_NGUYEN_COMMUNES } from '../helpers/geo.js';
import { MAP_SIZE, atlasFeatures, contrast, mountChoropleth, renderedCodes, snapshot } from '../helpers/map-fixture.js';
import { nextEvent, okUrl, text } from '../helpers/feeds.js';
import { syntheticSites } from '../../scripts/synthetic-bts.mjs';

describe('<chiso-map> on the atlas\'s commune boundaries', function () {
  this.timeout(60000);
  afterEach(() => resetMouse());

  it('draws every commune of Phú Thọ (2025) and fires chiso-ready on the map and the layer', async function () {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    const feed = densityFeed(features);
    const el = document.createElement('chiso-map') as ChisoMap;
    el.setAttribute('style', MAP_SIZE);
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

  it('a map made after another was removed starts on MapLibre\'s worker already running (kept for the page)', async function () {
    const feed = densityFeed(await atlasFeatures(PHU_THO_COMMUNES));
    let started = 0;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started += 1;
      }
    } as typeof Worker;
    try {
      // `auto` (canvas first, then MapLibre), as a portal's maps are made.
      const first = await mountChoropleth(PHU_THO_COMMUNES, feed);
      expect(first.el.activeRenderer).to.equal('maplibre');
      first.el.remove();
      const before = started;
      const second = await mountChoropleth(PHU_THO_COMMUNES, feed);
      expect(second.el.activeRenderer).to.equal('maplibre');
      expect(renderedCodes(second.el).size).to.equal(148);
      expect(started, 'workers started for the second map').to.equal(before);
      second.el.remove();
    } finally {
      window.Worker = Original;
    }
  });

  it('keyboard: the canvas takes focus, arrows pan, Enter picks the area at the centre', async function () {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    const { el, map } = await mountChoropleth(PHU_THO_COMMUNES, densityFeed(features));
    const canvas = map.getCanvas();
    expect(canvas.getAttribute('tabindex')).to.equal('0');
    expect(canvas.getAttribute('aria-label')).to.equal('Bản đồ mật độ dân số');
    // A new label reaches the canvas's name, a new language with it.
    el.label = 'Mật độ dân số theo xã';
    await el.updateComplete;
    expect(canvas.getAttribute('aria-label')).to.equal('Mật độ dân số theo xã');
    el.label = '';
    el.lang = 'en';
    await el.updateComplete;
    expect(canvas.getAttribute('aria-label')).to.not.equal('Mật độ dân số theo xã');
    el.label = 'Bản đồ mật độ dân số';
    el.lang = 'vi';
    await el.updateComplete;
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

  it('resizes with its box, and a map created hidden fills its box when shown', async function () {
    const features = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const { el, map } = await mountChoropleth(THAI_NGUYEN_COMMUNES, densityFeed(features));
    el.style.width = '360px';
    await waitUntil(() => map.getCanvas().clientWidth === 358, `canvas ${map.getCanvas().clientWidth}`, { timeout: 3000 });
    el.remove();
    const hidden = await fixture<ChisoMap>(html`<div style="display:none" id="tab"><chiso-map style=${MAP_SIZE} boundaries=${THAI_NGUYEN_COMMUNES}>
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
    await atlasFeatures(PROVINCES_2025);
    const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} boundaries=${PROVINCES_2025} eager></chiso-map>`);
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
    const features = await atlasFeatures(PHU_THO_COMMUNES);
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
    const features = await atlasFeatures(THAI_NGUYEN_COMMUNES);
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
    const features = await atlasFeatures(THAI_NGUYEN_COMMUNES);
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
});

describe('<chiso-map> options', function () {
  this.timeout(30000);

  it('area fits the view to one commune; indicator picks one of several in the feed', async function () {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    const target = [...features].sort((a, b) => Number(b.properties.areaKm2) - Number(a.properties.areaKm2))[10];
    const feed = densityFeed(features);
    // A second indicator in the same feed: population, so its classes differ from density's.
    feed.indicators.push({ id: 'population', name: { vi: 'Dân số', en: 'Population' }, unit: 'người', decimals: 0 });
    for (const f of features) feed.observations.push({ indicator: 'population', area: f.properties.code, level: 'commune', name: f.properties.name, period: '2025', value: f.properties.population! });
    const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} eager boundaries=${PHU_THO_COMMUNES} area=${target.properties.code}>
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
    const features = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const style = { version: 8, sources: {}, layers: [{ id: 'basemap-bg', type: 'background', paint: { 'background-color': '#ff00ff' } }] };
    const url = okUrl(style, { key: 'basemap' });
    const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES} basemap=${url} preserve-drawing-buffer>
      <chiso-choropleth-layer .data=${densityFeed(features)}></chiso-choropleth-layer></chiso-map>`);
    const map = await el.ready;
    const ids = map.getStyle().layers.map((l) => l.id);
    expect(ids[0]).to.equal('basemap-bg');
    expect(ids.indexOf('basemap-bg')).to.be.lessThan(ids.findIndex((id) => id.startsWith('chiso-choropleth-')));
    const pixel = snapshot(el);
    expect(pixel(4, 200), 'the basemap shows at the edge').to.deep.equal([255, 0, 255]);
    expect(renderedCodes(el).size).to.equal(92);
    const plain = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES}></chiso-map>`);
    const before = performance.getEntriesByType('resource').length;
    await plain.ready;
    const requested = performance.getEntriesByType('resource').slice(before).map((e) => e.name);
    expect(requested.filter((n) => !n.includes(location.host)), 'nothing but the page\'s own server').to.deep.equal([]);
  });
});

describe('<chiso-map> themes', function () {
  this.timeout(30000);

  it('dark and high-contrast themes recolour the sea, land and outlines; AA contrast for the map text', async function () {
    const features = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const colors: Record<string, unknown[]> = {};
    for (const theme of ['', 'dark', 'contrast']) {
      const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} eager theme=${theme || nothing} boundaries=${THAI_NGUYEN_COMMUNES}>
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

describe('<chiso-map> with bad input', function () {
  this.timeout(30000);

  it('boundaries that fail to load: a localized message and chiso-error; the layer still offers its table', async () => {
    const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} eager boundaries="/__feeds/status?code=404&key=b404">
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
    const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} eager boundaries=${okUrl(points, { key: 'pts' })}></chiso-map>`);
    const error = await nextEvent<{ code: string; message: string }>(el, 'chiso-error');
    expect(error.detail.message).to.equal('Tệp ranh giới không có vùng (đa giác) nào có mã');
    const el2 = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} eager lang="en" boundaries="/__feeds/html?key=bhtml"></chiso-map>`);
    const error2 = await nextEvent<{ message: string }>(el2, 'chiso-error');
    expect(error2.detail.message).to.equal('The boundary file is not GeoJSON or TopoJSON');
    await el2.updateComplete;
    expect(el2.shadowRoot!.querySelector('h1')).to.equal(null);
  });

  it('new boundaries that fail on a live map: the current map stays drawn (stale), with the message and chiso-error', async function () {
    const features = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES}>
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

  it('new boundaries on a live map: ready again only once its layers have drawn on the new map', async function () {
    const tn = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const pt = await atlasFeatures(PHU_THO_COMMUNES);
    const sites = syntheticSites([...tn, ...pt], { n: 300, seed: 3 });
    const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES}>
      <chiso-bts-layer .data=${sites}></chiso-bts-layer></chiso-map>`);
    const first = await el.ready;
    const layer = el.querySelector('chiso-bts-layer')!;
    let layerDrawn = false;
    layer.addEventListener('chiso-ready', () => (layerDrawn = true), { once: true });
    el.boundaries = PHU_THO_COMMUNES;
    await waitUntil(() => el.map && el.map !== first, 'a new map', { timeout: 20000 });
    const map = await el.ready;
    // The map's ready waits for the layer's first drawing on the new map: its chiso-ready came first, its layers are there.
    expect(layerDrawn, 'the layer drew on the new map before the map said ready').to.equal(true);
    expect(map.getStyle().layers.some((l) => l.id.startsWith('chiso-bts') && l.type === 'raster'), 'coverage on the new map').to.equal(true);
    // The contract behind it: a first drawing once settled is not the next map's; that one waits for its own.
    const probe = layer as unknown as { firstDrawing(): Promise<void>; settleFirst(): void };
    const once = probe.firstDrawing();
    probe.settleFirst();
    await once;
    const next = probe.firstDrawing();
    expect(next).to.not.equal(once);
    let settled = false;
    void next.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled, 'a new map waits for a new drawing').to.equal(false);
    probe.settleFirst();
  });
});

