// <chiso-trend>: the series picked from a feed, drawn in order with its text alternative and table, the
// last value and its change, and the states (empty, error, stale with the last series kept).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@chiso/chart';
import type { ChisoTrend, TrendDetail } from '@chiso/chart';
import { nextEvent, okUrl, phuThoFeed, text, uniqueKey } from '../helpers/feeds.js';

const bacKan = {
  chiso: 1,
  indicators: [{ id: 'dvc.dossiers', name: { vi: 'Hồ sơ tiếp nhận', en: 'Dossiers received' }, unit: 'hồ sơ', decimals: 0 }],
  // Published out of order on purpose: the chart orders the periods.
  observations: [
    { indicator: 'dvc.dossiers', area: '06', period: '2021', value: 166049 },
    { indicator: 'dvc.dossiers', area: '06', period: '2019', value: 73138 },
    { indicator: 'dvc.dossiers', area: '06', period: '2020', value: 133802 },
  ],
};

describe('<chiso-trend>', () => {
  it('draws the periods in order: line, points, last value with its change, text alternative, table', async () => {
    const el = await fixture<ChisoTrend>(html`<chiso-trend></chiso-trend>`);
    const ready = nextEvent<TrendDetail>(el, 'chiso-ready');
    el.data = bacKan;
    const detail = (await ready).detail;
    expect(detail.points.map((p) => p.period)).to.deep.equal(['2019', '2020', '2021']);
    expect(detail.area).to.equal('06');
    const root = el.shadowRoot!;
    expect(text(root.querySelector('[part="title"]'))).to.equal('Hồ sơ tiếp nhận');
    expect(text(root.querySelector('[part="value"]'))).to.contain('166.049 hồ sơ');
    expect(text(root.querySelector('.delta'))).to.contain('▲ 32.247');
    const dots = [...root.querySelectorAll('circle.dot')].map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]);
    expect(dots.length).to.equal(3);
    // Left to right in time, higher values higher up (smaller y).
    expect(dots[0][0] < dots[1][0] && dots[1][0] < dots[2][0]).to.equal(true);
    expect(dots[0][1] > dots[1][1] && dots[1][1] > dots[2][1]).to.equal(true);
    // The line passes through the points.
    const line = root.querySelector('path.line')!.getAttribute('d')!;
    const ends = line.match(/[\d.]+,[\d.]+$/)![0].split(',').map(Number); // d3 rounds to 3 decimals
    expect(ends[0]).to.be.closeTo(dots[2][0], 0.01);
    expect(ends[1]).to.be.closeTo(dots[2][1], 0.01);
    const chart = root.querySelector('[part="chart"]')!;
    expect(chart.getAttribute('role')).to.equal('img');
    const alt = chart.getAttribute('aria-label')!.replace(/\u00a0/g, ' ');
    expect(alt).to.contain('2019').and.contain('73.138 hồ sơ').and.contain('166.049 hồ sơ');
    (root.querySelector('[part="table-toggle"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const rows = [...root.querySelectorAll('[part="table"] tbody tr')].map((r) => [...r.children].map((c) => text(c)).join(' '));
    expect(rows).to.deep.equal(['2019 73.138 hồ sơ', '2020 133.802 hồ sơ', '2021 166.049 hồ sơ']);
    el.lang = 'en';
    await el.updateComplete;
    expect(text(root.querySelector('[part="value"]'))).to.contain('166,049');
  });

  it('picks the area and level asked for from a feed with several', async () => {
    const el = await fixture<ChisoTrend>(html`<chiso-trend .data=${phuThoFeed} area="25" level="province"></chiso-trend>`);
    await waitUntil(() => el.state === 'ready');
    expect(el.points).to.deep.equal([{ period: '2020', value: 75.79 }, { period: '2021', value: 87.86 }]);
    expect(text(el.shadowRoot!.querySelector('[part="value"]'))).to.contain('87,86 %');
  });

  it('empty, then a failed refresh keeps the last series (stale) with a message and chiso-error', async () => {
    const empty = await fixture<ChisoTrend>(html`<chiso-trend .data=${bacKan} area="08"></chiso-trend>`);
    await waitUntil(() => empty.state === 'empty');
    expect(text(empty.shadowRoot!.querySelector('.note'))).to.contain('Chưa có số liệu');
    const el = await fixture<ChisoTrend>(html`<chiso-trend timeout="1000" src=${okUrl(bacKan, { key: uniqueKey('trend') })}></chiso-trend>`);
    await waitUntil(() => el.state === 'ready', 'drawn', { timeout: 10000 });
    const error = nextEvent<{ code: string }>(el, 'chiso-error', 20000);
    el.src = `/__feeds/status?code=500&key=${uniqueKey('trend-fail')}`;
    expect((await error).detail.code).to.equal('http');
    await el.updateComplete;
    expect(el.state).to.equal('stale');
    expect(el.points.length).to.equal(3);
    expect(el.shadowRoot!.querySelectorAll('circle.dot').length).to.equal(3);
    expect(text(el.shadowRoot!.querySelector('[part="error"]'))).to.contain('số liệu cũ');
  });
});
