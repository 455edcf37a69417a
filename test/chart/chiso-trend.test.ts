// <chiso-trend>: the series picked from a feed, drawn in order with its text alternative and table, the
// last value and its change, and the states (empty, error, stale with the last series kept).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@chiso/chart';
import type { ChisoTrend, TrendDetail } from '@chiso/chart';
import { nextEvent, okUrl, publishedFeed, sampleFeed, text, uniqueKey } from '../helpers/feeds.js';

// Bắc Kạn's published dossiers, whole years only (the first five months of 2021 are tested on their own below),
// listed out of order on purpose: the chart orders the periods.
const bkPublished = publishedFeed('dvc.dossiers', '06');
const bacKan = { ...bkPublished, observations: bkPublished.observations.filter((o) => !o.period.includes('/')).reverse() };

describe('<chiso-trend>', () => {
  it('draws the periods in order: line, points, last value with its change, text alternative, table', async () => {
    const el = await fixture<ChisoTrend>(html`<chiso-trend></chiso-trend>`);
    const ready = nextEvent<TrendDetail>(el, 'chiso-ready');
    el.data = bacKan;
    const detail = (await ready).detail;
    expect(detail.points.map((p) => p.period)).to.deep.equal(['2018', '2019', '2020']);
    expect(detail.area).to.equal('06');
    const root = el.shadowRoot!;
    expect(text(root.querySelector('[part="title"]'))).to.equal('Hồ sơ thủ tục hành chính tiếp nhận');
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
    expect(alt).to.contain('2018').and.contain('73.138 hồ sơ').and.contain('166.049 hồ sơ');
    (root.querySelector('[part="table-toggle"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const rows = [...root.querySelectorAll('[part="table"] tbody tr')].map((r) => [...r.children].map((c) => text(c)).join(' '));
    expect(rows).to.deep.equal(['2018 73.138 hồ sơ', '2019 133.802 hồ sơ', '2020 166.049 hồ sơ']);
    el.lang = 'en';
    await el.updateComplete;
    expect(text(root.querySelector('[part="value"]'))).to.contain('166,049');
  });

  it('picks the area and level asked for from a feed with several (synthetic Tỉnh Mẫu)', async () => {
    const el = await fixture<ChisoTrend>(html`<chiso-trend .data=${sampleFeed} area="99" level="province"></chiso-trend>`);
    await waitUntil(() => el.state === 'ready');
    expect(el.points.map((p) => [p.period, p.value])).to.deep.equal([['2024', 71.25], ['2025', 84.53]]);
    expect(text(el.shadowRoot!.querySelector('[part="value"]'))).to.contain('84,53 %');
  });

  it('the first five months of 2021 are drawn as a part of a year, apart from the whole years, and not compared with 2020', async () => {
    const el = await fixture<ChisoTrend>(html`<chiso-trend .data=${bkPublished}></chiso-trend>`);
    await waitUntil(() => el.state === 'ready');
    const root = el.shadowRoot!;
    expect(el.points.map((p) => p.period)).to.deep.equal(['2018', '2019', '2020', '2021-01/2021-05']);
    expect(el.points.at(-1)!.partial).to.equal(true);
    // The line joins the whole years only; the part-year point stands apart, labelled as what it is.
    const line = root.querySelector('path.line')!.getAttribute('d')!;
    const partDot = root.querySelector('circle.dot.partial')!;
    expect(partDot, 'a part-year mark').to.exist;
    const lineXs = [...line.matchAll(/([\d.]+),[\d.]+/g)].map((m) => Number(m[1]));
    expect(lineXs.length).to.be.greaterThan(1);
    expect(Math.max(...lineXs)).to.be.lessThan(Number(partDot.getAttribute('cx')) - 1);
    expect(root.querySelectorAll('circle.dot:not(.partial)').length).to.equal(3);
    expect(text(root.querySelector('svg'))).to.contain('5 tháng đầu năm 2021');
    // The last value is the part-year's, with no change against the whole of 2020.
    expect(text(root.querySelector('[part="value"]'))).to.contain('59.234 hồ sơ');
    expect(root.querySelector('.delta')).to.equal(null);
    expect(text(root.querySelector('[part="value"]'))).to.contain('5 tháng đầu năm 2021');
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
