// <chiso-choropleth-layer>: colours drawn as colorFor says, classes, tooltip and selection, the data table, the
// summary, time, agreement with the gauge's bands, and bad feeds (unknown codes, HTML in feed text, failures).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import '@chiso/map';
import '@chiso/gauge';
import type { ChisoMap, ChisoChoroplethLayer, ChisoLegend } from '@chiso/map';
import { readBoundaries } from '@chiso/map';
import { densityFeed, hexToRgb, PHU_THO_COMMUNES, THAI_NGUYEN_COMMUNES, type GeoFeature } from '../helpers/geo.js';
import { MAP_SIZE, atlasFeatures, close, contrast, mountChoropleth, renderedCodes, snapshot } from '../helpers/map-fixture.js';
import { nextEvent, text } from '../helpers/feeds.js';

describe('<chiso-choropleth-layer> in a map', function () {
  this.timeout(60000);
  afterEach(() => resetMouse());

  it('fills every matched commune in the colour colorFor reports, no-data communes in the no-data colour', async function () {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    const { el, layer, legend } = await mountChoropleth(PHU_THO_COMMUNES, densityFeed(features, { drop: 12 }));
    const areas = readBoundaries(await (await fetch(PHU_THO_COMMUNES)).text()).areas;
    // Every commune's colour at its anchor, read back from the canvas. Read again once the map is idle when any is
    // off: on a slow machine the frame that follows chiso-ready can still be catching up (a few runs in a hundred
    // showed the sea colour there); what must hold is the colour of the map at rest.
    const probe = () => {
      const pixel = snapshot(el);
      const wrong: string[] = [];
      let checked = 0;
      let noData = 0;
      for (const [code, area] of areas) {
        const p = el.map!.project(area.anchor);
        const rgb = pixel(p.x, p.y);
        if (!rgb) continue; // too small at this zoom to hold a uniform 5×5 block
        const want = layer.colorFor(code)!;
        if (!close(rgb, hexToRgb(want))) wrong.push(`${code} ${area.name}: drawn ${rgb}, colorFor ${want}`);
        if (want === layer.legend.noData) noData++;
        checked++;
      }
      return { wrong, checked, noData };
    };
    let { wrong, checked, noData } = probe();
    if (wrong.length) {
      console.warn(`choropleth colours: ${wrong.length} off in the first frame after ready (${wrong[0]}); read again when idle`);
      await new Promise((r) => { el.map!.once('idle', r); el.map!.triggerRepaint(); });
      ({ wrong, checked, noData } = probe());
    }
    expect(wrong, 'every commune in the colour colorFor reports').to.deep.equal([]);
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
    const features = await atlasFeatures(PHU_THO_COMMUNES);
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
    const features = await atlasFeatures(PHU_THO_COMMUNES);
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

  it('data table: toggled, one row per commune, in sync with the map; rows focus, highlight and select', async function () {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
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
    // The CSV: one row per area, in the table's order, with its values as plain numbers and the names intact.
    const csv = await layer.toCSV();
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
    expect(lines[0].slice(0, 4)).to.deep.equal(['Hạng', 'Mã địa bàn', 'Tên', 'Giá trị']);
    expect(lines.length - 1).to.equal(rows.length);
    lines.slice(1).forEach((cells, i) => {
      expect(cells[1], `row ${i}`).to.equal(rows[i].dataset.code);
      expect(cells[2]).to.equal(text(rows[i].querySelector('th')));
      const value = layer.valueFor(cells[1]);
      expect(cells[3]).to.equal(value === null || value === undefined ? '' : String(value));
    });
    expect(layer.shadowRoot!.querySelector('[part="download"]')!.textContent!.trim()).to.equal('Tải xuống');
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
    const features = await atlasFeatures(PHU_THO_COMMUNES);
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

  it('time: a slider steps, plays and takes the keyboard without re-creating the map; period reflects it', async function () {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
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
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    for (const direction of ['higher-is-better', 'lower-is-better']) {
      const feed = rateFeed(features, direction);
      const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} boundaries=${PHU_THO_COMMUNES} eager preserve-drawing-buffer label="Bản đồ">
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

describe('<chiso-choropleth-layer> with bad input', function () {
  this.timeout(30000);

  it('unknown codes and mixed levels: drawn what matches, said what does not, chiso-error with the reason', async function () {
    const features = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const feed = densityFeed(features);
    feed.observations.push(
      { indicator: 'density', area: '99999', level: 'commune', name: 'Xã không có', period: '2025', value: 5 },
      { indicator: 'density', area: '19', level: 'province', name: 'Thái Nguyên', period: '2025', value: 250 },
    );
    const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES} preserve-drawing-buffer>
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
    const features = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const feed = densityFeed(features);
    (feed.indicators[0] as { name: unknown }).name = '<img src=x onerror="window.__pwned=1">Mật độ';
    const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES}>
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
    const features = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const good = densityFeed(features);
    const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES}>
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
    const fresh = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES}>
      <chiso-choropleth-layer src="/__feeds/status?code=500&key=c500" timeout="2000"></chiso-choropleth-layer></chiso-map>`);
    const failed = fresh.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    const e2 = await nextEvent<{ code: string; message: string }>(failed, 'chiso-error', 20000);
    expect(e2.detail.code).to.equal('http');
    await fresh.ready;
    expect(failed.state).to.equal('error');
    expect(failed.shadowRoot!.querySelector('[part="download"]'), 'no empty file to download').to.equal(null);
    expect(await failed.toCSV()).to.equal('');
    expect(renderedCodes(fresh).size).to.equal(0); // nothing coloured; the boundaries still drawn
    expect(fresh.map!.queryRenderedFeatures({ layers: ['chiso-land'] }).length).to.be.greaterThan(0);
  });

  it('a refresh with a newer period shows it when the latest was shown; a period the reader chose stays', async function () {
    const features = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} eager boundaries=${THAI_NGUYEN_COMMUNES}>
      <chiso-choropleth-layer .data=${densityFeed(features, { periods: ['2024', '2025'] })}></chiso-choropleth-layer></chiso-map>`);
    await el.ready;
    const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    expect(layer.period).to.equal('2025');
    const newer = nextEvent(layer, 'chiso-change');
    layer.data = densityFeed(features, { periods: ['2024', '2025', '2026'] });
    await newer;
    expect(layer.period, 'the newest period of the refreshed feed').to.equal('2026');
    layer.period = '2024';
    await layer.updateComplete;
    layer.data = densityFeed(features, { periods: ['2024', '2025', '2026', '2027'] });
    await layer.updateComplete;
    await layer.updateComplete;
    expect(layer.period, 'the reader\'s choice stays').to.equal('2024');
    expect(layer.periods.at(-1)).to.equal('2027');
  });
});

