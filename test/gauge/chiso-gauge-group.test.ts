import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearFeedCache } from '@chiso/core';
import '@chiso/gauge';
import type { ChisoGauge, ChisoGaugeGroup } from '@chiso/gauge';
import { phuThoFeed, twoLevelFeed, okUrl, text, nextEvent, uniqueKey } from '../helpers/feeds.js';

const gauges = (g: ChisoGaugeGroup) => [...g.shadowRoot!.querySelectorAll('chiso-gauge')] as ChisoGauge[];
const valueOf = (g: ChisoGauge) => text(g.shadowRoot!.querySelector('[part="value"]'));
const labelOf = (g: ChisoGauge) => text(g.shadowRoot!.querySelector('[part="label"]'));

describe('<chiso-gauge-group>', () => {
  beforeEach(() => clearFeedCache());

  it('lays out one gauge per level from one feed: Phú Thọ 2021', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 60rem"></div>`);
    const ready = nextEvent<{ count: number; levels: string[] }>(wrap, 'chiso-ready');
    const group = document.createElement('chiso-gauge-group');
    group.src = okUrl(phuThoFeed, { key: uniqueKey() });
    wrap.append(group);
    const e = await ready;
    expect(e.detail.count).to.equal(3);
    expect(e.detail.levels).to.deep.equal(['province', 'district', 'commune']);
    const gs = gauges(group);
    await Promise.all(gs.map((g) => g.updateComplete));
    expect(gs.map(labelOf)).to.deep.equal(['Cấp tỉnh', 'Cấp huyện', 'Cấp xã']);
    expect(gs.map(valueOf)).to.deep.equal(['87,86 %', '34,1 %', '16,55 %']);
    expect(gs.map((g) => g.current?.band)).to.deep.equal(['good', 'bad', 'bad']);
    expect(text(group.shadowRoot!.querySelector('[part="title"]'))).to.equal('Tỷ lệ hồ sơ nộp trực tuyến');
    // Side by side in a wide container: all three on one row.
    const tops = gs.map((g) => Math.round(g.getBoundingClientRect().top));
    expect(new Set(tops).size).to.equal(1);
    // A list, labelled by its heading, for screen readers.
    const list = group.shadowRoot!.querySelector('ul')!;
    expect(list.getAttribute('aria-labelledby')).to.equal(group.shadowRoot!.querySelector('h2')!.id);
  });

  it('copes with a feed from after July 2025 that has no district level', async () => {
    const group = await fixture<ChisoGaugeGroup>(html`<chiso-gauge-group .data=${twoLevelFeed} lang="en"></chiso-gauge-group>`);
    await group.updateComplete;
    const gs = gauges(group);
    await Promise.all(gs.map((g) => g.updateComplete));
    expect(gs.map(labelOf)).to.deep.equal(['Province', 'Commune']);
    expect(gs.map(valueOf)).to.deep.equal(['91.2%', '72.4%']);
    expect(group.state).to.equal('ready');
  });

  it('stacks the gauges in a narrow container', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 14rem"><chiso-gauge-group .data=${phuThoFeed}></chiso-gauge-group></div>`);
    const group = wrap.firstElementChild as ChisoGaugeGroup;
    await group.updateComplete;
    const tops = gauges(group).map((g) => Math.round(g.getBoundingClientRect().top));
    expect(new Set(tops).size).to.equal(3);
  });

  it('one gauge per area with by="area"', async () => {
    // SYNTHETIC values (40, 30) under two real district names: only the layout is tested.
    const feed = {
      chiso: 1,
      indicators: [{ id: 'r', unit: '%' }],
      observations: [
        { area: '227', level: 'district', name: 'Thành phố Việt Trì', period: '2021', value: 40 },
        { area: '228', level: 'district', name: 'Thị xã Phú Thọ', period: '2021', value: 30 },
      ],
    };
    const group = await fixture<ChisoGaugeGroup>(html`<chiso-gauge-group by="area" .data=${feed}></chiso-gauge-group>`);
    const gs = gauges(group);
    await Promise.all(gs.map((g) => g.updateComplete));
    expect(gs.map(labelOf)).to.deep.equal(['Thành phố Việt Trì', 'Thị xã Phú Thọ']);
  });

  it('a failing feed gives the error state and chiso-error', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const err = nextEvent<{ code: string }>(wrap, 'chiso-error', 15000);
    const group = document.createElement('chiso-gauge-group');
    group.src = `/__feeds/truncate?key=${uniqueKey()}`;
    wrap.append(group);
    expect((await err).detail.code).to.equal('parse');
    await waitUntil(() => group.state === 'error');
    expect(text(group.shadowRoot!.querySelector('[part="error"]'))).to.contain('Dữ liệu không đọc được');
  });
});
