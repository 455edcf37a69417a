// The canvas renderer: maps drawn without WebGL (asked for, or WebGL missing), the first paint on canvas before
// MapLibre takes over at the same view, many maps on one page, and pictures of a map.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import '@chiso/map';
import { ChisoMap, type ChisoChoroplethLayer } from '@chiso/map';
import { contextsHeld } from '../../packages/map/src/context-budget.js';
import { readBoundaries } from '@chiso/map';
import { pictureOf } from '../../packages/map/src/canvas/painter.js';
import { canvasSnapshot, densityFeed, hexToRgb, PHU_THO_COMMUNES } from '../helpers/geo.js';
import { atlasFeatures, close, MAP_SIZE, mountChoropleth, snapshot } from '../helpers/map-fixture.js';
import { nextEvent, text } from '../helpers/feeds.js';

/** Every commune's colour at its anchor against colorFor: the wrong ones, and how many were checked. */
function probeColours(el: ChisoMap, layer: { colorFor(code: string): string | undefined }, areas: Map<string, { anchor: [number, number]; name: string }>) {
  const pixel = snapshot(el);
  const wrong: string[] = [];
  let checked = 0;
  for (const [code, area] of areas) {
    const p = el.map!.project(area.anchor);
    const rgb = pixel(p.x, p.y);
    if (!rgb) continue;
    const want = layer.colorFor(code)!;
    if (!close(rgb, hexToRgb(want))) wrong.push(`${code} ${area.name}: drawn ${rgb}, colorFor ${want}`);
    checked++;
  }
  return { wrong, checked };
}

describe('<chiso-map renderer="canvas">', function () {
  this.timeout(60000);
  afterEach(() => resetMouse());

  it('draws every commune in the colour colorFor reports, with no WebGL; tooltip, select and table work', async function () {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    const { el, layer } = await mountChoropleth(PHU_THO_COMMUNES, densityFeed(features, { drop: 12 }), { renderer: 'canvas' });
    expect(el.activeRenderer).to.equal('canvas');
    expect(el.map!.getCanvas().getContext('2d'), 'a 2D canvas').to.not.equal(null);
    const areas = readBoundaries(await (await fetch(PHU_THO_COMMUNES)).text()).areas;
    const { wrong, checked } = probeColours(el, layer, areas);
    expect(wrong).to.deep.equal([]);
    expect(checked).to.be.greaterThan(100);
    const [code, area] = [...areas].sort((x, y) => Number(y[1].properties.areaKm2) - Number(x[1].properties.areaKm2))[0];
    const p = el.map!.project(area.anchor);
    const box = el.map!.getCanvas().getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + p.x), Math.round(box.top + p.y)] });
    await waitUntil(() => el.shadowRoot!.querySelector('.tooltip'), 'tooltip', { timeout: 5000 });
    expect(text(el.shadowRoot!.querySelector('.tooltip'))).to.contain(area.name);
    const select = nextEvent<{ area: string }>(el, 'chiso-select');
    await sendMouse({ type: 'click', position: [Math.round(box.left + p.x), Math.round(box.top + p.y)] });
    expect((await select).detail.area).to.equal(code);
    // queryRenderedFeatures' filter, as MapLibre's: only the features that pass it.
    const fill = el.map!.getStyle().layers.find((l) => l.id.startsWith('chiso-choropleth-'))!.id;
    const one = el.map!.queryRenderedFeatures({ layers: [fill], filter: ['==', ['get', 'chiso_code'], code] });
    expect([...new Set(one.map((f) => f.properties.chiso_code))]).to.deep.equal([code]);
    expect(el.map!.queryRenderedFeatures({ layers: [fill] }).length).to.be.greaterThan(100);
  });

  it('a picture of the map: PNG with the map as drawn, SVG whose title, legend and credits are text', async function () {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    const feed = { ...densityFeed(features), source: { name: 'Số liệu tổng hợp (mẫu)', updated: '2025-07-01' } };
    const { el, layer } = await mountChoropleth(PHU_THO_COMMUNES, feed, { renderer: 'canvas', label: 'Mật độ dân số, Phú Thọ' });
    el.attribution = 'Bản đồ: <a href="https://example.org">chiso</a>';
    const png = await el.toImage({ scale: 1 });
    expect(png.type).to.equal('image/png');
    const bitmap = await createImageBitmap(png);
    const canvas = el.map!.getCanvas();
    expect(bitmap.width).to.equal(canvas.clientWidth);
    expect(bitmap.height, 'title, map, legend and credits').to.be.greaterThan(canvas.clientHeight + 100);
    // The map's pixels are in the picture, below the title: the largest commune in its colour.
    const c = document.createElement('canvas');
    [c.width, c.height] = [bitmap.width, bitmap.height];
    const g = c.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(bitmap, 0, 0);
    const areas = readBoundaries(await (await fetch(PHU_THO_COMMUNES)).text()).areas;
    const [code, area] = [...areas].sort((x, y) => Number(y[1].properties.areaKm2) - Number(x[1].properties.areaKm2))[0];
    const p = el.map!.project(area.anchor);
    const at = (x: number, y: number) => [...g.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)];
    // The title's band is the page's background; the map starts where the sea does.
    const top = [...Array(120).keys()].find((y) => !close(at(2, y), [255, 255, 255]))!;
    expect(top, 'the map below the title').to.be.within(25, 60);
    expect(at(p.x, p.y + top), 'the largest commune in its colour').to.satisfy((px: number[]) => close(px, hexToRgb(layer.colorFor(code)!)));
    const svg = await (await el.toImage({ format: 'svg' })).text();
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const words = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(words[0]).to.equal('Mật độ dân số, Phú Thọ');
    expect(words).to.include('Không có dữ liệu (0 địa bàn)');
    expect(words.find((w) => w!.startsWith('Nguồn:')), 'the feed\'s source').to.match(/^Nguồn: Số liệu tổng hợp \(mẫu\), cập nhật .*2025/);
    expect(words, 'the credits, as text (no markup)').to.include('Bản đồ: chiso');
    expect(doc.querySelector('image')!.getAttribute('href')).to.match(/^data:image\/png;base64,/);
  });

  it('without WebGL (renderer auto), the map draws on the canvas, quietly, with tooltips and the table', async function () {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      return /webgl/.test(type) ? null : (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof original;
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      const features = await atlasFeatures(PHU_THO_COMMUNES);
      const { el, layer } = await mountChoropleth(PHU_THO_COMMUNES, densityFeed(features, { drop: 5 }));
      expect(el.activeRenderer).to.equal('canvas');
      expect(el.state).to.equal('ready');
      expect(el.shadowRoot!.querySelector('[part="error"]'), 'nothing alarming said').to.equal(null);
      const areas = readBoundaries(await (await fetch(PHU_THO_COMMUNES)).text()).areas;
      const { wrong, checked } = probeColours(el, layer, areas);
      expect(wrong).to.deep.equal([]);
      expect(checked).to.be.greaterThan(100);
      const toggle = layer.shadowRoot!.querySelector<HTMLButtonElement>('[part="table-toggle"]')!;
      toggle.click();
      await layer.updateComplete;
      const first = layer.shadowRoot!.querySelector<HTMLTableRowElement>('tbody tr')!;
      first.focus();
      await waitUntil(() => el.shadowRoot!.querySelector('.tooltip'), 'the row\'s tooltip on the map');
      expect(text(el.shadowRoot!.querySelector('.tooltip'))).to.contain(text(first.querySelector('th')));
      expect(errors, 'no console error').to.deep.equal([]);
    } finally {
      HTMLCanvasElement.prototype.getContext = original;
      console.error = consoleError;
    }
  });

  it('keeps symbol pictures on the CPU, as its own canvas (a GPU one is read back for every symbol drawn)', function () {
    // Found on the BTS bench page: 900 sites drawn from GPU pictures kept software WebGL busy for half a second.
    const picture = pictureOf(new ImageData(8, 8), 2);
    expect(picture.width, 'in CSS px').to.equal(4);
    const g = (picture.image as HTMLCanvasElement).getContext('2d')!;
    expect(g.getContextAttributes().willReadFrequently).to.equal(true);
  });
});

describe('<chiso-map renderer="auto">', function () {
  this.timeout(60000);

  it('paints on the canvas first (chiso-paint), then MapLibre takes over at the same view; chiso-ready once per element', async function () {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    const el = document.createElement('chiso-map') as ChisoMap;
    el.setAttribute('style', MAP_SIZE);
    el.eager = true;
    el.boundaries = PHU_THO_COMMUNES;
    const layer = document.createElement('chiso-choropleth-layer') as ChisoChoroplethLayer;
    layer.data = densityFeed(features);
    el.append(layer);
    const events: string[] = [];
    let painted: { renderer: string; zoom: number; center: { lng: number; lat: number } } | undefined;
    el.addEventListener('chiso-paint', (e) => {
      events.push('paint');
      painted = { renderer: (e as CustomEvent).detail.renderer, zoom: el.map!.getZoom(), center: el.map!.getCenter() };
    });
    el.addEventListener('chiso-ready', (e) => events.push(`ready ${(e.target as Element).localName}`));
    document.body.append(el);
    try {
      const map = await el.ready;
      expect(painted?.renderer).to.equal('canvas');
      expect(events).to.deep.equal(['ready chiso-choropleth-layer', 'paint', 'ready chiso-map']);
      expect(el.activeRenderer).to.equal('maplibre');
      expect(map.getCanvas().getContext('2d'), 'a WebGL canvas now').to.equal(null);
      expect(map.getZoom()).to.be.closeTo(painted!.zoom, 1e-9);
      expect(map.getCenter().lng).to.be.closeTo(painted!.center.lng, 1e-9);
      expect(map.getCenter().lat).to.be.closeTo(painted!.center.lat, 1e-9);
      const surfaces = el.shadowRoot!.querySelectorAll('[part="map"] > .surface');
      expect(surfaces, 'the canvas map is gone').to.have.length(1);
      expect((surfaces[0] as HTMLElement).style.visibility).to.equal('');
      const drawn = new Set(map.queryRenderedFeatures({ layers: [map.getStyle().layers.find((l) => l.id.startsWith('chiso-choropleth-'))!.id] }).map((f) => f.properties.chiso_code));
      expect(drawn.size).to.equal(148);
    } finally {
      el.remove();
    }
  });

  it('every WebGL context held by maps in view: a newcomer draws on the canvas instead of waiting', async function () {
    const max = ChisoMap.maxContexts;
    ChisoMap.maxContexts = 1;
    const maps: ChisoMap[] = [];
    try {
      const square = (i: number) => ({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { code: String(90001 + i), name: `Xã ${i}` }, geometry: { type: 'Polygon', coordinates: [[[105, 21], [105.1, 21], [105.1, 21.1], [105, 21.1], [105, 21]]] } }],
      });
      for (let i = 0; i < 2; i++) {
        const m = document.createElement('chiso-map') as ChisoMap;
        m.style.cssText = 'display:block;width:200px;--chiso-map-height:150px';
        m.boundariesData = square(i);
        document.body.append(m);
        maps.push(m);
        await m.ready;
      }
      expect(maps.map((m) => m.activeRenderer)).to.deep.equal(['maplibre', 'canvas']);
      expect(maps[1].shadowRoot!.querySelector('[part="status"]')!.hasAttribute('hidden'), 'no waiting notice').to.equal(true);
      expect(contextsHeld()).to.equal(1);
    } finally {
      for (const m of maps) m.remove();
      ChisoMap.maxContexts = max;
    }
  });
});

describe('small multiples: 34 province maps on one page', function () {
  this.timeout(120000);

  it('all drawn on canvas, each province in the colour of its own figure, no WebGL context taken', async function () {
    // SYNTHETIC figures, one per province of 2025.
    const provinces = (await atlasFeatures('/packages/atlas/data/provinces.json')).map((f) => f.properties.code);
    expect(provinces).to.have.length(34);
    const feed = {
      chiso: 1, indicators: [{ id: 'x', name: 'Chỉ số mẫu (tổng hợp)', unit: '%' }],
      observations: provinces.map((area, i) => ({ indicator: 'x', area, level: 'province', period: '2025', value: 40 + ((i * 37) % 60) })),
    };
    const grid = await fixture<HTMLElement>(html`<div style="display:grid;grid-template-columns:repeat(6,150px);gap:4px">
      ${provinces.map((code) => html`<chiso-map renderer="canvas" eager boundaries="vn:provinces" area=${code} style="display:block;--chiso-map-height:130px" label=${code}>
        <chiso-choropleth-layer .data=${feed}></chiso-choropleth-layer></chiso-map>`)}
    </div>`);
    const maps = [...grid.querySelectorAll('chiso-map')] as ChisoMap[];
    await Promise.all(maps.map((m) => m.ready));
    expect(maps.every((m) => m.activeRenderer === 'canvas')).to.equal(true);
    expect(contextsHeld(), 'WebGL contexts held').to.equal(0);
    const wrong: string[] = [];
    let checked = 0;
    for (const m of maps) {
      const code = m.area!;
      const layer = m.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
      const area = m.boundaryAreas!.areas.get(code)!;
      const p = m.map!.project(area.anchor);
      const pixel = canvasSnapshot(m.map!.getCanvas(), 2)(p.x, p.y);
      if (!pixel) continue; // a province small in its frame (Khánh Hòa with Trường Sa): an outline crosses the sample
      checked++;
      if (!close(pixel, hexToRgb(layer.colorFor(code)!))) wrong.push(`${code}: ${pixel} vs ${layer.colorFor(code)}`);
    }
    expect(wrong).to.deep.equal([]);
    expect(checked, 'provinces sampled').to.be.at.least(30);
  });
});

