// <chiso-map sync-url>: the reader's view (zoom and centre, the selected commune, the period) in the page's address
// under the map's id; an address opens that view; Back returns to the commune chosen before; "copy link" copies
// it. (A fresh browser opening a copied link of the demo: test/node/examples.test.mjs.)
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '@chiso/map';
import type { ChisoMap, ChisoChoroplethLayer } from '@chiso/map';
import { readUrlView, writeUrlView } from '../../packages/map/src/map/url-sync.js';
import { densityFeed, PHU_THO_COMMUNES } from '../helpers/geo.js';
import { atlasFeatures, MAP_SIZE } from '../helpers/map-fixture.js';
import { text } from '../helpers/feeds.js';

const tooltip = (el: ChisoMap) => text(el.shadowRoot!.querySelector('.maplibregl-popup .tooltip'));
const param = (k: string) => new URL(location.href).searchParams.get(k);

describe('<chiso-map sync-url>', function () {
  this.timeout(60000);
  let original: string;
  beforeEach(() => { original = location.href; });
  afterEach(() => history.replaceState(null, '', original));

  it('reads and writes only its own keys, and ignores what is not a code, a period or a view', () => {
    const p = new URLSearchParams('page=3&a.view=105.5,21.25,9&a.area=04792&a.period=2024&b.area=00004&a.measure=%3Cimg%3E');
    expect(readUrlView(p, 'a')).to.deep.equal({ view: { lng: 105.5, lat: 21.25, zoom: 9 }, area: '04792', period: '2024' });
    expect(readUrlView(new URLSearchParams('a.view=500,1,2&a.area='), 'a')).to.deep.equal({});
    writeUrlView(p, 'a', { area: '04795', view: { lng: 105.123456, lat: 21.5, zoom: 10.456 } });
    expect(p.get('page')).to.equal('3');
    expect(p.get('b.area'), 'another map\'s keys stay').to.equal('00004');
    expect(p.get('a.area')).to.equal('04795');
    expect(p.get('a.view')).to.equal('105.1235,21.5000,10.46');
    expect(p.has('a.period'), 'a key with no value goes').to.equal(false);
  });

  it('an address opens its view: zoom and centre, the period, the commune outlined with its tooltip; moves and choices are written back; Back returns', async () => {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    const url = new URL(location.href);
    url.searchParams.set('vung.view', '105.1000,21.3000,10.50');
    url.searchParams.set('vung.area', '04792');
    url.searchParams.set('vung.period', '2024');
    url.searchParams.set('portal', 'giu-nguyen');
    history.replaceState(null, '', url.href);
    const selected: string[] = [];
    const el = await fixture<ChisoMap>(html`<chiso-map id="vung" sync-url style=${MAP_SIZE} boundaries=${PHU_THO_COMMUNES} eager preserve-drawing-buffer
        label="Bản đồ" @chiso-select=${(e: CustomEvent<{ area: string }>) => selected.push(e.detail.area)}>
      <chiso-choropleth-layer .data=${densityFeed(features, { periods: ['2024', '2025'] })} classes="quantile:5"></chiso-choropleth-layer>
    </chiso-map>`);
    const map = await el.ready;
    const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    await waitUntil(() => layer.period === '2024', 'the period of the address');
    expect(map.getZoom()).to.be.closeTo(10.5, 0.01);
    expect(map.getCenter().lng).to.be.closeTo(105.1, 0.001);
    expect(map.getFeatureState({ source: 'chiso-boundaries', id: '04792' }).hover, 'the commune outlined').to.equal(true);
    await waitUntil(() => tooltip(el).includes('Tân Hoà'), 'its tooltip');
    expect(selected, 'selected as a click would (a panel beside follows)').to.deep.equal(['04792']);

    // A move is written in place; a new choice is a new entry of the history.
    const entries = history.length;
    const moved = new Promise((r) => map.once('moveend', r));
    map.jumpTo({ zoom: 9 });
    await moved;
    expect(param('vung.view')).to.match(/,9\.00$/);
    expect(history.length).to.equal(entries);
    const other = [...el.boundaryAreas!.areas.keys()].find((c) => c !== '04792')!;
    layer.select(other);
    expect(param('vung.area')).to.equal(other);
    expect(history.length).to.equal(entries + 1);
    expect(param('portal'), 'the page\'s own parameters stay').to.equal('giu-nguyen');

    // Two periods in quick succession (playback, an arrow key held) are one entry of the history; the first comes
    // well after any earlier step (under load, the period restored from the address can be told late).
    await new Promise((r) => setTimeout(r, 1600));
    layer.period = '2025';
    await waitUntil(() => param('vung.period') === '2025', 'the period written');
    layer.period = '2024';
    await waitUntil(() => param('vung.period') === '2024', 'the period written');
    expect(history.length, 'one entry for the choice, one for the periods').to.equal(entries + 2);

    const back = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    history.go(-2);
    await back;
    await waitUntil(() => map.getFeatureState({ source: 'chiso-boundaries', id: '04792' }).hover === true, 'Back outlines the commune chosen before');
    await waitUntil(() => tooltip(el).includes('Tân Hoà'), 'with its tooltip');
    expect(param('vung.area'), 'going back leaves that entry as it was').to.equal('04792');
    expect(param('vung.view')).to.match(/,9\.00$/);
    history.go(2);
    await waitUntil(() => param('vung.area') === other);
  });

  it('"copy link" copies the address of the view, and says so', async () => {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    const el = await fixture<ChisoMap>(html`<chiso-map id="chia-se" sync-url style=${MAP_SIZE} boundaries=${PHU_THO_COMMUNES} eager label="Bản đồ">
      <chiso-choropleth-layer .data=${densityFeed(features)}></chiso-choropleth-layer></chiso-map>`);
    const map = await el.ready;
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => { copied.push(t); } } });
    try {
      const moved = new Promise((r) => map.once('moveend', r));
      map.jumpTo({ zoom: 11 });
      await moved;
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.chiso-copy-link')!;
      expect(button.getAttribute('aria-label')).to.equal('Sao chép liên kết đến khung nhìn này');
      button.click();
      await waitUntil(() => copied.length === 1, 'copied');
      expect(new URL(copied[0]).searchParams.get('chia-se.view')).to.match(/,11\.00$/);
      await waitUntil(() => text(button.parentElement!.querySelector('[role="status"]')) === 'Đã sao chép liên kết', 'said');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });
});
