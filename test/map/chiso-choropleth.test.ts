// <chiso-choropleth>: the shorthand for a map, a layer and a legend from attributes.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@chiso/map';
import type { ChisoLegend, ChisoChoropleth } from '@chiso/map';
import { densityFeed, THAI_NGUYEN_COMMUNES } from '../helpers/geo.js';
import { atlasFeatures } from '../helpers/map-fixture.js';
import { nextEvent, okUrl } from '../helpers/feeds.js';

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
});
