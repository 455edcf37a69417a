// <chiso-trend>: the series picked from a feed, drawn in order with its text alternative and table, the
// last value and its change, and the states (empty, error, stale with the last series kept); series that compare
// (Bắc Kạn's published total and online dossiers) as lines or bars at true time spacing, a target line, a part of
// a year compared with the same months of the year before, and series of different units refused.
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
    // Said in the source line (the last good series stays), the error itself read out.
    expect(text(el.shadowRoot!.querySelector('[part="stale"]'))).to.match(/^Dữ liệu cũ/);
    expect(el.shadowRoot!.querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
  });

  // Bắc Kạn's published dossiers, total and online, 2018–2020 and the first five months of 2021.
  const bkBoth = {
    ...bkPublished,
    indicators: [...bkPublished.indicators, ...publishedFeed('dvc.online_dossiers', '06').indicators],
    observations: [...bkPublished.observations, ...publishedFeed('dvc.online_dossiers', '06').observations],
  };
  const chartOf = (el: ChisoTrend) => el.shadowRoot!.querySelector('[part="chart"]')!;

  /** A trend of Bắc Kạn's total and online dossiers, in the page; resolves with it and its chiso-ready detail. */
  async function mountBoth() {
    const el = document.createElement('chiso-trend') as ChisoTrend;
    el.indicator = 'dvc.dossiers,dvc.online_dossiers';
    const ready = nextEvent<TrendDetail>(el, 'chiso-ready');
    el.data = bkBoth;
    document.body.append(el);
    return { el, ready };
  }

  it('compares: total and online dossiers as two lines, told apart by colour and dash, with a legend, a table column each and chiso-ready of both', async () => {
    const { el, ready } = await mountBoth();
    try {
      const detail = (await ready).detail;
      expect(detail.series.map((s) => [s.indicator, s.points.length])).to.deep.equal([['dvc.dossiers', 4], ['dvc.online_dossiers', 4]]);
      expect(detail.series[1].points.map((p) => p.value)).to.deep.equal([7654, 21957, 32483, 9784]);
      const root = el.shadowRoot!;
      expect([...root.querySelectorAll('[part="legend"] li')].map(text)).to.deep.equal(['Hồ sơ thủ tục hành chính tiếp nhận', 'Hồ sơ nộp trực tuyến']);
      const lines = [...chartOf(el).querySelectorAll<SVGPathElement>('path.line')];
      expect(lines).to.have.length(2);
      const [a, b] = lines.map((l) => getComputedStyle(l));
      expect(a.stroke).to.equal('rgb(9, 105, 218)');
      expect(b.stroke).to.equal('rgb(188, 76, 0)');
      expect(a.strokeDasharray).to.equal('none');
      expect(b.strokeDasharray).to.not.equal('none');
      // On one axis: each online count sits below the total of its year.
      const ys = (cls: string) => [...chartOf(el).querySelectorAll(`g.${cls} circle`)].map((c) => Number(c.getAttribute('cy')));
      ys('s2').forEach((y, i) => expect(y).to.be.greaterThan(ys('s1')[i]));
      expect(chartOf(el).querySelectorAll('circle.dot.partial')).to.have.length(2);
      expect(chartOf(el).getAttribute('aria-label')!.replace(/\u00a0/g, ' ')).to.contain('Hồ sơ nộp trực tuyến: từ 2018 (7.654 hồ sơ)');
      (root.querySelector('[part="table-toggle"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect([...root.querySelectorAll('[part="table"] thead th')].map(text)).to.deep.equal(['Kỳ', 'Hồ sơ thủ tục hành chính tiếp nhận', 'Hồ sơ nộp trực tuyến']);
      expect([...root.querySelectorAll('[part="table"] tbody tr')].map((r) => [...r.children].map(text)).at(-1))
        .to.deep.equal(['5 tháng đầu năm 2021', '59.234 hồ sơ', '9.784 hồ sơ']);
    } finally {
      el.remove();
    }
  });

  it('a picture of the chart: PNG and SVG with its title, its lines in their colours, the legend and the source', async () => {
    const { el, ready } = await mountBoth();
    try {
      await ready;
      const svgText = await (await el.toImage({ format: 'svg' })).text();
      const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
      const words = [...doc.querySelectorAll(':scope > text')].map((t) => t.textContent);
      expect(words[0]).to.equal(text(el.shadowRoot!.querySelector('[part="title"]')));
      expect(words).to.include.members(['Hồ sơ thủ tục hành chính tiếp nhận', 'Hồ sơ nộp trực tuyến']);
      const source = (bkBoth.source as { name: string | { vi: string } }).name;
      expect(words.find((w) => w!.startsWith('Nguồn: ')), 'the published source').to.contain(typeof source === 'string' ? source : source.vi);
      // The chart inside, with the colours it is drawn in written on it (no stylesheet needed).
      const lines = [...doc.querySelectorAll('svg svg path.line')];
      expect(lines).to.have.length(2);
      expect(lines[0].getAttribute('style')).to.contain('stroke:rgb(9, 105, 218)');
      expect(lines[1].getAttribute('style')).to.contain('stroke:rgb(188, 76, 0)');
      expect(doc.querySelector(':scope > rect[fill="rgb(188, 76, 0)"]'), 'the legend\'s swatch of the second series').to.exist;
      const png = await el.toImage({ scale: 1 });
      expect(png.type).to.equal('image/png');
      const bitmap = await createImageBitmap(png);
      const chart = chartOf(el).getBoundingClientRect();
      expect(bitmap.width).to.equal(Math.round(chart.width));
      expect(bitmap.height).to.be.greaterThan(chart.height + 40);
    } finally {
      el.remove();
    }
  });

  it('bars: side by side per period, heights in proportion, the part of a year outlined apart; true time spacing (2016, 2018, 2019, 2020)', async () => {
    const el = await fixture<ChisoTrend>(html`<chiso-trend chart="bar" indicator="dvc.dossiers,dvc.online_dossiers" .data=${bkBoth}></chiso-trend>`);
    await waitUntil(() => el.state === 'ready');
    const rects = [...chartOf(el).querySelectorAll<SVGRectElement>('rect.bar')];
    expect(rects).to.have.length(8);
    expect(chartOf(el).querySelectorAll('rect.bar.partial')).to.have.length(2);
    const box = (r: SVGRectElement) => ({ x: +r.getAttribute('x')!, w: +r.getAttribute('width')!, h: +r.getAttribute('height')! });
    const total = [...chartOf(el).querySelectorAll<SVGRectElement>('g.s1 rect')].map(box);
    const online = [...chartOf(el).querySelectorAll<SVGRectElement>('g.s2 rect')].map(box);
    expect(total[2].h / total[0].h).to.be.closeTo(166049 / 73138, 0.02);
    // The online bar stands right beside its year's total, not on top of it.
    online.forEach((o, i) => expect(o.x).to.be.closeTo(total[i].x + total[i].w + 1, 0.01));
    expect(getComputedStyle(chartOf(el).querySelector('rect.bar.partial')!).fill).to.equal('rgb(255, 255, 255)');
    // SYNTHETIC counts in 2016, 2018, 2019, 2020: the two-year gap is twice as wide as a one-year one.
    const gappy = { chiso: 1, indicators: [{ id: 'n', unit: 'hồ sơ' }], observations: ['2016', '2018', '2019', '2020'].map((period, i) => ({ area: '99', period, value: 100 + i * 10 })) };
    const lines = await fixture<ChisoTrend>(html`<chiso-trend .data=${gappy}></chiso-trend>`);
    await waitUntil(() => lines.state === 'ready');
    const cx = [...chartOf(lines).querySelectorAll('circle.dot')].map((c) => Number(c.getAttribute('cx')));
    expect((cx[1] - cx[0]) / (cx[2] - cx[1])).to.be.closeTo(2, 0.01);
    expect((cx[3] - cx[2]) / (cx[2] - cx[1])).to.be.closeTo(1, 0.01);
  });

  it('the indicator\'s target as a line at its value, in the legend and the text alternative (synthetic Tỉnh Mẫu, target 80 %)', async () => {
    const el = await fixture<ChisoTrend>(html`<chiso-trend .data=${sampleFeed} area="99" level="province"></chiso-trend>`);
    await waitUntil(() => el.state === 'ready');
    const target = chartOf(el).querySelector('line.target')!;
    const dots = [...chartOf(el).querySelectorAll('circle.dot')].map((c) => Number(c.getAttribute('cy')));
    // 71,25 % and 84,53 %: 80 % sits between them, in proportion.
    const y80 = Number(target.getAttribute('y1'));
    expect((y80 - dots[1]) / (dots[0] - dots[1])).to.be.closeTo((84.53 - 80) / (84.53 - 71.25), 0.01);
    expect(text(el.shadowRoot!.querySelector('[part="legend"]'))).to.contain('Chỉ tiêu 80 %');
    expect(chartOf(el).getAttribute('aria-label')!.replace(/\u00a0/g, ' ')).to.contain('Chỉ tiêu 80 %.');
    el.target = 90;
    await el.updateComplete;
    expect(Number(chartOf(el).querySelector('line.target')!.getAttribute('y1'))).to.be.lessThan(dots[1], '90 % above the highest value');
  });

  it('a part of a year is compared with the same months of the year before, never with a whole year (synthetic counts)', async () => {
    const feed = { chiso: 1, indicators: [{ id: 'n', unit: 'hồ sơ' }], observations: [
      { area: '99', period: '2019', value: 1000 }, { area: '99', period: '2020', value: 1200 },
      { area: '99', period: '2020-01/2020-05', value: 400 }, { area: '99', period: '2021-01/2021-05', value: 520 }] };
    const el = await fixture<ChisoTrend>(html`<chiso-trend .data=${feed}></chiso-trend>`);
    await waitUntil(() => el.state === 'ready');
    expect(text(el.shadowRoot!.querySelector('.delta'))).to.equal('▲ 120 hồ sơ so với cùng kỳ 5 tháng đầu năm 2020');
  });

  it('series of different units on one axis are refused with a clear error and chiso-error', async () => {
    const el = document.createElement('chiso-trend') as ChisoTrend;
    el.indicator = 'dvc.online_rate,dvc.online_dossiers';
    const error = nextEvent<{ code: string }>(el, 'chiso-error');
    el.data = { ...publishedFeed('dvc.online_rate', '25'), indicators: [...publishedFeed('dvc.online_rate').indicators, ...publishedFeed('dvc.online_dossiers').indicators],
      observations: [...publishedFeed('dvc.online_rate', '25').observations, ...publishedFeed('dvc.online_dossiers', '25').observations] };
    document.body.append(el);
    try {
      expect((await error).detail.code).to.equal('schema');
      await waitUntil(() => el.state === 'error');
      expect(text(el.shadowRoot!.querySelector('[part="error"]'))).to.contain('đơn vị khác nhau (%, hồ sơ)');
    } finally {
      el.remove();
    }
  });
});
