// <chiso-case-layer> with the real daily cases by pre-2025 province (../shared/data/covid) joined to the 63
// pre-2025 provinces, and seeded synthetic case points from scripts/synthetic-cases.mjs: exact summaries,
// the four modes actually rendered, time controls, risk levels, and the privacy rules (no count under k,
// no coordinates, no unlisted property ever reaches the screen).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import '@chiso/cases';
import '@chiso/bts';
import type { ChisoCaseLayer, CaseDateDetail, CaseSummary } from '@chiso/cases';
import { riskLevel } from '@chiso/cases/model';
import type { ChisoMap } from '@chiso/map';
import { syntheticCases } from '../../scripts/synthetic-cases.mjs';
import { inPolygon, syntheticSites } from '../../scripts/synthetic-bts.mjs';
import { canvasSnapshot, loadAtlas, loadShared, mountWithoutCrosswalk, PHU_THO_COMMUNES, PROVINCES_2025, type GeoFeature } from '../helpers/geo.js';
import { mountMap } from '../helpers/map-fixture.js';
import { nextEvent, okUrl, text } from '../helpers/feeds.js';
import { skipBecause } from '../helpers/skip.js';

// The real daily series is keyed by the 63 provinces before July 2025: those tests read the pre-2025 layer (GPL,
// ../shared/data, tests only) and skip without it; every other test runs on the 34 provinces chiso ships.
const PROVINCES = '/__shared/geo/vn-provinces-63-pre2025.geojson';
const DAILY_CSV = '/__shared/covid/vn-covid19-cases-daily-by-province-2020-03-18_2022-01-22.csv';
const SIZE = 'display:block;width:640px;--chiso-map-height:520px';

async function provincesOrSkip(ctx: Mocha.Context): Promise<GeoFeature[]> {
  const geo = await loadShared(PROVINCES);
  if (!geo) skipBecause(ctx, '../shared/data is not beside this clone (the real public data these tests read)');
  return geo!.features;
}

let csvText: Promise<string | null> | undefined;
const dailyCsv = () => (csvText ??= fetch(DAILY_CSV).then((r) => (r.ok ? r.text() : null), () => null));

/** The CSV summed by hand: every numeric cell after the three key columns, per date and in all. */
function sumCsv(csv: string) {
  const lines = csv.trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const byDate: Record<string, number> = {};
  const byArea: Record<string, number> = {};
  let total = 0;
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    for (let c = 3; c < header.length; c++) {
      const v = Number(cells[c]);
      if (!cells[c] || !Number.isFinite(v)) continue;
      total += v;
      byDate[header[c]] = (byDate[header[c]] ?? 0) + v;
      byArea[cells[0]] = (byArea[cells[0]] ?? 0) + v;
    }
  }
  return { total, byDate, byArea };
}

type Attrs = Partial<Record<'mode' | 'measure' | 'value' | 'from' | 'to' | 'date' | 'min-zoom-points' | 'point-fields' | 'k' | 'renderer', string>>;

/** The drawing tests run on MapLibre (`auto`: canvas first, then MapLibre) and on the canvas renderer alone. */
const RENDERERS = ['auto', 'canvas'] as const;
const on = (renderer: string) => (renderer === 'canvas' ? ' — on the canvas renderer' : '');

/** The 34 provinces as chiso ships them (the atlas): always there. */
const atlasProvinces = async () => (await loadAtlas(PROVINCES_2025)).features;

async function mount(props: { data?: unknown; countData?: unknown; populationData?: unknown; counts?: string; src?: string }, attrs: Attrs = {}, boundaries = PROVINCES) {
  const { el, map } = await mountMap(boundaries, html`
    <chiso-case-layer .data=${props.data} .countData=${props.countData} .populationData=${props.populationData}
      counts=${props.counts ?? ''} src=${props.src ?? ''}
      mode=${attrs.mode ?? 'area'} measure=${attrs.measure ?? 'new'} value=${attrs.value ?? 'count'}
      from=${attrs.from ?? ''} to=${attrs.to ?? ''} date=${attrs.date ?? ''} point-fields=${attrs['point-fields'] ?? ''}
      min-zoom-points=${attrs['min-zoom-points'] ?? ''} k=${attrs.k ?? '5'}></chiso-case-layer>`, { label: 'Ca bệnh', style: SIZE, renderer: attrs.renderer });
  const layer = el.querySelector('chiso-case-layer') as ChisoCaseLayer;
  // An empty min-zoom-points attribute means never: individual points stay off unless a zoom is given.
  if (!attrs['min-zoom-points']) expect(layer.minZoomPoints).to.equal(undefined);
  // The map is ready once its layers' first drawing is done: the summary is there.
  const summary = layer.summary ?? (await nextEvent<CaseSummary>(layer, 'chiso-ready', 60000)).detail;
  await layer.updateComplete;
  el.scrollIntoView({ block: 'start' }); // the map's canvas in the viewport, for the mouse
  return { el, layer, map, summary, root: layer.shadowRoot! };
}

/** Resolves when MapLibre has drawn what was asked (a repaint is asked, so an idle map answers too). */
const idle = (map: ChisoMap['map']) => new Promise((r) => {
  map!.once('idle', r);
  map!.triggerRepaint();
});
const layerIds = (el: ChisoMap) => el.map!.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith('chiso-cases-'));
const idOf = (el: ChisoMap, suffix: string) => layerIds(el).find((id) => id.endsWith(suffix));
/** A count of 1 to 4 written as a number anywhere in a text (the "< 5" rule forbids it). */
const SMALL_COUNT = /(^|[^\d.,<\s])\s*[1-4](?![\d.,])/;
/** Text with the dates and the risk levels' names ("Cấp 1 – nguy cơ thấp") taken out: what is left must hold no small count. */
const countsOnly = (t: string) => t.replace(/\d{2}\/\d{2}\/\d{4}/g, '').replace(/Cấp [1-4] –/g, '');
const tooltipText = (el: ChisoMap) => text(el.shadowRoot!.querySelector('.tooltip'));
/** The count labels' canvas over the map (case-labels.ts) and what it wrote last, in CSS px of the map. */
function labelOverlay(el: ChisoMap, layer: ChisoCaseLayer) {
  const canvas = el.map!.getCanvasContainer().querySelector<HTMLCanvasElement>('canvas.chiso-map-overlay');
  const written = (layer as unknown as { drawing: { labels?: { written: Array<{ x: number; y: number; text: string }> } } }).drawing.labels?.written ?? [];
  return { canvas, written };
}
/** Every circle drawn has its label on it, in the overlay's pixels, under the "< 5" rule (never 1–4). */
function expectLabelsOnCircles(el: ChisoMap, layer: ChisoCaseLayer, fewest = 6) {
  const map = el.map!;
  const { canvas, written } = labelOverlay(el, layer);
  const box = canvas!.getBoundingClientRect();
  const mapBox = map.getCanvas().getBoundingClientRect();
  expect([box.left, box.top, box.width, box.height], 'the labels\' canvas lies on the map').to.deep.equal([mapBox.left, mapBox.top, mapBox.width, mapBox.height]);
  const ratio = canvas!.width / box.width;
  const g = canvas!.getContext('2d', { willReadFrequently: true })!;
  const circles = map.queryRenderedFeatures({ layers: [idOf(el, '-circles')!] });
  expect(circles.length).to.be.at.least(fewest);
  for (const f of circles) {
    const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
    const label = written.find((w) => Math.hypot(w.x - p.x, w.y - p.y) < 1.5);
    expect(label, `a label on the circle of ${f.properties.a}`).to.not.equal(undefined);
    expect(label!.text).to.equal(f.properties.c < 5 ? '< 5' : new Intl.NumberFormat('vi-VN').format(f.properties.n));
    expect(inkIn(g, (p.x - 4) * ratio, (p.y - 4) * ratio, 8 * ratio, 8 * ratio), `ink of ${label!.text}`).to.be.greaterThan(0);
  }
  for (const w of written) expect(/^[1-4]$/.test(w.text), w.text).to.equal(false);
  return { written };
}
/** Pixels of a canvas (or of a picture's 2D context) within a box, that are drawn (alpha) and dark (the labels' text). */
function inkIn(g: CanvasRenderingContext2D, x0: number, y0: number, w: number, h: number, dark = false): number {
  const d = g.getImageData(Math.round(x0), Math.round(y0), Math.round(w), Math.round(h)).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (dark ? d[i + 3] > 200 && d[i] < 70 && d[i + 1] < 70 && d[i + 2] < 70 : d[i + 3] > 0) n++;
  return n;
}

describe('<chiso-case-layer> on the real daily cases by province', function () {
  this.timeout(120000);
  afterEach(() => resetMouse());

  it('summary.total equals the sum of the input exactly, over the whole series and over a range', async function () {
    await provincesOrSkip(this);
    const csv = (await dailyCsv())!;
    const sums = sumCsv(csv);
    const { layer, summary, el } = await mount({ countData: csv }, { mode: 'area' });
    expect(summary.total).to.equal(sums.total);
    expect(summary.total).to.equal(2_208_650);
    expect(layer.summary).to.deep.equal(summary);
    for (const [code, n] of Object.entries(sums.byArea)) expect(summary.byArea[code.padStart(2, '0')], code).to.equal(n);
    for (const [date, n] of Object.entries(sums.byDate)) if (n) expect(summary.byDate[date], date).to.equal(n);
    // A range: the sum of those columns only, and chiso-change says so.
    const change = nextEvent<CaseSummary>(layer, 'chiso-change');
    layer.from = '2021-08-01';
    layer.to = '2021-08-31';
    const changed = (await change).detail;
    const august = Object.entries(sums.byDate).filter(([d]) => d >= '2021-08-01' && d <= '2021-08-31').reduce((t, [, n]) => t + n, 0);
    expect(changed.total).to.equal(august);
    expect(layer.summary!.total).to.equal(august);
    expect(Object.keys(changed.byDate).every((d) => d >= '2021-08-01' && d <= '2021-08-31')).to.equal(true);
    // The screen-reader summary of the map names the day and the range.
    await layer.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part="summary"]'))).to.contain('31/08/2021');
  });

  it('a counts feed given as src is read as counts, exactly as counts reads it', async function () {
    await provincesOrSkip(this);
    const { layer, summary, root } = await mount({ src: DAILY_CSV }, { mode: 'area' });
    expect(summary.total).to.equal(sumCsv((await dailyCsv())!).total);
    expect(layer.state).to.equal('ready');
    expect(text(root)).not.to.contain('Không có ca bệnh');
  });

  it('a feed that is missing (404) leaves the map drawn and the layer in error, never loading', async function () {
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} boundaries=${PROVINCES_2025} eager label="Ca bệnh">
      <chiso-case-layer src="/__feeds/status?code=404&key=cases-missing"></chiso-case-layer></chiso-map>`);
    const layer = el.querySelector('chiso-case-layer') as ChisoCaseLayer;
    await waitUntil(() => layer.state === 'error', 'the layer says so', { timeout: 20000 });
    await el.ready;
    expect(el.state).to.equal('ready');
    expect(text(layer.shadowRoot!.querySelector('[part="error"]'))).to.contain('HTTP 404');
  });

  it('a feed with neither points nor daily counts says what was expected', async function () {
    const yearly = { chiso: 1, observations: [{ area: '25', period: '2021', value: 5442 }, { area: '06', period: '2021', value: 789 }] };
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} boundaries=${PROVINCES_2025} eager label="Ca bệnh">
      <chiso-case-layer .data=${yearly}></chiso-case-layer></chiso-map>`);
    const layer = el.querySelector('chiso-case-layer') as ChisoCaseLayer;
    await el.ready;
    await waitUntil(() => layer.state === 'empty', 'empty state', { timeout: 20000 });
    await layer.updateComplete;
    const said = text(layer.shadowRoot!);
    expect(said).to.contain('cần các điểm GeoJSON (Point, có date và status) hoặc số ca theo địa bàn và theo ngày');
    expect(said).not.to.contain('Không có ca bệnh nào');
  });

  it('area mode: each province coloured by its class that day, drawn on the canvas, with a legend', async function () {
    const provinces = await provincesOrSkip(this);
    const csv = (await dailyCsv())!;
    const { el, layer, map, root } = await mount({ countData: csv }, { mode: 'area', date: '2021-08-15', from: '2021-07-01', to: '2021-09-30' });
    await idle(map);
    const colorKey = `${idOf(el, '-fill')!.replace(/-fill$/, '')}-color`;
    // Hồ Chí Minh City (79) had thousands of cases that day: the darkest classes; a quiet province is not.
    const hcm = map.getFeatureState({ source: 'chiso-boundaries', id: '79' })[colorKey];
    expect(['#f03b20', '#bd0026']).to.include(hcm);
    const rendered = map.queryRenderedFeatures({ layers: [idOf(el, '-fill')!] });
    expect(rendered.length).to.be.greaterThan(40);
    // The legend lists the "< 5" class first and the classes after it in the same colours.
    const items = [...root.querySelectorAll('[part="legend"] li')];
    expect(text(items[0])).to.equal('< 5 ca');
    expect(items.length).to.be.within(3, 6);
    // The drawn pixel at the province's anchor has the fill colour (opacity 0.85 over the land).
    expect(provinces.some((f) => f.properties.code === '79')).to.equal(true);
    const anchor = map.project([106.66, 10.78]); // inside Hồ Chí Minh City, away from its borders
    const canvas = map.getCanvas();
    const ratio = canvas.width / canvas.clientWidth;
    const c = document.createElement('canvas');
    c.width = canvas.width;
    c.height = canvas.height;
    const g = c.getContext('2d')!;
    g.drawImage(canvas, 0, 0);
    const [r, gr, b] = g.getImageData(Math.round(anchor.x * ratio), Math.round(anchor.y * ratio), 1, 1).data;
    const fill = [1, 3, 5].map((i) => parseInt(hcm.slice(i, i + 2), 16));
    const land = [0xf4, 0xf1, 0xea];
    const expected = fill.map((v, i) => Math.round(v * 0.85 + land[i] * 0.15));
    expect(Math.abs(r - expected[0]) + Math.abs(gr - expected[1]) + Math.abs(b - expected[2]), `${[r, gr, b]} vs ${expected}`).to.be.lessThan(24);
    expect(layer.state).to.equal('ready');
  });

  it('risk levels: from the rule on 7-day cases per 100,000, and from the feed when it gives them', async function () {
    await provincesOrSkip(this);
    const csv = (await dailyCsv())!;
    // Population written for the test: 1,000,000 everywhere, so the rate is the 7-day count / 10.
    const codes = ['01', '79', '06', '25', '30', '48', '56'];
    const populationData = { chiso: 1, observations: codes.map((area) => ({ indicator: 'population', area, period: '2021', value: 1_000_000 })) };
    const { layer, root, summary } = await mount({ countData: csv, populationData }, { mode: 'area', value: 'risk', date: '2021-08-15' });
    expect(summary.total).to.equal(2_208_650);
    layer.tableOpen = true;
    await layer.updateComplete;
    const seven = sumCsv(csv).byDate; // national only; per area below
    expect(seven).to.be.an('object');
    // Per province: the 7 days ending 2021-08-15, summed from the CSV by hand.
    const header = csv.split('\n')[0].split(',');
    const cols = header.map((h, i) => [h, i] as const).filter(([h]) => h >= '2021-08-09' && h <= '2021-08-15').map(([, i]) => i);
    for (const line of csv.trim().split('\n').slice(1)) {
      const cells = line.split(',');
      const code = cells[0].padStart(2, '0');
      if (!codes.includes(code)) continue;
      const cases7 = cols.reduce((t, i) => t + (Number(cells[i]) || 0), 0);
      const row = root.querySelector(`tr[data-code="${code}"]`);
      if (!row) continue; // no case in the whole series
      const level = row.querySelector('td[data-risk]')!.getAttribute('data-risk');
      expect(level, code).to.equal(String(riskLevel(cases7 / 10)));
    }
    expect(text(root.querySelector('[part="legend"]'))).to.contain('150');
    // The feed's own levels win: a risk indicator says Bắc Kạn (06) is level 3 from 2021-08-10.
    const feedLevels = { chiso: 1, observations: [{ indicator: 'risk', area: '06', period: '2021-08-10', value: 3 }, { indicator: 'cases', area: '06', period: '2021-08-12', value: 7 }] };
    layer.countData = feedLevels;
    await nextEvent(layer, 'chiso-change');
    await layer.updateComplete;
    layer.date = '2021-08-15';
    await layer.updateComplete;
    expect(root.querySelector('tr[data-code="06"] td[data-risk]')!.getAttribute('data-risk')).to.equal('3');
    expect(text(root.querySelector('[part="legend"]'))).to.contain('nguồn dữ liệu');
  });

  it('time: play advances day by day with chiso-date, pause stops, step and the slider move, the chart picks a day', async function () {
    await provincesOrSkip(this);
    const csv = (await dailyCsv())!;
    const { layer, root, el, map } = await mount({ countData: csv }, { mode: 'bubbles', from: '2021-07-01', to: '2021-07-31', date: '2021-07-01' });
    const dates: string[] = [];
    layer.addEventListener('chiso-date', (e) => dates.push((e as CustomEvent<CaseDateDetail>).detail.date));
    layer.speed = 16;
    (root.querySelector('[part="play"]') as HTMLButtonElement).click();
    await waitUntil(() => dates.length >= 4, 'playback advances', { timeout: 5000 });
    await idle(map);
    const resting = labelOverlay(el, layer);
    expect(resting.written, 'count labels rest while playing').to.deep.equal([]);
    expect(inkIn(resting.canvas!.getContext('2d')!, 0, 0, resting.canvas!.width, resting.canvas!.height), 'nothing written on their canvas').to.equal(0);
    expect(root.querySelector('[part="play"]')!.getAttribute('aria-pressed')).to.equal('true');
    (root.querySelector('[part="play"]') as HTMLButtonElement).click(); // pause
    await layer.updateComplete;
    expect(layer.playing).to.equal(false);
    await idle(map);
    // And come back on pause: one on each circle (however few that day has).
    const back = expectLabelsOnCircles(el, layer, 1);
    expect(back.written.length, 'and come back on pause').to.be.greaterThan(0);
    expect(dates.slice(0, 4)).to.deep.equal(['2021-07-02', '2021-07-03', '2021-07-04', '2021-07-05']);
    const stopped = dates.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(dates.length, 'no more days after pause').to.equal(stopped);
    // The value detail: the national new cases that day, from the CSV.
    const at = layer.date!;
    layer.step(1);
    await layer.updateComplete;
    expect(layer.date).to.not.equal(at);
    // Keyboard on the slider.
    const slider = root.querySelector('[part="slider"]') as HTMLInputElement;
    slider.focus();
    const before = layer.date;
    await sendKeys({ press: 'ArrowRight' });
    await layer.updateComplete;
    expect(layer.date! > before!).to.equal(true);
    expect(slider.getAttribute('aria-valuetext')).to.match(/^\d{2}\/\d{2}\/2021$/);
    // A click near the chart's right end picks the range's last day.
    const chart = root.querySelector('[part="chart"]') as SVGSVGElement;
    chart.scrollIntoView({ block: 'center' });
    const box = chart.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.right - 3), Math.round(box.top + box.height / 2)] });
    await layer.updateComplete;
    expect(layer.date).to.equal('2021-07-31');
    // Playing from the end starts over at the range's first day.
    layer.play();
    await waitUntil(() => layer.date! < '2021-07-10', 'restarted from the range start', { timeout: 3000 });
    layer.pause();
  });

  it('time without a date: the first move from the last day shown is told (chiso-date)', async function () {
    await provincesOrSkip(this);
    const csv = (await dailyCsv())!;
    const { layer } = await mount({ countData: csv }, { mode: 'bubbles', from: '2021-07-01', to: '2021-07-31' });
    expect(layer.date, 'no date given').to.not.be.ok;
    const moved = nextEvent<CaseDateDetail>(layer, 'chiso-date');
    layer.step(-1);
    expect((await moved).detail.date).to.equal('2021-07-30');
  });

  it('play asked before the data is read starts from the range\'s first day once it is', async function () {
    await provincesOrSkip(this);
    const csv = (await dailyCsv())!;
    const { el } = await mountMap(PROVINCES, html`<chiso-case-layer mode="bubbles" from="2021-07-01" to="2021-07-31" speed="16"></chiso-case-layer>`, { label: 'Ca bệnh', style: SIZE });
    const layer = el.querySelector('chiso-case-layer') as ChisoCaseLayer;
    layer.play();
    await new Promise((r) => setTimeout(r, 300));
    expect(layer.playing, 'still playing with nothing to play yet').to.equal(true);
    const dates: string[] = [];
    layer.addEventListener('chiso-date', (e) => dates.push((e as CustomEvent<CaseDateDetail>).detail.date));
    layer.countData = csv;
    await waitUntil(() => dates.length >= 3, 'playback runs once the days are read', { timeout: 20000 });
    layer.pause();
    expect(dates[0] <= '2021-07-03', `from the range's start (${dates[0]})`).to.equal(true);
  });
  it('dates read dd/mm/yyyy in Vietnamese and 1 Jul 2021 in English, typed or stepped with the keyboard, whatever the browser locale', async function () {
    await provincesOrSkip(this);
    const csv = (await dailyCsv())!;
    const { layer, root } = await mount({ countData: csv }, { mode: 'area', from: '2021-07-01', to: '2021-08-31', date: '2021-07-15' });
    expect(root.querySelector('input[type="date"]'), 'no native date input: it follows the browser, not the page').to.equal(null);
    const from = root.querySelector('input[data-control="from"]') as HTMLInputElement;
    const to = root.querySelector('input[data-control="to"]') as HTMLInputElement;
    expect([from.value, to.value]).to.deep.equal(['01/07/2021', '31/08/2021']);
    expect(text(root.querySelector('.current'))).to.equal('15/07/2021');
    // Typed as people write it.
    from.value = '2/7/2021';
    from.dispatchEvent(new Event('change'));
    await layer.updateComplete;
    expect(layer.from).to.equal('2021-07-02');
    expect(from.value).to.equal('02/07/2021');
    // Not a day: refused with a message, the range kept.
    from.value = '31/02/2021';
    from.dispatchEvent(new Event('change'));
    await layer.updateComplete;
    expect(layer.from).to.equal('2021-07-02');
    expect(from.getAttribute('aria-invalid')).to.equal('true');
    expect(text(from.parentElement!.querySelector('[role="alert"]'))).to.contain('dd/mm/yyyy');
    // The keyboard: a day up, a month down, the end of the data.
    from.focus();
    await sendKeys({ press: 'ArrowUp' });
    await layer.updateComplete;
    expect(layer.from).to.equal('2021-07-03');
    expect(from.getAttribute('aria-invalid')).to.equal('false');
    to.focus();
    await sendKeys({ press: 'End' });
    await layer.updateComplete;
    expect(layer.to).to.equal(Object.keys(sumCsv(csv).byDate).sort().at(-1));
    // English: a month name, so 1 July is never read as 7 January.
    layer.lang = 'en';
    await layer.updateComplete;
    const fromEn = root.querySelector('input[data-control="from"]') as HTMLInputElement;
    expect(fromEn.value).to.equal('3 Jul 2021');
    fromEn.value = '1 Aug 2021';
    fromEn.dispatchEvent(new Event('change'));
    await layer.updateComplete;
    expect(layer.from).to.equal('2021-08-01');
    expect(text(root.querySelector('.current'))).to.equal('1 Aug 2021');
    expect((root.querySelector('[part="slider"]') as HTMLInputElement).getAttribute('aria-valuetext')).to.equal('1 Aug 2021');
  });

  it('measures and rates: cumulative and 7-day values match the CSV; rates of few cases read "< x"; rows show their area', async function () {
    await provincesOrSkip(this);
    const csv = (await dailyCsv())!;
    const sums = sumCsv(csv);
    const populationData = { chiso: 1, observations: [{ indicator: 'population', area: '06', period: '2021', value: 314_000 }, { indicator: 'population', area: '79', period: '2021', value: 9_000_000 }] };
    const { el, layer, root } = await mount({ countData: csv, populationData }, { mode: 'area', measure: 'cumulative', from: '2021-08-01', to: '2021-08-31', date: '2021-08-10', value: 'rate' });
    const summaryLine = () => text(el.shadowRoot!.querySelector('[part="summary"]'));
    const sumDays = (from: string, to: string) => Object.entries(sums.byDate).filter(([d]) => d >= from && d <= to).reduce((t, [, n]) => t + n, 0);
    const fmt = (n: number, d = 0) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: d }).format(n).replace(/\u00a0/g, ' ');
    expect(summaryLine()).to.contain(`10/08/2021: ${fmt(sumDays('2021-08-01', '2021-08-10'))} ca`);
    // The 7-day average, from the measure menu.
    const menu = root.querySelector('select[data-control="measure"]') as HTMLSelectElement;
    menu.value = 'avg7';
    menu.dispatchEvent(new Event('change'));
    await layer.updateComplete;
    expect(layer.measure).to.equal('avg7');
    expect(summaryLine()).to.contain(`10/08/2021: ${fmt(sumDays('2021-08-04', '2021-08-10') / 7, 1)} ca`);
    // Rates: Bắc Kạn (06) had fewer than 5 cases in those 7 days, so its rate reads "< x" (x = 5 per 314,000).
    layer.tableOpen = true;
    await layer.updateComplete;
    const header = [...root.querySelectorAll('[part="table"] thead th')].map((th) => text(th));
    const rateCol = header.indexOf('Ca / 100.000 dân (7 ngày)');
    expect(rateCol).to.be.greaterThan(0);
    const row06 = root.querySelector('tr[data-code="06"]');
    if (row06) {
      const cells = [...row06.children].map((c) => text(c));
      const week = csv.trim().split('\n').slice(1).map((l) => l.split(',')).find((c) => c[0].padStart(2, '0') === '06')!;
      const cols = csv.split('\n')[0].split(',').map((h, i) => [h, i] as const).filter(([h]) => h >= '2021-08-04' && h <= '2021-08-10').map(([, i]) => i);
      const cases7 = cols.reduce((t, i) => t + (Number(week[i]) || 0), 0);
      expect(cells[rateCol]).to.equal(cases7 > 0 && cases7 < 5 ? `< ${fmt((5 * 100000) / 314000, 1)}` : fmt((cases7 * 100000) / 314000, 1));
    }
    // The legend is of the rate; a row with keyboard focus outlines its area and shows its tooltip.
    expect(root.querySelector('[part="legend"]')!.getAttribute('aria-label')).to.equal('Ca / 100.000 dân (7 ngày)');
    const row = root.querySelector('tr[data-code="79"]') as HTMLElement;
    row.focus();
    await waitUntil(() => tooltipText(el).startsWith('Hồ Chí Minh'), 'tooltip of the focused row');
    expect(tooltipText(el)).to.contain('Ca / 100.000 dân (7 ngày)');
  });
});

describe('<chiso-case-layer> privacy with seeded synthetic case points', function () {
  this.timeout(120000);
  afterEach(() => resetMouse());

  for (const renderer of RENDERERS) {
    it(`no count under k anywhere users look: labels, tooltips, table, summary line${on(renderer)}`, async function () {
      const provinces = await atlasProvinces();
      const fc = syntheticCases(provinces, { n: 1500, seed: 7, days: 40 });
      const { el, layer, map, root, summary } = await mount({ data: fc }, { mode: 'bubbles', measure: 'new', date: '2021-07-20', renderer }, PROVINCES_2025);
      expect(summary.total).to.equal(1500);
      await idle(map);
      const circles = map.queryRenderedFeatures({ layers: [idOf(el, '-circles')!] });
      expect(circles.length).to.be.greaterThan(5);
      const small = circles.filter((f) => f.properties.c > 0 && f.properties.c < 5);
      expect(small.length, 'the seeded data has areas with 1–4 cases that day').to.be.greaterThan(0);
      // The count labels written over the circles: one on each circle drawn, none a number under 5.
      const { written } = expectLabelsOnCircles(el, layer);
      expect(written.map((w) => w.text)).to.include('< 5');
      // The map's picture has them too: dark text where a label is (the circles are pink, the areas light).
      const picture = await createImageBitmap(await el.toImage({ scale: 1 }));
      const pc = document.createElement('canvas');
      [pc.width, pc.height] = [picture.width, picture.height];
      const pg = pc.getContext('2d', { willReadFrequently: true })!;
      pg.drawImage(picture, 0, 0);
      // Below the title's band (25–60 px) the map starts: a label at y is between y + 20 and y + 65 in the picture.
      const below = written.filter((l) => l.y > 100).slice(0, 3);
      expect(below.length).to.be.greaterThan(0);
      for (const w of below) expect(inkIn(pg, w.x - 8, w.y + 20, 16, 45, true), `"${w.text}" in the picture`).to.be.greaterThan(0);
      // Tooltips over circles with few cases.
      for (const f of small.slice(0, 3)) {
        const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        const box = map.getCanvas().getBoundingClientRect();
        await sendMouse({ type: 'move', position: [Math.round(box.left + p.x), Math.round(box.top + p.y)] });
        await waitUntil(() => tooltipText(el).length > 0, 'tooltip shown');
        const t = tooltipText(el);
        expect(t).to.contain('< 5');
        expect(countsOnly(t), t).to.not.match(SMALL_COUNT);
      }
      // The table: every number cell either 0, "< 5", or 5 and more.
      layer.tableOpen = true;
      await layer.updateComplete;
      const cells = [...root.querySelectorAll('[part="table"] td')].map((td) => text(td));
      expect(cells.length).to.be.greaterThan(20);
      for (const c of cells) expect(/^[1-4]$/.test(c), `cell "${c}"`).to.equal(false);
      expect(cells).to.include('< 5');
      // The CSV a reader downloads: the table's rows in its order, and the same rule (no cell 1–4, "< 5" instead).
      const csv = await layer.toCSV();
      expect(csv.charCodeAt(0)).to.equal(0xfeff);
      const lines = csv.slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
      expect(lines[0].slice(0, 2)).to.deep.equal(['Địa bàn', 'Mã địa bàn']);
      const tableCodes = [...root.querySelectorAll('[part="table"] tbody tr')].map((tr) => tr.getAttribute('data-code'));
      expect(lines.slice(1).map((c) => c[1])).to.deep.equal(tableCodes);
      const csvCells = lines.slice(1).flatMap((c) => c.slice(2));
      for (const c of csvCells) expect(/^[1-4](\.0+)?$/.test(c), `CSV cell "${c}"`).to.equal(false);
      expect(csvCells).to.include('< 5');
      expect(root.querySelector('[part="download"]')).to.exist;
      // A publisher named on the layer: in its source line and on every row of the CSV.
      layer.source = 'CDC tỉnh (dữ liệu mẫu)';
      await layer.updateComplete;
      expect(text(root.querySelector('[part="source"]'))).to.equal('Nguồn: CDC tỉnh (dữ liệu mẫu)');
      const named = (await layer.toCSV()).slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
      expect(named[0].at(-1)).to.equal('Nguồn');
      expect(named.slice(1).every((c) => c.at(-1) === 'CDC tỉnh (dữ liệu mẫu)')).to.equal(true);
      layer.source = undefined;
      // The map's summary line for screen readers.
      const line = text(el.shadowRoot!.querySelector('[part="summary"]'));
      expect(countsOnly(line)).to.not.match(SMALL_COUNT);
      // The next day: the labels are that day's, on that day's circles.
      const before = labelOverlay(el, layer).written.map((w) => w.text).join();
      layer.date = '2021-07-21';
      await layer.updateComplete;
      await idle(map);
      expectLabelsOnCircles(el, layer);
      expect(labelOverlay(el, layer).written.map((w) => w.text).join(), 'another day, other counts').to.not.equal(before);
    });
  }

  for (const renderer of RENDERERS) {
    it(`no coordinates and no unlisted property: sources hold areas only, tables have no positions${on(renderer)}`, async function () {
      const provinces = await atlasProvinces();
      const fc = syntheticCases(provinces, { n: 800, seed: 11, days: 30, withArea: 0.5 });
      const { el, layer, map, root } = await mount({ data: fc }, { mode: 'cluster', measure: 'cumulative', renderer }, PROVINCES_2025);
      await idle(map);
      const positions = new Set(fc.features.map((f: { geometry: { coordinates: number[] } }) => f.geometry.coordinates.map((x) => x.toFixed(4)).join(',')));
      // Every drawn circle sits on a province's anchor or is a cluster; none at a case's position.
      const drawn = map.queryRenderedFeatures({ layers: [idOf(el, '-circles')!] });
      expect(drawn.length).to.be.greaterThan(0);
      for (const f of drawn) {
        const key = ((f.geometry as GeoJSON.Point).coordinates as number[]).map((x) => x.toFixed(4)).join(',');
        expect(positions.has(key), key).to.equal(false);
        const allowed = ['a', 'n', 'c', 'cluster', 'cluster_id', 'point_count', 'point_count_abbreviated'];
        for (const k of Object.keys(f.properties)) expect(allowed, k).to.include(k);
      }
      expect(layerIds(el).some((id) => id.endsWith('-points')), 'no individual layer unless enabled').to.equal(false);
      // Cases without an area were placed by their coordinates: each one inside a province is counted there;
      // the few the generator put in the sea (provinces whose box spans the archipelagos) count in the total only.
      const s = layer.summary!;
      const polys = provinces.map((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates));
      const outside = fc.features.filter((f: { properties: { area?: string }; geometry: { coordinates: [number, number] } }) =>
        !f.properties.area && !polys.some((p) => inPolygon(f.geometry.coordinates, p))).length;
      expect(s.total).to.equal(800);
      expect(Object.values(s.byArea).reduce((t, n) => t + n, 0)).to.equal(800 - outside);
      if (outside) expect(text(root.querySelector('[part="error"]'))).to.contain('không xác định được địa bàn');
      // Nothing of the line list (names, phones, ages) in the element, the map or its tooltip.
      layer.tableOpen = true;
      await layer.updateComplete;
      const all = `${text(root as unknown as Element)} ${text(el.shadowRoot as unknown as Element)}`;
      expect(all).to.not.contain('Bệnh nhân');
      expect(all).to.not.match(/09\d{8}/);
      expect(all).to.not.match(/\b1(0[2-9]|1\d)[.,]\d{3,}/); // no longitude such as 105.83412 (102–119 °E)
      // A click on a cluster zooms in (expands it).
      const cluster = drawn.find((f) => f.properties.cluster);
      if (cluster) {
        const z = map.getZoom();
        const p = map.project((cluster.geometry as GeoJSON.Point).coordinates as [number, number]);
        const box = map.getCanvas().getBoundingClientRect();
        await sendMouse({ type: 'click', position: [Math.round(box.left + p.x), Math.round(box.top + p.y)] });
        await waitUntil(() => map.getZoom() > z + 0.5, 'the cluster expands', { timeout: 8000 });
      }
    });
  }

  for (const renderer of RENDERERS) {
    it(`individual points only when enabled, only from min-zoom-points, with whitelisted fields only${on(renderer)}`, async function () {
      const provinces = await atlasProvinces();
      const fc = syntheticCases(provinces, { n: 400, seed: 3, days: 20 });
      const { el, layer, map } = await mount({ data: fc }, { mode: 'heat', measure: 'cumulative', 'min-zoom-points': '9', 'point-fields': 'age', renderer }, PROVINCES_2025);
      await idle(map);
      const pointsId = idOf(el, '-points')!;
      expect(pointsId).to.exist;
      expect(map.getZoom()).to.be.lessThan(9);
      expect(map.queryRenderedFeatures({ layers: [pointsId] }).length, 'none below the zoom').to.equal(0);
      // Zoomed in over a case: its point is drawn, and its tooltip has date, status and the listed field only.
      const target = fc.features[0] as { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } };
      map.jumpTo({ center: target.geometry.coordinates, zoom: 11 });
      await idle(map);
      const pts = map.queryRenderedFeatures({ layers: [pointsId] });
      expect(pts.length).to.be.greaterThan(0);
      for (const f of pts) expect(Object.keys(f.properties).sort()).to.deep.equal(['d', 'i', 's']);
      const p = map.project(target.geometry.coordinates);
      const box = map.getCanvas().getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.left + p.x), Math.round(box.top + p.y)] });
      await waitUntil(() => tooltipText(el).includes('age'), 'point tooltip');
      const t = tooltipText(el);
      expect(t).to.not.contain('Bệnh nhân');
      expect(t).to.not.match(/09\d{8}/);
      // Heat mode draws a heatmap layer over the anchors: coloured at the anchor of the province with most cases.
      expect(map.getLayer(idOf(el, '-heat')!)?.type).to.equal('heatmap');
      const [top] = Object.entries(layer.summary!.byArea).sort((x, y) => y[1] - x[1])[0];
      const anchor = el.boundaryAreas!.areas.get(top)!.anchor;
      map.jumpTo({ center: anchor, zoom: 6 });
      await idle(map);
      const c = map.getCanvas();
      const copy = document.createElement('canvas');
      [copy.width, copy.height] = [c.width, c.height];
      const g = copy.getContext('2d')!;
      g.drawImage(c, 0, 0);
      const at = map.project(anchor);
      const [r, gr, b] = g.getImageData(Math.round((at.x * c.width) / c.clientWidth), Math.round((at.y * c.height) / c.clientHeight), 1, 1).data;
      expect(Math.max(r, gr, b) - Math.min(r, gr, b), `a heat colour (${r},${gr},${b}), not the grey land`).to.be.greaterThan(40);
      expect(layer.state).to.equal('ready');
    });
  }

  it('bad input: a failing feed shows a localized error and chiso-error; the last good data stays', async function () {
    const provinces = await atlasProvinces();
    const fc = syntheticCases(provinces, { n: 40, seed: 5, days: 10 });
    const { layer, root } = await mount({ src: okUrl(fc, { key: `cases-${Date.now()}` }) }, { mode: 'bubbles' }, PROVINCES_2025);
    expect(layer.summary!.total).to.equal(40);
    const error = nextEvent<{ code: string; message: string }>(layer, 'chiso-error', 20000);
    layer.src = '/__feeds/status?code=500&key=cases-fail';
    const detail = (await error).detail;
    expect(detail.code).to.equal('http');
    await layer.updateComplete;
    expect(layer.state).to.equal('stale');
    expect(layer.summary!.total, 'last good data kept').to.equal(40);
    expect(root.querySelector('[part="error"]')).to.exist;
    // The feed answers again: ready, the message gone.
    const change = nextEvent(layer, 'chiso-change', 20000);
    layer.src = okUrl(fc.features.length ? { ...fc, features: fc.features.slice(0, 30) } : fc, { key: `cases-back-${Date.now()}` });
    await change;
    await waitUntil(() => layer.state === 'ready', 'ready again after the feed recovered', { timeout: 10000 });
    expect(layer.summary!.total).to.equal(30);
    expect(root.querySelector('[part="error"]')).to.equal(null);
    // Records without a valid date or status are skipped and said once.
    const skipped = nextEvent<{ message: string }>(layer, 'chiso-error');
    layer.data = { type: 'FeatureCollection', features: [...fc.features, { type: 'Feature', properties: { date: 'hôm qua', status: 'home', name: '<img src=x onerror=alert(1)>' }, geometry: { type: 'Point', coordinates: [105.8, 21] } }] };
    expect((await skipped).detail.message).to.contain('Bỏ qua 1');
    await layer.updateComplete;
    expect(root.querySelector('img')).to.equal(null);
  });

  it('English, and a theme change keeps the map drawn', async function () {
    const provinces = await atlasProvinces();
    const fc = syntheticCases(provinces, { n: 300, seed: 9, days: 15 });
    const { layer, root, el, map } = await mount({ data: fc }, { mode: 'area' }, PROVINCES_2025);
    layer.lang = 'en';
    await layer.updateComplete;
    expect(text(root.querySelector('[part="table-toggle"]'))).to.equal('Show data table');
    expect(root.querySelector('[part="play"]')!.textContent).to.contain('Play');
    expect(text(root.querySelector('[part="legend"] li'))).to.equal('< 5 cases');
    layer.theme = 'contrast';
    await layer.updateComplete;
    await idle(map);
    expect(map.queryRenderedFeatures({ layers: [idOf(el, '-fill')!] }).length).to.be.greaterThan(0);
  });
});

describe('<chiso-case-layer>: counts keyed by pre-2025 codes on the 2025 units (the atlas crosswalk)', function () {
  this.timeout(120000);
  /** The crosswalk file as rows, read here without chiso's reader. */
  const crosswalkRows = async () => {
    const c = await (await fetch('/packages/atlas/data/crosswalk.json')).json() as { columns: string[]; rows: unknown[][] };
    return c.rows.map((r) => Object.fromEntries(c.columns.map((k, i) => [k, r[i]]))) as Array<{ oldProvinceCode: string; oldCode: string; newProvinceCode: string; newCode: string; partial: number }>;
  };

  it('the real daily series by the 63 old provinces, on the 34 provinces: each new province the sum of its old ones, a split one reported, not shared out', async function () {
    await provincesOrSkip(this);
    const csv = (await dailyCsv())!;
    const sums = sumCsv(csv);
    const { layer } = await mount({ countData: csv }, { mode: 'area' }, PROVINCES_2025);
    await waitUntil(() => layer.carried && layer.summary, 'carried through the crosswalk', { timeout: 30000 });
    // By hand: old province → the new provinces it went to.
    const targets = new Map<string, Set<string>>();
    for (const r of await crosswalkRows()) if (r.oldProvinceCode) targets.set(r.oldProvinceCode, (targets.get(r.oldProvinceCode) ?? new Set()).add(r.newProvinceCode));
    const expected = new Map<string, number>();
    const split = new Set<string>();
    for (const [old, news] of targets) {
      const n = sums.byArea[String(Number(old))] ?? sums.byArea[old] ?? 0;
      for (const code of news) {
        if (news.size > 1) split.add(code);
        expected.set(code, (expected.get(code) ?? 0) + n);
      }
    }
    for (const code of split) expected.delete(code);
    const summary = layer.summary!;
    for (const [code, n] of expected) if (n) expect(summary.byArea[code], `province ${code}`).to.equal(n);
    for (const code of split) expect(summary.byArea[code] ?? 0, `split province ${code} is not guessed`).to.equal(0);
    // Split: the provinces that took part of old An Giang. Others may miss a day where an old province's cell is
    // empty (no figure): that day is reported, not filled in.
    expect([...new Set(layer.carried!.notCarried.filter((c) => c.reason === 'partial').map((c) => c.code))].sort()).to.deep.equal([...split].sort());
    expect(layer.carried!.notCarried.every((c) => c.reason === 'partial' || c.reason === 'missing')).to.equal(true);
    // Every case is there but those of the old provinces that went into a split new one (old An Giang, and the
    // provinces merged with its parts: Kiên Giang, Tiền Giang, Đồng Tháp).
    const leftOut = [...targets].filter(([, news]) => [...news].some((n) => split.has(n))).reduce((t, [old]) => t + (sums.byArea[String(Number(old))] ?? sums.byArea[old] ?? 0), 0);
    expect(leftOut).to.be.greaterThan(0);
    expect(summary.total, `unmatched: ${layer.carried!.unmatched}; missing: ${layer.carried!.notCarried.filter((c) => c.reason === "missing").length}`).to.equal(sums.total - leftOut);
    await layer.updateComplete;
    const warning = [...layer.shadowRoot!.querySelectorAll('[part="error"]')].map((p) => text(p)).join(' ');
    expect(warning).to.contain('đã được cộng vào');
    expect(warning).to.contain('bị chia tách');
  });

  it('a crosswalk that cannot be loaded: the old codes stay off the map, said in the layer and with chiso-error', async () => {
    // SYNTHETIC counts by two pre-2025 communes of Phú Thọ (codes no 2025 commune has).
    const rows = (await crosswalkRows()).filter((r) => r.newProvinceCode === '25' && !r.partial);
    const onMap = new Set(rows.map((r) => r.newCode));
    const olds = [...new Set(rows.map((r) => r.oldCode))].filter((c) => !onMap.has(c)).slice(0, 2);
    expect(olds).to.have.length(2);
    const feed = { chiso: 1, indicators: [{ id: 'cases', name: 'Ca mắc mới (mẫu)', unit: 'ca' }],
      observations: olds.map((old) => ({ indicator: 'cases', area: old, level: 'commune', period: '2021-08-01', value: 7 })) };
    const layer = document.createElement('chiso-case-layer') as ChisoCaseLayer;
    layer.countData = feed;
    layer.setAttribute('k', '1');
    const { wrap, said } = await mountWithoutCrosswalk('vn:communes/25', layer, SIZE);
    expect(said).to.contain('Không tải được bảng chuyển đổi mã cũ sang mã mới');
    expect(layer.carried).to.equal(undefined);
    wrap.remove();
  });

  it('synthetic counts by the old communes of Phú Thọ, on its 2025 communes: sums by hand from the crosswalk file; crosswalk="off" leaves them off the map', async () => {
    const rows = (await crosswalkRows()).filter((r) => r.newProvinceCode === '25');
    const olds = [...new Set(rows.map((r) => r.oldCode))];
    const valueOf = (old: string, day: number) => (Number(old) % 7) + day;
    const observations = olds.flatMap((old) => [1, 2].map((day) => ({ indicator: 'cases', area: old, level: 'commune', period: `2021-08-0${day}`, value: valueOf(old, day) })));
    const feed = { chiso: 1, indicators: [{ id: 'cases', name: 'Ca mắc mới (mẫu)', unit: 'ca' }], observations };
    const { layer } = await mount({ countData: feed }, { mode: 'area', k: '1' }, '/packages/atlas/data/communes/25.json');
    await waitUntil(() => layer.carried && layer.summary, 'carried through the crosswalk', { timeout: 30000 });
    // By hand: a new commune's parts; one with a partial part is not counted.
    const parts = new Map<string, Array<{ old: string; partial: boolean }>>();
    for (const r of rows) parts.set(r.newCode, [...(parts.get(r.newCode) ?? []), { old: r.oldCode, partial: !!r.partial }]);
    let checked = 0;
    let splitSeen = 0;
    for (const [code, list] of parts) {
      const got = layer.summary!.byArea[code] ?? 0;
      if (list.some((p) => p.partial)) {
        expect(got, `${code} took part of a split commune`).to.equal(0);
        expect(layer.carried!.notCarried.some((c) => c.code === code && c.reason === 'partial')).to.equal(true);
        splitSeen++;
      } else {
        expect(got, code).to.equal(list.reduce((t, p) => t + valueOf(p.old, 1) + valueOf(p.old, 2), 0));
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(100);
    expect(splitSeen).to.be.greaterThan(0);
    // Every carried figure names the old communes it came from.
    for (const c of layer.carried!.carried) expect(c.from.length).to.be.greaterThan(0);
    layer.crosswalk = 'off';
    await waitUntil(() => !layer.carried, 'nothing carried when off', { timeout: 10000 });
    const onMap = new Set(rows.map((r) => r.newCode));
    const drawnOld = Object.keys(layer.summary?.byArea ?? {}).filter((c) => !onMap.has(c));
    expect(drawnOld.length, 'the old codes stay as they are').to.be.greaterThan(0);
  });

  it('layer order: the area fill goes under a BTS layer\'s coverage and sites added before it, as the choropleth does', async () => {
    const communes = (await loadAtlas(PHU_THO_COMMUNES))!.features;
    const sites = syntheticSites(communes, { n: 60, seed: 5 });
    const observations = communes.map((f, i) => ({ indicator: 'cases', area: f.properties.code, level: 'commune', period: '2021-08-01', value: i % 9 }));
    const { el, map } = await mountMap(PHU_THO_COMMUNES, html`<chiso-bts-layer .data=${sites}></chiso-bts-layer>`, { label: 'BTS và ca bệnh (mẫu)', style: SIZE });
    await waitUntil(() => map.getStyle().layers.some((l) => l.id.startsWith('chiso-bts') && l.type === 'raster'), 'coverage drawn', { timeout: 30000 });
    // The case layer comes after the BTS layer is on the map: added last, its fill must still go under it.
    const layer = document.createElement('chiso-case-layer') as ChisoCaseLayer;
    layer.setAttribute('mode', 'area');
    layer.setAttribute('k', '1');
    layer.countData = { chiso: 1, indicators: [{ id: 'cases', unit: 'ca' }], observations };
    el.append(layer);
    await waitUntil(() => layer.state === 'ready', 'cases drawn', { timeout: 30000 });
    const ids = map.getStyle().layers.map((l) => l.id);
    const fill = ids.findIndex((id) => id.startsWith('chiso-cases-') && id.endsWith('-fill'));
    const bts = ids.findIndex((id) => id.startsWith('chiso-bts'));
    expect(fill, 'the case fill is drawn').to.be.greaterThan(-1);
    expect(bts, 'the BTS layers are drawn').to.be.greaterThan(-1);
    expect(fill, `fill at ${fill}, BTS from ${bts}: ${ids.join(' ')}`).to.be.lessThan(bts);
  });

  for (const renderer of RENDERERS) {
    it(`palette: the class colours of area mode come from the palette asked for (YlOrRd by default), on the legend and the map${on(renderer)}`, async () => {
      // SYNTHETIC counts on the 34 provinces of 2025 (the atlas): one province per class.
      const codes = ['01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25'];
      const observations = codes.map((area, i) => ({ indicator: 'cases', area, level: 'province', period: '2021-08-01', value: i < 2 ? 2 : 10 * i }));
      const feed = { chiso: 1, indicators: [{ id: 'cases', name: 'Ca mắc mới (mẫu)', unit: 'ca' }], observations };
      const { el, layer, map, root } = await mount({ countData: feed }, { mode: 'area', renderer }, 'vn:provinces');
      const swatches = () => [...root.querySelectorAll<HTMLElement>('[part="legend"] .swatch')].map((s) => getComputedStyle(s).backgroundColor);
      const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
      const YLORRD = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
      expect(swatches()[0]).to.equal(rgb(YLORRD[0]), 'the "< k" class is the lightest');
      const colorKey = `${idOf(el, '-fill')!.replace(/-fill$/, '')}-color`;
      const stateOf = (code: string) => map.getFeatureState({ source: 'chiso-boundaries', id: code })[colorKey];
      expect(stateOf('01')).to.equal(YLORRD[0], 'a count under k');
      expect(YLORRD.slice(1)).to.include(stateOf('25'));
      layer.setAttribute('palette', 'Blues');
      await waitUntil(() => swatches()[0] !== rgb(YLORRD[0]), 'the legend takes the new palette');
      const BLUES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
      expect(swatches()).to.deep.equal(BLUES.slice(0, swatches().length).map(rgb));
      await waitUntil(() => BLUES.includes(stateOf('25')), 'the map takes the new palette');
      expect(stateOf('01')).to.equal(BLUES[0]);
      // Drawn so: the pixel inside each coloured province is its colour at 0.85 over the land.
      await idle(map);
      const pixel = canvasSnapshot(map.getCanvas(), 3);
      const land = [0xf4, 0xf1, 0xea];
      for (const code of ['01', '25']) {
        const p = map.project(el.boundaryAreas!.areas.get(code)!.anchor);
        const want = [1, 3, 5].map((k, n) => Math.round(parseInt(stateOf(code).slice(k, k + 2), 16) * 0.85 + land[n] * 0.15));
        const got = pixel(p.x, p.y);
        expect(got && got.every((v, n) => Math.abs(v - want[n]) <= 6), `${code}: drawn ${got}, want ${want}`).to.equal(true);
      }
    });
  }

});
