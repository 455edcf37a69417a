// <chiso-choropleth>: the shorthand for a map, a layer and a legend from attributes.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@chiso/map';
import type { ChisoLegend, ChisoChoropleth } from '@chiso/map';
import { densityFeed, THAI_NGUYEN_COMMUNES } from '../helpers/geo.js';
import { atlasFeatures } from '../helpers/map-fixture.js';
import { nextEvent, okUrl, text } from '../helpers/feeds.js';

describe('<chiso-choropleth> shorthand', function () {
  this.timeout(30000);

  it('map + layer + legend from attributes, with src, classes and period', async function () {
    const features = await atlasFeatures(THAI_NGUYEN_COMMUNES);
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

  it('its CSV, picture, download button and source line are its layer\'s: toCSV, toImage, no-download, source', async function () {
    const features = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const feed = { ...densityFeed(features.slice(0, 20)), source: { name: 'Dữ liệu mẫu (không phải số liệu thật)' } };
    const el = await fixture<ChisoChoropleth>(html`<chiso-choropleth style="display:block;width:640px" boundaries=${THAI_NGUYEN_COMMUNES}
      .data=${feed} classes="equal:4" eager source="Cục Thống kê (mẫu)"></chiso-choropleth>`);
    await el.ready;
    await waitUntil(() => el.layer!.shadowRoot!.querySelector('[part="source"]'), 'the layer\'s source line');
    expect(text(el.layer!.shadowRoot!.querySelector('[part="source"]'))).to.equal('Nguồn: Cục Thống kê (mẫu)');
    const csv = await el.toCSV();
    expect(csv).to.equal(await el.layer!.toCSV());
    expect(csv.trimEnd().split('\r\n'), 'a row per commune of the map').to.have.length(1 + features.length);
    expect(csv).to.contain('Cục Thống kê (mẫu)');
    const png = await el.toImage();
    expect(png.type).to.equal('image/png');
    expect(el.layer!.shadowRoot!.querySelector('[part="download"]')).to.exist;
    el.noDownload = true;
    await el.updateComplete;
    await el.layer!.updateComplete;
    expect(el.layer!.shadowRoot!.querySelector('[part="download"]')).to.equal(null);
  });
});
