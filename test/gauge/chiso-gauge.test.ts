import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, emulateMedia } from '@web/test-runner-commands';
import { clearFeedCache, requestCounts } from '@chiso/core';
import '@chiso/gauge';
import type { ChisoGauge } from '@chiso/gauge';
import { phuThoFeed, sampleFeed, okUrl, text, nextEvent, uniqueKey } from '../helpers/feeds.js';

const part = (el: ChisoGauge, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`) as HTMLElement | SVGElement | null;
const ready = async (el: ChisoGauge) => { await el.updateComplete; return el; };
const stroke = (el: ChisoGauge) => getComputedStyle(part(el, 'indicator')!).stroke;
const fill = (el: ChisoGauge) => getComputedStyle(part(el, 'indicator')!).fill;
/** The value cell of a row of the details table, opened as a reader opens it (its code loads on the first opening). */
async function detail(el: ChisoGauge, heading: string) {
  const details = el.shadowRoot!.querySelector<HTMLDetailsElement>('[part="details"]')!;
  details.open = true;
  await waitUntil(() => el.shadowRoot!.querySelector('[part="details"] tr'), 'the details table drawn');
  return text([...el.shadowRoot!.querySelectorAll('[part="details"] tr')].find((tr) => text(tr.querySelector('th')) === heading)?.querySelector('td'));
}

const GOOD = 'rgb(26, 127, 55)';
const FAIR = 'rgb(154, 103, 0)';
const BAD = 'rgb(207, 34, 46)';

describe('<chiso-gauge> inline values', () => {
  beforeEach(() => clearFeedCache());

  it('formats a rate the Vietnamese way and exposes a meter', async () => {
    const el = await ready(await fixture<ChisoGauge>(html`<chiso-gauge value="87.86" unit="%" label="Tỷ lệ hồ sơ trực tuyến" target="80" thresholds="50 80"></chiso-gauge>`));
    expect(el.state).to.equal('ready');
    expect(text(part(el, 'value'))).to.equal('87,86 %');
    expect(part(el, 'value')!.textContent).to.contain('\u00a0%'); // the number and % never split across lines
    const meter = part(el, 'meter')!;
    expect(meter.getAttribute('role')).to.equal('meter');
    expect(meter.getAttribute('aria-valuenow')).to.equal('87.86');
    expect(meter.getAttribute('aria-valuemin')).to.equal('0');
    expect(meter.getAttribute('aria-valuemax')).to.equal('100');
    const valuetext = meter.getAttribute('aria-valuetext')!.replace(/\u00a0/g, ' ');
    expect(valuetext).to.contain('87,86 %');
    expect(valuetext).to.contain('mức: tốt');
    expect(valuetext).to.contain('đạt mục tiêu 80 %');
    expect(meter.getAttribute('aria-label')).to.equal('Tỷ lệ hồ sơ trực tuyến');
    expect(text(part(el, 'label'))).to.equal('Tỷ lệ hồ sơ trực tuyến');
  });

  it('speaks English with lang="en"', async () => {
    const el = await ready(await fixture<ChisoGauge>(html`<chiso-gauge lang="en" value="87.86" unit="%" target="90"></chiso-gauge>`));
    expect(text(part(el, 'value'))).to.equal('87.86%');
    expect(part(el, 'meter')!.getAttribute('aria-valuetext')).to.contain('target not met 90%');
  });

  it('colours the value by its threshold band, boundaries inclusive', async () => {
    const cases: Array<[number, string]> = [[30, BAD], [49.99, BAD], [50, FAIR], [79.9, FAIR], [80, GOOD], [100, GOOD]];
    for (const [value, colour] of cases) {
      const el = await ready(await fixture<ChisoGauge>(html`<chiso-gauge .value=${value} unit="%" thresholds="50 80"></chiso-gauge>`));
      expect(stroke(el), `value ${value}`).to.equal(colour);
    }
  });

  it('reverses the bands when lower is better', async () => {
    const low = await ready(await fixture<ChisoGauge>(html`<chiso-gauge value="5" unit="%" thresholds="10 20" direction="lower-is-better"></chiso-gauge>`));
    expect(stroke(low)).to.equal(GOOD);
    const high = await ready(await fixture<ChisoGauge>(html`<chiso-gauge value="25" unit="%" thresholds="10 20" direction="lower-is-better"></chiso-gauge>`));
    expect(stroke(high)).to.equal(BAD);
  });

  it('draws the threshold bands and the target marker where they belong', async () => {
    const el = await ready(await fixture<ChisoGauge>(html`<chiso-gauge value="60" unit="%" thresholds="50 80" target="80"></chiso-gauge>`));
    const bands = [...el.shadowRoot!.querySelectorAll('[part="bands"] path')].map((p) => getComputedStyle(p).stroke);
    expect(bands).to.deep.equal([BAD, FAIR, GOOD]);
    const target = part(el, 'target') as SVGPathElement;
    expect(target).to.exist;
    // 80 % of a 240° arc starting at -120° is +72°: right of the top centre, above the centre line.
    const box = target.getBBox();
    expect(box.x).to.be.greaterThan(100);
    expect(box.y).to.be.lessThan(100);
  });

  it('follows themes and custom properties', async () => {
    const dark = await ready(await fixture<ChisoGauge>(html`<chiso-gauge theme="dark" value="90" unit="%" thresholds="50 80"></chiso-gauge>`));
    expect(stroke(dark)).to.equal('rgb(63, 185, 80)');
    expect(getComputedStyle(part(dark, 'base')!).backgroundColor).to.equal('rgb(13, 17, 23)');
    const contrast = await ready(await fixture<ChisoGauge>(html`<chiso-gauge theme="contrast" value="90" unit="%" thresholds="50 80"></chiso-gauge>`));
    expect(getComputedStyle(part(contrast, 'base')!).backgroundColor).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle(part(contrast, 'value')!).color).to.equal('rgb(255, 255, 255)');
    const custom = await ready(await fixture<ChisoGauge>(html`<chiso-gauge style="--chiso-color-good: rgb(1, 2, 3)" value="90" unit="%" thresholds="50 80"></chiso-gauge>`));
    expect(stroke(custom)).to.equal('rgb(1, 2, 3)');
  });

  it('renders the ring and bullet variants with the same band colour', async () => {
    const ring = await ready(await fixture<ChisoGauge>(html`<chiso-gauge variant="ring" value="100" unit="%" thresholds="50 80"></chiso-gauge>`));
    expect(stroke(ring)).to.equal(GOOD);
    expect((part(ring, 'indicator') as SVGPathElement).getAttribute('d')).to.match(/A.*A/); // a full ring takes two arcs
    const bullet = await ready(await fixture<ChisoGauge>(html`<chiso-gauge variant="bullet" value="25" unit="%" thresholds="50 80"></chiso-gauge>`));
    expect(fill(bullet)).to.equal(BAD);
    expect(Number(part(bullet, 'indicator')!.getAttribute('width'))).to.equal(75); // 25 % of 300
  });

  it('sizes in rem, so the portal font-size buttons scale it', async () => {
    const el = await ready(await fixture<ChisoGauge>(html`<div style="width: 30rem"><chiso-gauge value="50" unit="%"></chiso-gauge></div>`).then((d) => d.firstElementChild as ChisoGauge));
    const before = parseFloat(getComputedStyle(part(el, 'value')!).fontSize);
    document.documentElement.style.fontSize = '20px';
    try {
      const after = parseFloat(getComputedStyle(part(el, 'value')!).fontSize);
      expect(before).to.equal(32);
      expect(after).to.equal(40);
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('adapts to a narrow container: the value shrinks to fit inside the arc, a short one stays large', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 11rem"><chiso-gauge value="87.86" unit="%"></chiso-gauge><chiso-gauge value="50" unit="%"></chiso-gauge></div>`);
    const [long, short] = [...wrap.querySelectorAll('chiso-gauge')] as ChisoGauge[];
    await ready(long);
    await ready(short);
    const value = part(long, 'value')!;
    const size = parseFloat(getComputedStyle(value).fontSize);
    expect(size).to.be.below(32);
    // Inside the arc's ends: the text is narrower than 0.6 of the drawing.
    const range = document.createRange();
    range.selectNodeContents(value);
    expect(range.getBoundingClientRect().width).to.be.at.most(part(long, 'chart')!.getBoundingClientRect().width * 0.6);
    expect(parseFloat(getComputedStyle(part(short, 'value')!).fontSize)).to.equal(32);
  });

  it('prints without the interactive details', async () => {
    const el = await ready(await fixture<ChisoGauge>(html`<chiso-gauge value="50" unit="%"></chiso-gauge>`));
    expect(getComputedStyle(part(el, 'details')!).display).to.not.equal('none');
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(part(el, 'details')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('is reachable by keyboard: the meter, then the details', async () => {
    const before = await fixture<HTMLButtonElement>(html`<button>before</button>`);
    const el = await ready(await fixture<ChisoGauge>(html`<chiso-gauge value="87.86" unit="%" label="Tỷ lệ"></chiso-gauge>`));
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'meter'));
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.tagName).to.equal('SUMMARY');
    await sendKeys({ press: 'Enter' });
    expect((part(el, 'details') as HTMLDetailsElement).open).to.be.true;
    expect(await detail(el, 'Giá trị')).to.equal('87,86 %');
  });
});

describe('<chiso-gauge> bad input never breaks the page', () => {
  const bad: Array<[string, string]> = [['abc', 'Giá trị không phải là số hợp lệ'], ['NaN', 'Giá trị không phải là số hợp lệ'], ['Infinity', 'Giá trị không phải là số hợp lệ'], ['-5', 'nằm ngoài khoảng 0–100 %'], ['120', 'nằm ngoài khoảng 0–100 %']];
  for (const [value, message] of bad) {
    it(`value="${value}" gives the error state, a chiso-error and no NaN`, async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
      const errorEvent = nextEvent<{ code: string; message: string }>(wrap, 'chiso-error');
      const el = document.createElement('chiso-gauge');
      el.setAttribute('value', value);
      el.setAttribute('unit', '%');
      wrap.append(el);
      const e = await errorEvent;
      await el.updateComplete;
      expect(el.state).to.equal('error');
      expect(e.detail.code).to.equal('schema');
      expect(e.detail.message.replace(/\u00a0/g, ' ')).to.contain(message);
      expect(text(part(el, 'error'))).to.contain(message);
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(el.shadowRoot!.textContent).to.not.match(/NaN|undefined/);
      expect(part(el, 'meter')).to.equal(null);
    });
  }

  it('a value out of the scale of a non-rate still draws, clamped, with the true value shown', async () => {
    const el = await ready(await fixture<ChisoGauge>(html`<chiso-gauge value="1500" max="1283" unit="trạm"></chiso-gauge>`));
    expect(el.state).to.equal('ready');
    expect(text(part(el, 'value'))).to.equal('1.500 trạm');
    expect(part(el, 'meter')!.getAttribute('aria-valuenow')).to.equal('1283');
  });

  it('with no src and no value it says there is no data source', async () => {
    const el = await ready(await fixture<ChisoGauge>(html`<chiso-gauge label="Tỷ lệ"></chiso-gauge>`));
    expect(el.state).to.equal('empty');
    expect(text(part(el, 'empty'))).to.equal('Chưa có nguồn dữ liệu');
  });

  it('a feed that fails (HTTP 500) gives a localized error and chiso-error with its code', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const errorEvent = nextEvent<{ code: string; message: string; status: number }>(wrap, 'chiso-error', 15000);
    const el = document.createElement('chiso-gauge');
    el.src = `/__feeds/status?code=500&key=${uniqueKey()}`;
    wrap.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    const e = await errorEvent;
    await el.updateComplete;
    expect(e.detail).to.include({ code: 'http', status: 500 });
    expect(e.detail.message).to.contain('Nguồn dữ liệu trả về lỗi');
    expect(el.state).to.equal('error');
    expect(text(part(el, 'error'))).to.contain('Không hiển thị được chỉ số');
  });

  it('a feed that answers with a web page is an error, and its HTML never runs', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const errorEvent = nextEvent<{ code: string }>(wrap, 'chiso-error');
    const el = document.createElement('chiso-gauge');
    el.src = `/__feeds/html?key=${uniqueKey()}`;
    wrap.append(el);
    expect((await errorEvent).detail.code).to.equal('unsupported');
    expect((window as unknown as { __pwned?: boolean }).__pwned).to.equal(undefined);
  });

  it('shows hostile feed text as text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const feed = { chiso: 1, indicators: [{ id: 'x', name: payload, unit: '%' }], observations: [{ area: '25', name: payload, period: '2021', value: 50 }] };
    const el = await ready(await fixture<ChisoGauge>(html`<chiso-gauge .data=${feed}></chiso-gauge>`));
    expect(el.state).to.equal('ready');
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(part(el, 'label')!.textContent).to.equal(payload);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('a malformed feed in `data` gives a schema error with its JSON path', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const errorEvent = nextEvent<{ code: string; path: string }>(wrap, 'chiso-error');
    const el = document.createElement('chiso-gauge');
    el.data = { chiso: 1, observations: [{ area: '25', value: 1 }, { area: '26', value: { evil: true } }] };
    wrap.append(el);
    const e = await errorEvent;
    expect(e.detail).to.include({ code: 'schema', path: 'observations[1].value' });
  });
});

describe('<chiso-gauge> from a feed', () => {
  beforeEach(() => clearFeedCache());

  it('loads the feed (the published Phú Thọ figures), shows the value, its online dossiers and its source, then fires chiso-ready', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const readyEvent = nextEvent<{ value: number; period: string; band: string; area: string }>(wrap, 'chiso-ready');
    const el = document.createElement('chiso-gauge');
    el.src = okUrl(phuThoFeed, { key: uniqueKey() });
    wrap.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(part(el, 'skeleton')).to.exist;
    const e = await readyEvent;
    await el.updateComplete;
    expect(e.detail).to.deep.equal({ value: 87.86, label: 'Tỷ lệ hồ sơ nộp trực tuyến', area: '25', period: '2021', band: 'good' });
    expect(el.state).to.equal('ready');
    expect(text(part(el, 'value'))).to.equal('87,86 %');
    expect(text(part(el, 'subtitle'))).to.equal('Phú Thọ · 2021');
    // No earlier rate was published: no change is shown, none is made up.
    expect(part(el, 'delta')).to.equal(null);
    expect(text(part(el, 'ratio'))).to.equal('349.887 hồ sơ trực tuyến');
    expect(await detail(el, 'Nguồn')).to.equal('Tỉnh Phú Thọ, báo cáo công khai kết quả năm 2021');
    expect(await detail(el, 'Mục tiêu')).to.equal('');
  });

  it('a change against the previous period and numerator / denominator (synthetic Tỉnh Mẫu)', async () => {
    const el = await fixture<ChisoGauge>(html`<chiso-gauge src=${okUrl(sampleFeed, { key: uniqueKey() })}></chiso-gauge>`);
    await waitUntil(() => el.state === 'ready', 'ready', { timeout: 8000 });
    expect(text(part(el, 'value'))).to.equal('84,53 %');
    expect(text(part(el, 'delta'))).to.equal('▲ 13,28 điểm %');
    expect(part(el, 'delta')!.classList.contains('improves')).to.be.true;
    expect(getComputedStyle(part(el, 'delta')!).color).to.equal(GOOD);
    expect(text(part(el, 'ratio'))).to.equal('12.345 / 14.604 hồ sơ');
    expect(part(el, 'meter')!.getAttribute('aria-valuetext')!.replace(/\u00a0/g, ' ')).to.contain('tăng 13,28 điểm % so với kỳ trước');
    expect(await detail(el, 'Nguồn')).to.equal('Dữ liệu mẫu sinh tự động (không phải số liệu thật)');
    expect(await detail(el, 'Cập nhật')).to.equal('08:00 15/01/2026'); // Vietnam time, whatever the reader's clock
    expect(await detail(el, 'Mục tiêu')).to.equal('80 %');
    expect(await detail(el, 'Kỳ trước')).to.equal('2024: 71,25 %');
  });

  it('a part of a year is compared with the same part of the year before, never with a whole year', async () => {
    const feed = { chiso: 1, indicators: [{ id: 'n', unit: 'hồ sơ' }], observations: [
      { area: '99', period: '2020', value: 1000 }, { area: '99', period: '2021-01/2021-05', value: 300 }] };
    const el = await ready(await fixture<ChisoGauge>(html`<chiso-gauge .data=${feed} max="2000"></chiso-gauge>`));
    expect(text(part(el, 'subtitle'))).to.equal('5 tháng đầu năm 2021');
    expect(part(el, 'delta'), 'not against the whole of 2020').to.equal(null);
    el.data = { ...feed, observations: [...feed.observations, { area: '99', period: '2020-01/2020-05', value: 250 }] };
    await el.updateComplete;
    expect(text(part(el, 'delta'))).to.equal('▲ 50 hồ sơ');
    expect(await detail(el, 'Kỳ trước')).to.equal('5 tháng đầu năm 2020: 250 hồ sơ');
  });

  it('inline attributes override the feed metadata; selectors pick level and period', async () => {
    const el = await ready(await fixture<ChisoGauge>(html`<chiso-gauge .data=${sampleFeed} level="commune" label="Cấp xã" thresholds="10 20" lang="en"></chiso-gauge>`));
    expect(text(part(el, 'label'))).to.equal('Cấp xã');
    expect(text(part(el, 'value'))).to.equal('16.2%');
    expect(stroke(el)).to.equal(FAIR);
    el.period = '2024';
    el.level = 'province';
    await el.updateComplete;
    expect(text(part(el, 'value'))).to.equal('71.25%');
    expect(part(el, 'delta')).to.equal(null);
  });

  it('says empty when nothing matches the selectors', async () => {
    const el = await ready(await fixture<ChisoGauge>(html`<chiso-gauge .data=${phuThoFeed} area="99"></chiso-gauge>`));
    expect(el.state).to.equal('empty');
    expect(text(part(el, 'empty'))).to.equal('Không có dữ liệu phù hợp');
  });

  it('elements asking for one URL share one request', async () => {
    const key = uniqueKey('shared');
    const url = okUrl(phuThoFeed, { key, delay: '100' });
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <chiso-gauge src=${url}></chiso-gauge><chiso-gauge src=${url} level="district"></chiso-gauge><chiso-gauge src=${url} level="commune"></chiso-gauge>
    </div>`);
    const gauges = [...wrap.querySelectorAll('chiso-gauge')];
    await waitUntil(() => gauges.every((g) => g.state === 'ready'), 'gauges ready', { timeout: 8000 });
    expect(requestCounts.get(url)).to.equal(1);
    const served = await (await fetch(`/__feeds/count?of=${key}`)).json();
    expect(served.count).to.equal(1);
    expect(gauges.map((g) => text(part(g, 'value')))).to.deep.equal(['87,86 %', '34,1 %', '16,55 %']);
  });

  it('keeps the last good data, marked stale, when a refresh fails; recovers on the next', async () => {
    const key = uniqueKey('stale');
    // Requests 2–4 fail: the refresh and both its retries.
    const url = `/__feeds/sequence?key=${key}&fail=2,3,4&bodies=${encodeURIComponent(JSON.stringify([JSON.stringify(phuThoFeed)]))}`;
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('chiso-gauge');
    el.src = url;
    el.refresh = 1;
    const errors: string[] = [];
    wrap.addEventListener('chiso-error', (e) => errors.push((e as CustomEvent).detail.code));
    wrap.append(el);
    await waitUntil(() => el.state === 'ready', 'first load', { timeout: 5000 });
    await waitUntil(() => el.state === 'stale', 'failed refresh', { timeout: 15000 });
    expect(errors).to.deep.equal(['http']);
    expect(text(part(el, 'value'))).to.equal('87,86 %');
    expect(text(part(el, 'stale'))).to.match(/^Dữ liệu cũ, từ \d{2}:\d{2}$/);
    await waitUntil(() => el.state === 'ready', 'recovered', { timeout: 8000 });
    expect(part(el, 'stale')).to.equal(null);
    el.remove();
  });

  it('aborts its request when removed from the page', async () => {
    const el = document.createElement('chiso-gauge');
    const key = uniqueKey();
    el.src = `/__feeds/hang?ms=20000&key=${key}`;
    const errors: unknown[] = [];
    el.addEventListener('chiso-error', (e) => errors.push(e));
    document.body.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    await waitUntil(async () => (await (await fetch(`/__feeds/count?of=${key}`)).json()).count === 1, 'the request reached the server');
    el.remove();
    // The server sees the client go away long before its answer was due: the request was aborted, not ignored.
    await waitUntil(async () => (await (await fetch(`/__feeds/abandoned?of=${key}`)).json()).abandoned, 'the server saw the request aborted', { timeout: 5000 });
    await el.updateComplete;
    expect(errors, 'an abort is not an error to report').to.have.length(0);
  });

  it('times out with `timeout` and says so', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const errorEvent = nextEvent<{ code: string; message: string }>(wrap, 'chiso-error', 15000);
    const el = document.createElement('chiso-gauge');
    el.timeout = 300;
    el.src = `/__feeds/hang?ms=5000&key=${uniqueKey()}`;
    wrap.append(el);
    const e = await errorEvent;
    expect(e.detail.code).to.equal('timeout');
    expect(e.detail.message).to.contain('không phản hồi kịp');
  });
});

describe('bundles', () => {
  it('registering the tags a second time (two bundles on one page) does not throw', async () => {
    const before = customElements.get('chiso-gauge');
    // The all-in-one bundle carries its own copy of every class and registers the same tag names: its gauge chunk
    // is loaded here by hand (the loader itself never loads a tag that is already defined).
    const loader = await import(/* @vite-ignore */ '/packages/chiso/dist/chiso.js' as string) as { TAGS: Record<string, () => Promise<unknown>>; load(tag: string): Promise<unknown> };
    await loader.TAGS['chiso-gauge']();
    await loader.TAGS['chiso-gauge-group']();
    expect(customElements.get('chiso-gauge')).to.equal(before);
    expect(await loader.load('chiso-gauge')).to.equal(before);
  });

  it('the README snippet works pasted into a static page', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/examples/paste.html';
    frame.style.width = '40rem';
    frame.style.height = '30rem';
    document.body.append(frame);
    try {
      await waitUntil(() => frame.contentDocument?.querySelector('chiso-gauge')?.shadowRoot?.querySelector('[part="value"]'), 'gauge rendered', { timeout: 10000 });
      const g = frame.contentDocument!.querySelector('chiso-gauge')!;
      expect(text(g.shadowRoot!.querySelector('[part="value"]'))).to.equal('87,86 %');
      expect(text(g.shadowRoot!.querySelector('[part="ratio"]'))).to.equal('349.887 hồ sơ trực tuyến');
    } finally {
      frame.remove();
    }
  });
});
