// <chiso-map drill>: from the 34 provinces to one province's communes (from the atlas) with the same layer and
// indicator, and back to where the reader was. The feed holds both levels (synthetic figures): no warning about
// the other level or the other provinces' communes while drilling.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '@chiso/map';
import type { ChisoMap, ChisoChoroplethLayer } from '@chiso/map';
import { PHU_THO_COMMUNES } from '../helpers/geo.js';
import { atlasFeatures, MAP_SIZE, renderedCodes } from '../helpers/map-fixture.js';
import { nextEvent, text } from '../helpers/feeds.js';

const PROVINCES = '/packages/atlas/data/provinces.json';
/** The warning the layer shows under the map (empty when none). */
const warning = (layer: ChisoChoroplethLayer) => text(layer.shadowRoot!.querySelector('[part~="error"]'));

/** SYNTHETIC: a rate for each of the 34 provinces and for each commune of Phú Thọ (25). */
async function twoLevelFeed() {
  const provinces = await atlasFeatures(PROVINCES);
  const communes = await atlasFeatures(PHU_THO_COMMUNES);
  const observations = [
    ...provinces.map((f, i) => ({ indicator: 'rate', area: f.properties.code, level: 'province', period: '2025', value: 40 + (i * 7) % 55 })),
    ...communes.map((f, i) => ({ indicator: 'rate', area: f.properties.code, level: 'commune', period: '2025', value: 20 + (i * 13) % 75 })),
  ];
  return { chiso: 1, indicators: [{ id: 'rate', name: 'Tỷ lệ (dữ liệu mẫu)', unit: '%' }], observations };
}

describe('<chiso-map drill>', function () {
  this.timeout(90000);

  it('a province chosen opens its communes with the same indicator; the button goes back to the provinces, at the view left', async () => {
    const feed = await twoLevelFeed();
    const el = await fixture<ChisoMap>(html`<chiso-map drill style=${MAP_SIZE} boundaries="vn:provinces" atlas-base="/packages/atlas/data/" eager label="Bản đồ">
      <chiso-choropleth-layer .data=${feed} classes="quantile:5"></chiso-choropleth-layer></chiso-map>`);
    const map = await el.ready;
    const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    expect(el.boundaryAreas!.areas.size).to.equal(34);
    await waitUntil(() => renderedCodes(el).size > 20, 'provinces drawn');
    expect(warning(layer), 'no warning about the communes in the feed').to.equal('');
    map.jumpTo({ zoom: map.getZoom() + 0.5 });
    const left = { center: map.getCenter(), zoom: map.getZoom() };

    // Choosing Phú Thọ, as a click or Enter does.
    const opened = nextEvent<{ area: string; name: string }>(el, 'chiso-drill');
    const redrawn = nextEvent(el, 'chiso-ready');
    layer.select('25');
    expect((await opened).detail).to.deep.equal({ area: '25', name: 'Phú Thọ' });
    await redrawn;
    expect(el.boundaries).to.equal('vn:communes/25');
    expect(el.boundaryAreas!.areas.size).to.equal(148);
    await waitUntil(() => renderedCodes(el).size > 100, 'the communes drawn');
    const commune = [...el.boundaryAreas!.areas.keys()][5];
    expect(layer.colorFor(commune), 'a commune coloured by its own figure').to.not.equal(layer.legend.noData);
    expect(warning(layer), 'no warning about the other provinces').to.equal('');
    const back = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="drill-back"]')!;
    expect(text(back)).to.equal('← Về toàn quốc');
    expect(text(el.shadowRoot!.querySelector('.drill [role="status"]'))).to.equal('Đang xem các xã, phường của Phú Thọ');

    // A commune chosen now does not drill further.
    layer.select(commune);
    await el.updateComplete;
    expect(el.boundaries).to.equal('vn:communes/25');

    const closed = nextEvent<Record<string, never>>(el, 'chiso-drill');
    const again = nextEvent(el, 'chiso-ready');
    back.click();
    expect((await closed).detail).to.deep.equal({});
    await again;
    await waitUntil(() => Math.abs(el.map!.getZoom() - left.zoom) < 0.01, 'back at the zoom left');
    expect(el.map!.getCenter().lng).to.be.closeTo(left.center.lng, 0.001);
    expect(el.boundaryAreas!.areas.size).to.equal(34);
    expect(el.shadowRoot!.querySelector('[part="drill-back"]')).to.equal(null);
  });

  it('without drill, choosing a province selects it and stays', async () => {
    const feed = await twoLevelFeed();
    const el = await fixture<ChisoMap>(html`<chiso-map style=${MAP_SIZE} boundaries="vn:provinces" atlas-base="/packages/atlas/data/" eager label="Bản đồ">
      <chiso-choropleth-layer .data=${feed}></chiso-choropleth-layer></chiso-map>`);
    await el.ready;
    const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    layer.select('25');
    await el.updateComplete;
    expect(el.boundaries).to.equal('vn:provinces');
    await waitUntil(() => warning(layer), 'without drill the other level is reported');
    expect(warning(layer)).to.not.match(/đơn vị hành chính cũ/, 'commune figures on a provinces map are another level, not old units');
  });

  it('with sync-url, the province opened is in the address: Back returns to the provinces, and an address opens the communes with its commune', async () => {
    const feed = await twoLevelFeed();
    const original = location.href;
    try {
      const el = await fixture<ChisoMap>(html`<chiso-map id="ca-nuoc" drill sync-url style=${MAP_SIZE} boundaries="vn:provinces" atlas-base="/packages/atlas/data/" eager label="Bản đồ">
        <chiso-choropleth-layer .data=${feed}></chiso-choropleth-layer></chiso-map>`);
      await el.ready;
      const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
      const opened = nextEvent(el, 'chiso-ready');
      layer.select('25');
      await opened;
      // The address is written when the map is ready (the layer's own chiso-ready, which bubbles, may come first).
      await waitUntil(() => new URL(location.href).searchParams.get('ca-nuoc.drill') === '25', 'the province in the address', { timeout: 15000 });
      expect(el.shadowRoot!.activeElement, 'the focus on the way back').to.equal(el.shadowRoot!.querySelector('[part="drill-back"]'));
      const commune = [...el.boundaryAreas!.areas.keys()][3];
      layer.select(commune);
      const link = location.href;
      expect(new URL(link).searchParams.get('ca-nuoc.area')).to.equal(commune);

      const provinces = nextEvent(el, 'chiso-ready');
      history.go(-2);
      await provinces;
      await waitUntil(() => el.boundaries === 'vn:provinces' && el.boundaryAreas?.areas.size === 34, 'Back: the provinces');

      // The link, opened in a map made anew: the communes of 25, the commune outlined.
      el.remove();
      history.replaceState(null, '', link);
      const again = await fixture<ChisoMap>(html`<chiso-map id="ca-nuoc" drill sync-url style=${MAP_SIZE} boundaries="vn:provinces" atlas-base="/packages/atlas/data/" eager label="Bản đồ">
        <chiso-choropleth-layer .data=${feed}></chiso-choropleth-layer></chiso-map>`);
      await waitUntil(() => again.boundaries === 'vn:communes/25' && again.boundaryAreas?.areas.size === 148, 'the communes of the link', { timeout: 30000 });
      const outlined = () => {
        try {
          return again.map?.getFeatureState({ source: 'chiso-boundaries', id: commune })?.hover === true;
        } catch {
          return false; // the map of the communes is still being made
        }
      };
      await waitUntil(outlined, 'its commune outlined', { timeout: 30000 });
    } finally {
      history.replaceState(null, '', original);
    }
  });
});
