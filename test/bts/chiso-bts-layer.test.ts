// <chiso-bts-layer> on the real Thái Nguyên communes (../shared/data/geo) with seeded synthetic sites and
// villages from scripts/synthetic-bts.mjs: stats against the pure maths and brute force, symbols and gaps
// actually rendered, the coverage fill's pixels against the footprints, filters, bad sites, tooltips, tables,
// legend, a choropleth fed by the layer, errors and clean-up. The switch from the canvas to MapLibre: bts-takeover.test.ts.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import '@chiso/bts';
import type { BtsStats, ChisoBtsLayer } from '@chiso/bts';
import type { ChisoMap, ChisoChoroplethLayer } from '@chiso/map';
import { coverageByCommune, footprintContains, footprintRadius, readSites, type Site } from '@chiso/bts/coverage';
// The element's own instance of the client (the module URL it imports), so the worker it started is seen.
import { coverageWorkerRunning } from '../../packages/bts/src/coverage-client.js';
import { inPolygon, syntheticSites, syntheticVillages } from '../../scripts/synthetic-bts.mjs';
import { canvasSnapshot, hexToRgb, loadAtlas, loadShared, PHU_THO_COMMUNES, THAI_NGUYEN_COMMUNES, type GeoFeature } from '../helpers/geo.js';
import { nextEvent, text } from '../helpers/feeds.js';
import { atlasFeatures } from '../helpers/map-fixture.js';
import { idOf, layerIds, mountBts, SIZE } from '../helpers/bts-fixture.js';

/** The drawing tests run on MapLibre (`auto`: canvas first, then MapLibre) and on the canvas renderer alone. */
const RENDERERS = ['auto', 'canvas'] as const;
const on = (renderer: string) => (renderer === 'canvas' ? ' — on the canvas renderer' : '');

/** Pixels of the map canvas, 5×5-uniform blocks only (±1 for the picture's resampling). */
const snapshot = (el: ChisoMap) => canvasSnapshot(el.map!.getCanvas(), 1);

describe('<chiso-bts-layer> on the real Thái Nguyên communes', function () {
  this.timeout(120000);
  afterEach(() => resetMouse());

  it('stats: the pure maths per commune, villages exactly as brute force, chiso-ready detail = stats', async function () {
    const communes = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const sitesFc = syntheticSites(communes, { n: 400, seed: 19 });
    const villagesFc = syntheticVillages(communes, { perCommune: 3, seed: 19 });
    const { layer, stats } = await mountBts(sitesFc, villagesFc);
    const sites = readSites(sitesFc.features.map((f: { id: string; properties: Record<string, unknown>; geometry: { coordinates: number[] } }) => ({ id: f.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], properties: f.properties }))).sites;
    expect(stats.sites).to.equal(400);
    expect(stats.rejected).to.deep.equal([]);
    expect(layer.stats).to.deep.equal(stats);
    // Every commune of the map, each as the pure strip sweep gives it (the worker runs the same code).
    const reference = coverageByCommune(sites, communes.map((f) => ({ code: f.properties.code, geometry: f.geometry as never })));
    expect(Object.keys(stats.areas).sort()).to.deep.equal(communes.map((f) => f.properties.code).sort());
    for (const f of communes) {
      const code = f.properties.code;
      expect(stats.areas[code].coveragePct, code).to.be.closeTo(reference.areas[code].coveragePct, 1e-6);
      expect(stats.areas[code].sites, code).to.equal(reference.areas[code].sites);
    }
    expect(stats.coveragePct).to.be.closeTo(reference.coveragePct, 1e-6);
    expect(stats.coveragePct).to.be.within(40, 99.9);
    // Villages: covered exactly when some footprint contains it (brute force over every site).
    const uncovered = villagesFc.features
      .filter((v: { geometry: { coordinates: number[] } }) => !sites.some((s) => footprintContains(s, footprintRadius(s), v.geometry.coordinates[0], v.geometry.coordinates[1])))
      .map((v: { id: string }) => v.id);
    expect(uncovered.length, 'the seeded data has gaps').to.be.greaterThan(3);
    expect([...stats.villages!.uncovered].sort()).to.deep.equal(uncovered.sort());
    expect(stats.villages!.total).to.equal(villagesFc.features.length);
    // Per commune, the village counts add up.
    const perArea = Object.values(stats.areas).reduce((t, a) => t + (a.villages?.total ?? 0), 0);
    expect(perArea).to.equal(villagesFc.features.length);
    expect(layer.state).to.equal('ready');
  });

  for (const renderer of RENDERERS) {
    it(`renders every site as a symbol by operator and technology, and every gap village highlighted${on(renderer)}`, async function () {
      const communes = await atlasFeatures(THAI_NGUYEN_COMMUNES);
      const sitesFc = syntheticSites(communes, { n: 300, seed: 5 });
      const villagesFc = syntheticVillages(communes, { perCommune: 3, seed: 5 });
      const { el, stats, map } = await mountBts(sitesFc, villagesFc, { renderer });
      const rendered = map.queryRenderedFeatures({ layers: [idOf(el, '-sites')] });
      const drawn = new Map(rendered.map((f) => [f.properties.i, f.properties]));
      expect(drawn.size, 'every site is drawn').to.equal(300);
      // The icon of each site names its operator and its highest technology.
      const sites = (el.querySelector('chiso-bts-layer') as ChisoBtsLayer).sites;
      for (const [i, p] of drawn) {
        const s = sites[i as number];
        expect(p.icon).to.match(new RegExp(`-${s.operator}-${s.tech[s.tech.length - 1]}$`));
      }
      const villages = map.queryRenderedFeatures({ layers: [idOf(el, '-villages'), idOf(el, '-gaps')] });
      const gapIdx = new Set(villages.filter((f) => f.properties.gap).map((f) => f.properties.i));
      const ids = villagesFc.features.map((f: { id: string }) => f.id);
      expect([...gapIdx].map((i) => ids[i as number]).sort()).to.deep.equal([...stats.villages!.uncovered].sort());
      // Gap villages are drawn larger, in the gap colour.
      const layerStyle = map.getStyle().layers.find((l) => l.id === idOf(el, '-villages')) as { paint: Record<string, unknown> };
      expect(JSON.stringify(layerStyle.paint['circle-color'])).to.contain('#c51b7d');
    });
  }

  for (const renderer of RENDERERS) {
    it(`the coverage fill lies exactly where the footprints are: sampled pixels against the geometry${on(renderer)}`, async function () {
      const communes = await atlasFeatures(THAI_NGUYEN_COMMUNES);
      const sitesFc = syntheticSites(communes, { n: 120, seed: 31, emptyShare: 0.4 });
      const { el, map, layer } = await mountBts(sitesFc, undefined, { renderer });
      layer.hideSites = true; // symbols off, so the fill is seen alone
      await layer.updateComplete;
      await new Promise((r) => map.once('idle', r));
      const sites = layer.sites;
      const pixel = snapshot(el);
      const land = hexToRgb(getComputedStyle(el).getPropertyValue('--_land').trim() || '#f4f1ea');
      const cover = hexToRgb('#7b3294');
      const a = 0.35;
      const blended = land.map((v, i) => Math.round(v * (1 - a) + cover[i] * a));
      const polys = communes.map((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][]);
      const canvas = map.getCanvas();
      // 4 CSS px of margin, in metres, around each footprint's edge: the picture's pixels are not exact there.
      const b = map.getBounds();
      const metresPerPx = ((b.getEast() - b.getWest()) * 111320 * Math.cos((b.getNorth() * Math.PI) / 180)) / canvas.clientWidth;
      const m = 4 * metresPerPx;
      const coveredAt = (lon: number, lat: number, grow: number) => sites.some((s: Site) => footprintContains(s, footprintRadius(s) + grow, lon, lat));
      let covered = 0;
      let bare = 0;
      const wrong: string[] = [];
      for (let y = 10; y < canvas.clientHeight - 10; y += 6) {
        for (let x = 10; x < canvas.clientWidth - 10; x += 6) {
          const { lng, lat } = map.unproject([x, y]);
          if (!polys.some((p) => inPolygon([lng, lat], p))) continue;
          const inner = coveredAt(lng, lat, -m);
          const outer = coveredAt(lng, lat, m);
          if (inner !== outer) continue; // near an edge
          const rgb = pixel(x, y);
          if (!rgb) continue; // an outline or a border crosses the block
          const want = inner ? blended : land;
          if (rgb.some((v, i) => Math.abs(v - want[i]) > 4)) wrong.push(`${x},${y} ${inner ? 'covered' : 'bare'}: ${rgb} want ${want}`);
          if (inner) covered++;
          else bare++;
        }
      }
      expect(covered, 'covered samples').to.be.greaterThan(100);
      expect(bare, 'bare samples').to.be.greaterThan(100);
      expect(wrong.slice(0, 5)).to.deep.equal([]);
      // Overlaps never darken: the covered colour is the same wherever two footprints overlap.
    });
  }

  it('filters by operator and technology; radius overrides; each change fires chiso-change with new stats', async function () {
    const communes = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const sitesFc = syntheticSites(communes, { n: 300, seed: 7 });
    const { el, layer, stats, map } = await mountBts(sitesFc);
    const all = layer.sites;
    const areas = communes.map((f) => ({ code: f.properties.code, geometry: f.geometry as never }));
    let change = nextEvent<BtsStats>(layer, 'chiso-change', 60000);
    layer.setAttribute('operator', 'viettel');
    const viettel = (await change).detail;
    expect(viettel.sites).to.equal(all.filter((s) => s.operator === 'Viettel').length);
    expect(viettel.coveragePct).to.be.lessThan(stats.coveragePct);
    expect(viettel.coveragePct).to.be.closeTo(coverageByCommune(all, areas, { operators: ['Viettel'] }).coveragePct, 1e-6);
    const drawn = map.queryRenderedFeatures({ layers: [idOf(el, '-sites')] });
    expect(new Set(drawn.map((f) => f.properties.operator))).to.deep.equal(new Set(['Viettel']));
    change = nextEvent<BtsStats>(layer, 'chiso-change', 60000);
    layer.setAttribute('operator', '');
    layer.setAttribute('tech', '5G');
    const fiveG = (await change).detail;
    expect(fiveG.sites).to.equal(all.filter((s) => s.tech.includes('5G')).length);
    const icons = new Set(map.queryRenderedFeatures({ layers: [idOf(el, '-sites')] }).map((f) => String(f.properties.icon).slice(-2)));
    expect(icons).to.deep.equal(new Set(['5G']));
    change = nextEvent<BtsStats>(layer, 'chiso-change', 60000);
    layer.setAttribute('tech', '');
    layer.setAttribute('radius', '2g:3000 4g:2500');
    const smaller = (await change).detail;
    expect(smaller.coveragePct).to.be.closeTo(coverageByCommune(all, areas, { radii: { '2G': 3000, '4G': 2500 } }).coveragePct, 1e-6);
    expect(smaller.coveragePct).to.be.lessThan(stats.coveragePct);
    // The legend follows: one operator line per operator shown, with its count.
    await layer.updateComplete;
    const legend = layer.shadowRoot!.querySelector('[part="legend"]')!;
    const viettelLine = legend.querySelector('[data-operator="Viettel"]');
    expect(text(viettelLine)).to.contain(`Viettel (${all.filter((s) => s.operator === 'Viettel').length} trạm)`);
  });

  it('per-operator: each operator\'s own coverage, as the pure maths gives it, in stats and a table', async function () {
    const communes = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const sitesFc = syntheticSites(communes, { n: 150, seed: 23 });
    const { layer } = await mountBts(sitesFc);
    const areas = communes.map((f) => ({ code: f.properties.code, geometry: f.geometry as never }));
    const change = nextEvent<BtsStats>(layer, 'chiso-change', 60000);
    layer.perOperator = true;
    layer.tableOpen = true;
    const stats = (await change).detail;
    const operators = [...new Set(layer.sites.map((s) => s.operator))];
    expect(Object.keys(stats.byOperator!).sort()).to.deep.equal(operators.sort());
    for (const op of operators) {
      const alone = coverageByCommune(layer.sites, areas, { operators: [op] });
      expect(stats.byOperator![op]!.coveragePct, op).to.be.closeTo(alone.coveragePct, 1e-6);
      expect(stats.byOperator![op]!.sites, op).to.equal(alone.sites);
      expect(stats.byOperator![op]!.coveragePct, op).to.be.at.most(stats.coveragePct + 1e-9);
    }
    await layer.updateComplete;
    const rows = [...layer.shadowRoot!.querySelectorAll('[part="operators"] tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-operator')).sort()).to.deep.equal(operators.sort());
  });

  it('bad sites are reported (chiso-error, message) and skipped; the rest render', async function () {
    const communes = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const good = syntheticSites(communes, { n: 50, seed: 3 }).features;
    const bad = [
      { type: 'Feature', id: 'no-xy', properties: { operator: 'Viettel', tech: '4G' }, geometry: null },
      { type: 'Feature', id: 'paris', properties: { operator: 'Viettel', tech: '4G' }, geometry: { type: 'Point', coordinates: [2.35, 48.85] } },
      { type: 'Feature', id: '6g', properties: { operator: 'VNPT', tech: '6G' }, geometry: { type: 'Point', coordinates: [105.8, 21.6] } },
      { type: 'Feature', id: 'r0', properties: { operator: 'MobiFone', tech: '4G', radius_m: 0 }, geometry: { type: 'Point', coordinates: [105.8, 21.6] } },
      { type: 'Feature', id: 'r-neg', properties: { operator: 'MobiFone', tech: '4G', radius_m: -5 }, geometry: { type: 'Point', coordinates: [105.8, 21.6] } },
    ];
    const errors: string[] = [];
    const listener = (e: Event) => errors.push((e as CustomEvent).detail.message);
    document.addEventListener('chiso-error', listener);
    const { el, layer, stats, map } = await mountBts({ type: 'FeatureCollection', features: [...good, ...bad] });
    document.removeEventListener('chiso-error', listener);
    expect(stats.sites).to.equal(50);
    expect(stats.rejected.map((r) => `${r.id}:${r.reason}`)).to.deep.equal(['no-xy:no-coordinates', 'paris:outside-vietnam', '6g:unknown-tech', 'r0:bad-radius', 'r-neg:bad-radius']);
    expect(errors.join(' ')).to.contain('Bỏ qua 5 trạm không hợp lệ');
    const shown = layer.shadowRoot!.querySelector('[part="error"]');
    expect(text(shown)).to.contain('1 nằm ngoài lãnh thổ Việt Nam');
    expect(text(shown)).to.contain('2 có bán kính không hợp lệ');
    expect(map.queryRenderedFeatures({ layers: [idOf(el, '-sites')] }).length).to.equal(50);
    expect(layer.state).to.equal('ready');
  });

  it('after the first draw: a bad tech filter is said and goes when fixed; bad villages keep the last good ones; theme recolours the villages', async function () {
    const communes = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const sitesFc = syntheticSites(communes, { n: 80, seed: 29 });
    const villagesFc = syntheticVillages(communes, { perCommune: 1, seed: 29 });
    const { el, layer, stats, map } = await mountBts(sitesFc, villagesFc);
    const errors: string[] = [];
    layer.addEventListener('chiso-error', (e) => errors.push((e as CustomEvent).detail.message));
    layer.tech = '6G';
    await layer.updateComplete;
    expect(errors.join(' ')).to.contain('Công nghệ "6G" không rõ');
    expect(text(layer.shadowRoot!.querySelector('[part="error"]'))).to.contain('6G');
    layer.tech = '';
    await layer.updateComplete;
    expect(layer.shadowRoot!.querySelector('[part="error"]'), 'the warning goes once the filter is fixed').to.equal(null);
    // Villages that cannot be read: said, state stale, the last good villages still counted and drawn.
    layer.villageData = { not: 'points' };
    await layer.updateComplete;
    expect(layer.state).to.equal('stale');
    expect(errors.at(-1)).to.contain('Dữ liệu không đúng định dạng');
    expect(layer.stats!.villages!.total).to.equal(stats.villages!.total);
    expect(map.queryRenderedFeatures({ layers: [idOf(el, '-villages')] }).length).to.be.greaterThan(0);
    // High contrast: the villages take the theme's colours.
    layer.theme = 'contrast';
    await layer.updateComplete;
    expect(JSON.stringify(map.getPaintProperty(idOf(el, '-villages'), 'circle-color'))).to.contain('#ff00ff');
  });

  for (const renderer of RENDERERS) {
    it(`tooltip per site (plain text, feed markup never parsed); click fires chiso-select${on(renderer)}`, async function () {
      const communes = await atlasFeatures(THAI_NGUYEN_COMMUNES);
      const sitesFc = syntheticSites(communes, { n: 40, seed: 11 });
      sitesFc.features[0].properties.id = '<img src=x onerror="window.__pwned=1">';
      sitesFc.features[0].id = sitesFc.features[0].properties.id;
      const { el, map, layer } = await mountBts(sitesFc, undefined, { renderer });
      const site = layer.sites[0];
      const p = map.project([site.lon, site.lat]);
      const box = el.map!.getCanvas().getBoundingClientRect();
      const select = nextEvent<{ site: Site }>(layer, 'chiso-select');
      await sendMouse({ type: 'move', position: [Math.round(box.left + p.x), Math.round(box.top + p.y)] });
      await waitUntil(() => el.shadowRoot!.querySelector('.tooltip'), 'tooltip shown');
      const tip = el.shadowRoot!.querySelector('.tooltip')!;
      expect(text(tip)).to.contain('Trạm <img src=x onerror="window.__pwned=1">');
      expect(text(tip)).to.contain(`Nhà mạng: ${site.operator === 'VNPT' ? 'VNPT (VinaPhone)' : site.operator}`);
      expect(text(tip)).to.contain('Bán kính mô hình');
      expect(tip.querySelector('img')).to.equal(null);
      await sendMouse({ type: 'click', position: [Math.round(box.left + p.x), Math.round(box.top + p.y)] });
      expect((await select).detail.site.id).to.equal(site.id);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  }

  it('tables: coverage by commune (worst first) and the villages without signal; rows take focus', async function () {
    const communes = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const sitesFc = syntheticSites(communes, { n: 250, seed: 13 });
    const villagesFc = syntheticVillages(communes, { perCommune: 2, seed: 13 });
    const { el, layer, stats } = await mountBts(sitesFc, villagesFc);
    const toggle = layer.shadowRoot!.querySelector('[part="table-toggle"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await layer.updateComplete;
    const rows = [...layer.shadowRoot!.querySelectorAll('[part="table"] tbody tr')];
    expect(rows).to.have.length(communes.length);
    const pcts = Object.values(stats.areas).map((a) => a.coveragePct).sort((x, y) => x - y);
    const first = stats.areas[rows[0].getAttribute('data-code')!];
    expect(first.coveragePct).to.equal(pcts[0]);
    // The CSV: the same communes in the same order, the sites and villages counted as in the stats.
    const csv = await layer.toCSV();
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
    expect(lines[0]).to.deep.equal(['Mã địa bàn', 'Tên', 'Số trạm BTS', 'Diện tích (km²)', 'Diện tích có sóng (km²)', 'Tỷ lệ diện tích có sóng (%)', 'Thôn chưa có sóng', 'Tổng số thôn']);
    expect(lines.slice(1).map((c) => c[0])).to.deep.equal(rows.map((r) => r.getAttribute('data-code')));
    for (const c of lines.slice(1)) {
      const a = stats.areas[c[0]];
      expect(Number(c[2]), c[0]).to.equal(a.sites);
      expect(Number(c[6])).to.equal(a.villages?.uncovered.length ?? 0);
    }
    expect(lines.slice(1).reduce((t, c) => t + Number(c[2]), 0)).to.equal(stats.sites);
    // A publisher named on the layer: in its source line and on every row of the CSV.
    layer.source = 'Sở KH&CN (dữ liệu mẫu)';
    await layer.updateComplete;
    expect(text(layer.shadowRoot!.querySelector('[part="source"]'))).to.equal('Nguồn: Sở KH&CN (dữ liệu mẫu)');
    const named = (await layer.toCSV()).slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
    expect(named[0].at(-1)).to.equal('Nguồn');
    expect(named.slice(1).every((c) => c.at(-1) === 'Sở KH&CN (dữ liệu mẫu)')).to.equal(true);
    layer.source = undefined;
    const gaps = [...layer.shadowRoot!.querySelectorAll('[part="gaps"] tbody tr')];
    expect(gaps.map((r) => r.getAttribute('data-village')).sort()).to.deep.equal([...stats.villages!.uncovered].sort());
    expect(text(layer.shadowRoot!.querySelector('[part="gaps"] caption'))).to.equal(`Thôn, bản chưa có sóng (${stats.villages!.uncovered.length})`);
    (gaps[0] as HTMLElement).focus();
    await waitUntil(() => el.shadowRoot!.querySelector('.tooltip'), 'tooltip for the focused village');
    expect(text(el.shadowRoot!.querySelector('.tooltip'))).to.contain('Chưa có sóng');
    (rows[0] as HTMLElement).focus();
    await waitUntil(() => text(el.shadowRoot!.querySelector('.tooltip')).includes('Tỷ lệ phủ sóng'), 'tooltip for the focused commune');
    // The map's description carries the summary.
    expect(text(el.shadowRoot!.querySelector('#summary'))).to.match(/250 trạm BTS; phủ sóng [\d,]+ % diện tích/);
  });

  it('composes with a choropleth: communes coloured by their coverage, under the coverage fill and the sites', async function () {
    const communes = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const sitesFc = syntheticSites(communes, { n: 200, seed: 17 });
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} boundaries=${THAI_NGUYEN_COMMUNES} eager>
      <chiso-choropleth-layer from="bts-a" classes="manual:20 40 60 80" palette="Greens"></chiso-choropleth-layer>
      <chiso-bts-layer id="bts-a" .data=${sitesFc}></chiso-bts-layer>
    </chiso-map>`);
    const choropleth = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    const bts = el.querySelector('chiso-bts-layer') as ChisoBtsLayer;
    await el.ready;
    await waitUntil(() => bts.stats && choropleth.valueFor(communes[0].properties.code) != null, 'choropleth fed by the BTS layer', { timeout: 60000 });
    for (const f of communes) {
      expect(choropleth.valueFor(f.properties.code)).to.be.closeTo(bts.stats!.areas[f.properties.code].coveragePct, 0.051);
    }
    const order = el.map!.getStyle().layers.map((l) => l.id);
    const fill = order.findIndex((id) => id.startsWith('chiso-choropleth-'));
    expect(fill).to.be.greaterThan(-1);
    expect(fill).to.be.lessThan(order.indexOf(layerIds(el).find((id) => id.endsWith('-coverage'))!));
    expect(order.indexOf(layerIds(el).find((id) => id.endsWith('-coverage'))!)).to.be.lessThan(order.indexOf(layerIds(el).find((id) => id.endsWith('-sites'))!));
  });
});

describe('<chiso-bts-layer> feeds and clean-up', function () {
  this.timeout(60000);

  it('reads sites from a URL (records with lon/lat); a failing villages feed is said, sites still drawn', async () => {
    const records = { sites: [
      { id: 'A', lon: 105.84, lat: 21.59, operator: 'Viettel', tech: '4G' },
      { id: 'B', lon: 105.9, lat: 21.62, operator: 'VinaPhone', tech: '2G,4G', azimuth: 90, beamwidth: 120 },
    ] };
    const src = `/__feeds/ok?body=${encodeURIComponent(JSON.stringify(records))}`;
    const errors: string[] = [];
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager
      .boundariesData=${{ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '99001', name: 'Xã Mẫu' }, geometry: { type: 'Polygon', coordinates: [[[105.7, 21.5], [106.0, 21.5], [106.0, 21.7], [105.7, 21.7], [105.7, 21.5]]] } }] }}
      @chiso-error=${(e: CustomEvent) => errors.push(e.detail.message)}>
      <chiso-bts-layer src=${src} villages="/__feeds/status?code=500&key=v500" timeout="2000"></chiso-bts-layer>
    </chiso-map>`);
    const layer = el.querySelector('chiso-bts-layer') as ChisoBtsLayer;
    await el.ready;
    await waitUntil(() => layer.stats, 'stats computed', { timeout: 30000 });
    expect(layer.stats!.sites).to.equal(2);
    expect(layer.sites[1].operator).to.equal('VNPT');
    expect(layer.stats!.areas['99001'].sites).to.equal(2);
    await waitUntil(() => errors.length, 'villages error');
    expect(errors[0]).to.contain('Nguồn dữ liệu trả về lỗi');
    expect(text(layer.shadowRoot!.querySelector('[part="error"]'))).to.contain('HTTP 500');
  });

  it('a sites feed that is not points gives a localized error state, no throw', async () => {
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager
      .boundariesData=${{ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '99001', name: 'Xã Mẫu' }, geometry: { type: 'Polygon', coordinates: [[[105.7, 21.5], [106.0, 21.5], [106.0, 21.7], [105.7, 21.7], [105.7, 21.5]]] } }] }}>
      <chiso-bts-layer lang="en" .data=${{ hello: 'world' }}></chiso-bts-layer>
    </chiso-map>`);
    const layer = el.querySelector('chiso-bts-layer') as ChisoBtsLayer;
    await waitUntil(() => layer.state === 'error', 'error state');
    await layer.updateComplete;
    expect(text(layer.shadowRoot!.querySelector('[part="error"]'))).to.contain('The data does not match the expected format');
  });

  it('removing the map removes its layers and ends the worker', async () => {
    const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager
      .boundariesData=${{ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '99001', name: 'Xã Mẫu' }, geometry: { type: 'Polygon', coordinates: [[[105.7, 21.5], [106.0, 21.5], [106.0, 21.7], [105.7, 21.7], [105.7, 21.5]]] } }] }}>
      <chiso-bts-layer .data=${[{ id: 'A', lon: 105.84, lat: 21.59, operator: 'Viettel', tech: '4G' }]}></chiso-bts-layer>
    </chiso-map>`);
    const layer = el.querySelector('chiso-bts-layer') as ChisoBtsLayer;
    await el.ready;
    await waitUntil(() => layer.stats, 'stats computed', { timeout: 30000 });
    expect(coverageWorkerRunning()).to.equal(true);
    el.remove();
    await waitUntil(() => !coverageWorkerRunning(), 'worker ended');
  });
});

describe('<chiso-bts-layer> at province zoom: sites in clusters', function () {
  this.timeout(180000);

  it('900 sites on Phú Thọ: at the default view no two symbols overlap by more than a quarter of their size, every site counted once, every gap village drawn on top; zoomed in, each site alone', async () => {
    const geo = await loadAtlas(PHU_THO_COMMUNES);
    const sitesFc = syntheticSites(geo.features, { n: 900, seed: 25 });
    const villagesFc = syntheticVillages(geo.features, { perCommune: 5, seed: 25 });
    const el = await fixture<ChisoMap>(html`<chiso-map style="display:block;width:600px;--chiso-map-height:420px" boundaries=${PHU_THO_COMMUNES} eager label="Phủ sóng">
      <chiso-bts-layer .data=${sitesFc} .villageData=${villagesFc}></chiso-bts-layer>
    </chiso-map>`);
    const layer = el.querySelector('chiso-bts-layer') as ChisoBtsLayer;
    const ready = nextEvent<BtsStats>(layer, 'chiso-ready', 120000);
    await el.ready;
    const stats = (await ready).detail;
    const map = el.map!;
    const zoom = map.getZoom();
    const home = map.getCenter();
    expect(zoom, 'the default view is the province (below the zoom where sites show alone)').to.be.lessThan(10);
    // Symbols on screen: clusters (deduplicated across tiles) and single sites, with their drawn radius.
    const clusterFeatures = new Map(map.queryRenderedFeatures({ layers: [idOf(el, '-clusters')] }).map((f) => [f.properties.cluster_id, f]));
    const singleFeatures = new Map(map.queryRenderedFeatures({ layers: [idOf(el, '-sites')] }).map((f) => [f.properties.i, f]));
    expect(clusterFeatures.size, 'sites close together are clustered').to.be.greaterThan(5);
    let counted = singleFeatures.size;
    const symbols: Array<{ x: number; y: number; r: number; what: string }> = [];
    for (const f of clusterFeatures.values()) {
      const p = f.properties;
      counted += Number(p.point_count);
      const counts = [0, 1, 2, 3, 4].map((k) => Number(p[`o${k}`]));
      expect(counts.reduce((a, b) => a + b, 0), 'counts by operator add up').to.equal(Number(p.point_count));
      const image = map.getImage(`${idOf(el, '-sites').replace(/-sites$/, '')}-cluster-${counts.join(',')}`);
      expect(image, 'the badge was drawn').to.not.equal(undefined);
      const { x, y } = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      symbols.push({ x, y, r: image!.data.width / image!.pixelRatio / 2, what: `cluster of ${p.point_count}` });
    }
    // A single site's icon: 20 CSS px at the zoom's icon-size (the layer's interpolation).
    const iconSize = zoom <= 7 ? 0.35 : zoom <= 9 ? 0.35 + ((zoom - 7) / 2) * 0.15 : 0.5 + ((zoom - 9) / 2) * 0.3;
    for (const f of singleFeatures.values()) {
      const { x, y } = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      symbols.push({ x, y, r: 10 * iconSize, what: `site ${f.properties.i}` });
    }
    expect(counted, 'every site is in exactly one symbol').to.equal(900);
    const piled: string[] = [];
    for (let a = 0; a < symbols.length; a++) {
      for (let b = a + 1; b < symbols.length; b++) {
        const s = symbols[a], t = symbols[b];
        const depth = s.r + t.r - Math.hypot(s.x - t.x, s.y - t.y);
        if (depth > 0.25 * 2 * Math.min(s.r, t.r)) piled.push(`${s.what} and ${t.what}: ${depth.toFixed(1)} px`);
      }
    }
    expect(piled, 'symbols piled on one another').to.deep.equal([]);
    // Villages without signal: all drawn, in the top layer of the map.
    const gaps = new Set(map.queryRenderedFeatures({ layers: [idOf(el, '-gaps')] }).map((f) => f.properties.i));
    expect(gaps.size).to.equal(stats.villages!.uncovered.length);
    expect(gaps.size).to.be.greaterThan(0);
    const order = map.getStyle().layers.map((l) => l.id);
    const top = order.filter((id) => !id.startsWith('chiso-archipelago') && !id.startsWith('chiso-hover'));
    expect(order.indexOf(idOf(el, '-gaps'))).to.be.greaterThan(order.indexOf(idOf(el, '-clusters')));
    expect(order.indexOf(idOf(el, '-gaps'))).to.be.greaterThan(order.indexOf(idOf(el, '-sites')));
    expect(top.at(-1), `gap villages above every other layer: ${top.slice(-4).join(', ')}`).to.equal(idOf(el, '-gaps'));
    // The legend says what a badge is.
    expect(text(layer.shadowRoot!.querySelector('[data-cluster]'))).to.contain('Nhóm trạm gần nhau');
    // Zoomed in on a cluster: its sites, each alone, and no cluster.
    const first = [...clusterFeatures.values()][0];
    map.jumpTo({ center: (first.geometry as GeoJSON.Point).coordinates as [number, number], zoom: 11.5 });
    await new Promise((r) => map.once('idle', r));
    expect(map.queryRenderedFeatures({ layers: [idOf(el, '-clusters')] }).length).to.equal(0);
    expect(map.queryRenderedFeatures({ layers: [idOf(el, '-sites')] }).length).to.be.greaterThan(0);
    // cluster="off": every site alone at the province's zoom too.
    map.jumpTo({ center: home, zoom });
    const redrawn = nextEvent<BtsStats>(layer, 'chiso-change', 60000);
    layer.cluster = 'off';
    await redrawn;
    expect(new Set(map.queryRenderedFeatures({ layers: [idOf(el, '-sites')] }).map((f) => f.properties.i)).size).to.equal(900);
    expect(map.getLayer(idOf(el, '-clusters'))).to.equal(undefined);
  });
});
