// <chiso-map search>: a reader finds their commune among Phú Thọ's 148 by typing its name without diacritics,
// with the keyboard only; the map flies to it, outlines it and opens its tooltip, and a screen reader hears each
// step. (Matching itself: test/node/area-search.test.mjs.)
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '@chiso/map';
import type { ChisoMap } from '@chiso/map';
import { densityFeed, PHU_THO_COMMUNES } from '../helpers/geo.js';
import { atlasFeatures, mountChoropleth, mountMap } from '../helpers/map-fixture.js';
import { text } from '../helpers/feeds.js';

const q = (el: ChisoMap, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement | null;
const input = (el: ChisoMap) => q(el, '[part="search-input"]') as HTMLInputElement;
const options = (el: ChisoMap) => [...el.shadowRoot!.querySelectorAll('[part="search-list"] [role="option"]')].map(text);
const announced = (el: ChisoMap) => text(q(el, '.search [role="status"]'));
const tooltip = (el: ChisoMap) => text(q(el, '.maplibregl-popup .tooltip'));

async function typeIn(el: ChisoMap, what: string) {
  input(el).focus();
  await sendKeys({ type: what });
  await el.updateComplete;
}

describe('<chiso-map search>', function () {
  this.timeout(60000);

  it('typed without diacritics, chosen with the keyboard: flies to the commune, outlines it, opens its tooltip, says so', async () => {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    const { el } = await mountChoropleth(PHU_THO_COMMUNES, densityFeed(features));
    expect(q(el, '[part="search"]'), 'no box unless asked for').to.equal(null);
    el.search = true;
    await el.updateComplete;
    const box = input(el);
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.getAttribute('aria-label')).to.equal('Tìm xã, phường trên bản đồ');
    expect(box.getAttribute('aria-expanded')).to.equal('false');

    await typeIn(el, 'tan hoa');
    expect(options(el)[0]).to.equal('Phường Tân Hoà');
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    expect(announced(el)).to.match(/^\d+ kết quả/);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const active = box.getAttribute('aria-activedescendant')!;
    expect(q(el, `#${active}`)!.getAttribute('aria-selected')).to.equal('true');
    expect(text(q(el, `#${active}`))).to.equal('Phường Tân Hoà');

    const zoomBefore = el.map!.getZoom();
    const moved = new Promise((r) => el.map!.once('moveend', r));
    await sendKeys({ press: 'Enter' });
    await moved;
    const area = el.boundaryAreas!.areas.get('04792')!;
    expect(el.map!.getZoom(), 'zoomed in on it').to.be.greaterThan(zoomBefore + 1);
    expect(el.map!.getBounds().contains(area.anchor), 'the commune in view').to.equal(true);
    expect(el.map!.getFeatureState({ source: 'chiso-boundaries', id: '04792' }).hover, 'outlined').to.equal(true);
    await waitUntil(() => tooltip(el).includes('Tân Hoà'), 'its tooltip, from the layer');
    expect(tooltip(el), 'the layer\'s tooltip: the name and the figure').to.match(/Tân Hoà.*\d/);
    expect(box.value).to.equal('Phường Tân Hoà');
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(announced(el)).to.equal('Đã chọn Phường Tân Hoà trên bản đồ');

    // Esc closes the list, a second Esc clears the box.
    await typeIn(el, ' x');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(box.value).to.not.equal('');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(box.value).to.equal('');
  });

  it('no match is said, not shown as an empty list; a map with no layer shows the name alone; English', async () => {
    const { el } = await mountMap(PHU_THO_COMMUNES, html``);
    el.search = true;
    el.lang = 'en';
    await el.updateComplete;
    expect(input(el).getAttribute('aria-label')).to.equal('Find a commune on the map');
    await typeIn(el, 'zzzz');
    expect(announced(el)).to.equal('No commune found');
    expect(input(el).getAttribute('aria-expanded'), 'no list to expand').to.equal('false');
    expect((q(el, '[part="search-list"]') as HTMLElement).hidden).to.equal(true);
    input(el).value = '';
    input(el).dispatchEvent(new Event('input'));
    await typeIn(el, 'viet tri');
    expect(options(el)).to.include('Phường Việt Trì');
    const moved = new Promise((r) => el.map!.once('moveend', r));
    const pick = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="search-list"] [role="option"]')].find((o) => text(o) === 'Phường Việt Trì')!;
    pick.click();
    await moved;
    await waitUntil(() => tooltip(el) === 'Phường Việt Trì', 'the name as the tooltip');
    expect(announced(el)).to.equal('Phường Việt Trì chosen on the map');
  });
});
