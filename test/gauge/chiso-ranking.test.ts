// <chiso-ranking> in Chromium: the 63 provinces of a GSO PX-Web download in order with the aggregates left out,
// the page's own province kept in view after the top rows, bars coloured by the thresholds, rank changes coloured
// and read out, the keyboard, selection, the table of every row, published ranks, English, and bad input.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clearFeedCache } from '@chiso/core';
import '@chiso/gauge';
import type { ChisoRanking } from '@chiso/gauge';
import { publishedFeed, text, nextEvent, uniqueKey } from '../helpers/feeds.js';

const PXWEB = '/test/fixtures/gso-pxweb-by-province.synthetic.json';
const GOOD = 'rgb(26, 127, 55)';
const BAD = 'rgb(207, 34, 46)';
const rowsOf = (el: ChisoRanking) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];

describe('<chiso-ranking>', () => {
  beforeEach(() => clearFeedCache());

  it('a PX-Web download by province: 63 rows in order, no aggregate; the top ten and "… Bắc Kạn" highlighted; a table of all 63', async () => {
    const el = await fixture<ChisoRanking>(html`<chiso-ranking src=${PXWEB} limit="10" highlight="06" label="Mật độ dân số (dữ liệu mẫu)"></chiso-ranking>`);
    await waitUntil(() => el.state === 'ready', 'ready', { timeout: 10000 });
    expect(el.rows).to.have.length(63);
    expect(el.rows.some((r) => r.key === 'VN' || r.key.startsWith('region:'))).to.equal(false);
    const values = el.rows.map((r) => r.value!);
    expect(values).to.deep.equal([...values].sort((a, b) => b - a));
    const shown = rowsOf(el);
    expect(shown).to.have.length(11);
    const own = shown.at(-1)!;
    expect(own.dataset.key).to.equal('06');
    expect(own.getAttribute('part')).to.equal('row highlight');
    expect(own.getAttribute('aria-current')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[part="gap"]')!.nextElementSibling).to.equal(own);
    const rank = el.rows.find((r) => r.key === '06')!.rank;
    expect(own.getAttribute('aria-label')).to.match(new RegExp(`^Hạng ${rank}: Bắc Kạn, `));
    expect(el.shadowRoot!.querySelectorAll('[part="details"] tbody tr')).to.have.length(63);
  });

  it('keyboard: arrows move through the rows, Enter selects (chiso-select with the row)', async () => {
    const el = await fixture<ChisoRanking>(html`<chiso-ranking src=${PXWEB} limit="5"></chiso-ranking>`);
    await waitUntil(() => el.state === 'ready', 'ready', { timeout: 10000 });
    const rows = rowsOf(el);
    expect(rows.map((r) => r.tabIndex)).to.deep.equal([0, -1, -1, -1, -1], 'one tab stop');
    rows[0].focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(rowsOf(el)[2]);
    const select = nextEvent<{ key: string; rank: number }>(el, 'chiso-select');
    await sendKeys({ press: 'Enter' });
    expect((await select).detail.key).to.equal(el.rows[2].key);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(rowsOf(el)[4]);
  });

  it('bars in the band colours of the thresholds; rises and falls in places, coloured and read out', async () => {
    // SYNTHETIC rates of four made-up units in two years.
    const feed = { chiso: 1, indicators: [{ id: 'r', name: 'Tỷ lệ (mẫu)', unit: '%', thresholds: [50, 80] }], observations:
      [['a', 90, 70], ['b', 70, 90], ['c', 60, 65], ['d', 40, 30]].flatMap(([id, v2025, v2024]) => [
        { indicator: 'r', area: '99', subject: { id, name: `Đơn vị ${id}` }, period: '2025', value: v2025 },
        { indicator: 'r', area: '99', subject: { id, name: `Đơn vị ${id}` }, period: '2024', value: v2024 },
      ]) };
    const el = await fixture<ChisoRanking>(html`<chiso-ranking .data=${feed}></chiso-ranking>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    const rows = rowsOf(el);
    expect(getComputedStyle(rows[0].querySelector('.bar')!).backgroundColor).to.equal(GOOD);
    expect(getComputedStyle(rows[3].querySelector('.bar')!).backgroundColor).to.equal(BAD);
    const up = rows[0].querySelector('.change')!;
    expect(text(up)).to.equal('▲ 1');
    expect(getComputedStyle(up).color).to.equal(GOOD);
    expect(getComputedStyle(rows[1].querySelector('.change')!).color).to.equal(BAD);
    expect(rows[0].getAttribute('aria-label')).to.equal('Hạng 1: Đơn vị a, 90\u00a0%, tăng 1 bậc so với 2024');
    el.lang = 'en';
    await el.updateComplete;
    expect(rowsOf(el)[1].getAttribute('aria-label')).to.equal('Rank 2: Đơn vị b, 70%, down 1 place from 2024');
  });

  it('published ranks without values: Bắc Kạn 16th of 63 (ICT index 2019)', async () => {
    const el = await fixture<ChisoRanking>(html`<chiso-ranking .data=${publishedFeed('ict.rank')}></chiso-ranking>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    expect(text(rowsOf(el)[0].querySelector('.value'))).to.equal('thứ 16/63 toàn quốc▲ 10');
    expect(el.rows[0].change).to.equal(10);
  });

  it('bad input: a missing feed gives a localized error and chiso-error; feed text is never HTML', async () => {
    const el = await fixture<ChisoRanking>(html`<chiso-ranking src=${`/__feeds/status?code=404&key=${uniqueKey('rk')}`}></chiso-ranking>`);
    expect((await nextEvent<{ code: string }>(el, 'chiso-error')).detail.code).to.equal('http');
    await waitUntil(() => el.state === 'error', 'error');
    expect(el.shadowRoot!.querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
    const hostile = { chiso: 1, observations: [{ area: '99', subject: { id: 'x', name: '<img src=x onerror=alert(1)>' }, period: '2025', value: 1 }] };
    const h = await fixture<ChisoRanking>(html`<chiso-ranking .data=${hostile}></chiso-ranking>`);
    await waitUntil(() => h.state === 'ready', 'ready');
    expect(h.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(rowsOf(h)[0].querySelector('.name'))).to.equal('<img src=x onerror=alert(1)>');
  });

  it('published: Tuyên Quang\'s three leading units listed as published, not ranked (no numbers, no made-up values), with their source from .data', async () => {
    const el = await fixture<ChisoRanking>(html`<chiso-ranking .data=${publishedFeed('dx.top_units', '08')}></chiso-ranking>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    const rows = rowsOf(el);
    expect(rows.map((r) => text(r.querySelector('.name')))).to.deep.equal(['Sở Tư pháp', 'Thành phố Tuyên Quang', 'Xã Tràng Đà']);
    expect(rows.map((r) => text(r.querySelector('.rank')))).to.deep.equal(['•', '•', '•']);
    expect(rows.map((r) => text(r.querySelector('.value')))).to.deep.equal(['', '', '']);
    expect(rows[0].getAttribute('aria-label')).to.equal('Sở Tư pháp');
    expect(text(el.shadowRoot!.querySelector('[part="subtitle"]'))).to.equal('2023 · Danh sách 3, không xếp hạng');
    expect(text(el.shadowRoot!.querySelector('[part="source"]'))).to.match(/^Nguồn: Tỉnh Tuyên Quang, báo cáo công khai năm 2024/);
    expect([...el.shadowRoot!.querySelectorAll('[part="details"] thead th')].map(text)).to.deep.equal(['Tên']);
  });

  it('highlight is matched as the feed keys areas: "6" marks Bắc Kạn\'s 06', async () => {
    const el = await fixture<ChisoRanking>(html`<chiso-ranking src=${PXWEB} limit="3" highlight="6"></chiso-ranking>`);
    await waitUntil(() => el.state === 'ready', 'ready', { timeout: 10000 });
    const own = rowsOf(el).at(-1)!;
    expect(own.dataset.key).to.equal('06');
    expect(own.getAttribute('aria-current')).to.equal('true');
  });
});

