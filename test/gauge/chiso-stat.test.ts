// <chiso-stat> in Chromium: the published figures read as reports write them (qualifier, unit, rank of N, rank
// change in places, read out to screen readers), compact forms, changes against the previous period coloured by
// direction, progress to a target, the sparkline and the data table, English, and bad input.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearFeedCache } from '@chiso/core';
import '@chiso/gauge';
import type { ChisoStat } from '@chiso/gauge';
import { publishedFeed, okUrl, text, nextEvent, uniqueKey } from '../helpers/feeds.js';

const part = (el: ChisoStat, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`) as HTMLElement | null;
const GOOD = 'rgb(26, 127, 55)';
const BAD = 'rgb(207, 34, 46)';

describe('<chiso-stat>', () => {
  beforeEach(() => clearFeedCache());

  it('Hải Dương: "gần 860.000 tài khoản", thứ 10/63 toàn quốc, with its source; chiso-ready carries the view', async () => {
    const el = document.createElement('chiso-stat') as ChisoStat;
    const ready = nextEvent<{ value: number; rank: number }>(el, 'chiso-ready');
    el.data = publishedFeed('eid.accounts', '30');
    const wrap = await fixture(html`<div></div>`);
    wrap.append(el);
    const detail = (await ready).detail;
    expect(detail.value).to.equal(860000);
    expect(detail.rank).to.equal(10);
    expect(el.state).to.equal('ready');
    expect(text(part(el, 'label'))).to.equal('Tài khoản định danh điện tử');
    expect(text(part(el, 'value'))).to.equal('gần 860.000 tài khoản');
    expect(getComputedStyle(part(el, 'value')!.querySelector('.unit')!).display).to.equal('inline-block', 'a unit of several words moves as a whole');
    expect(text(part(el, 'rank'))).to.equal('thứ 10/63 toàn quốc');
    expect(text(part(el, 'source'))).to.contain('Hải Dương');
    expect(el.current!.qualifier).to.equal('nearly');
    // Compact, as reports write large numbers; the exact figure stays in the table.
    el.compact = true;
    await el.updateComplete;
    expect(text(part(el, 'value'))).to.equal('gần 860 nghìn tài khoản');
    part(el, 'details')!.querySelector('summary')!.click();
    expect(text(part(el, 'details')!.querySelector('td'))).to.equal('860.000 tài khoản');
  });

  it('Bắc Kạn ICT index: thứ 16/63, "▲ 10 bậc" in the good colour and read out as a rise from 2018; the ranks as a sparkline', async () => {
    const el = await fixture<ChisoStat>(html`<chiso-stat .data=${publishedFeed('ict.rank', '06')}></chiso-stat>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    expect(part(el, 'value')).to.equal(null, 'a rank has no value to show');
    const rank = part(el, 'rank')!;
    expect(text(rank)).to.contain('thứ 16/63 toàn quốc');
    const arrow = rank.querySelector('.up')!;
    expect(text(arrow)).to.equal('▲ 10 bậc');
    expect(getComputedStyle(arrow).color).to.equal(GOOD);
    expect(arrow.getAttribute('aria-hidden')).to.equal('true');
    expect(text(rank.querySelector('.visually-hidden'))).to.equal(', tăng 10 bậc so với 2018');
    const spark = part(el, 'sparkline')!;
    expect(spark.getAttribute('role')).to.equal('img');
    expect(spark.getAttribute('aria-label')).to.equal('Thứ hạng 2016–2019: cao nhất thứ 16, thấp nhất thứ 57');
    // Rank 1 at the top: the last point (16, the best) is drawn higher than the first (57).
    const d = spark.querySelector('path')!.getAttribute('d')!;
    const xy = [...d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(xy[2][1]).to.be.lessThan(xy[0][1]);
    // True time spacing: 2016, 2018, 2019 are 2 years then 1 apart, not evenly spaced.
    expect(xy[1][0] - xy[0][0]).to.be.closeTo(2 * (xy[2][0] - xy[1][0]), 1);
    el.lang = 'en';
    await el.updateComplete;
    expect(text(part(el, 'rank'))).to.contain('16th of 63 nationally ▲ 10 places');
  });

  it('a change for the worse, by direction; the same months a year before; progress to a target', async () => {
    // SYNTHETIC: overdue dossiers (lower is better) of the made-up province 99, by month.
    const feed = { chiso: 1, indicators: [{ id: 'late', name: 'Hồ sơ quá hạn (mẫu)', unit: 'hồ sơ', direction: 'lower-is-better', target: 200 }], observations: [
      { indicator: 'late', area: '99', period: '2024-05', value: 120 },
      { indicator: 'late', area: '99', period: '2025-04', value: 100 },
      { indicator: 'late', area: '99', period: '2025-05', value: 150 },
    ] };
    const el = await fixture<ChisoStat>(html`<chiso-stat .data=${feed}></chiso-stat>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    const delta = part(el, 'delta')!;
    expect(text(delta)).to.equal('▲ 50 % so với Tháng 4/2025');
    expect(delta.classList.contains('worsens')).to.equal(true);
    expect(getComputedStyle(delta).color).to.equal(BAD);
    expect(text(part(el, 'year-before'))).to.equal('▲ 25 % so với cùng kỳ Tháng 5/2024');
    expect(part(el, 'progress')).to.equal(null, 'a lower-is-better figure has no progress towards its target');
    // SYNTHETIC: 73 tasks done of a plan of 81.
    const tasks = await fixture<ChisoStat>(html`<chiso-stat value="73" target="81" unit="nhiệm vụ" label="Nhiệm vụ hoàn thành (mẫu)"></chiso-stat>`);
    await waitUntil(() => tasks.state === 'ready', 'ready');
    const progress = part(tasks, 'progress')!;
    expect(progress.getAttribute('role')).to.equal('progressbar');
    expect(progress.getAttribute('aria-valuenow')).to.equal('90.1');
    expect(progress.getAttribute('aria-label')).to.equal('Nhiệm vụ hoàn thành (mẫu): tiến độ so với chỉ tiêu');
    expect(text(progress)).to.equal('đạt 90,1 % chỉ tiêu (81 nhiệm vụ)');
  });

  it('bad input: a missing feed gives a localized error and chiso-error; a failed refresh keeps the last figure (stale); feed text is never HTML', async () => {
    const missing = await fixture<ChisoStat>(html`<chiso-stat src=${`/__feeds/status?code=404&key=${uniqueKey('stat')}`}></chiso-stat>`);
    const error = await nextEvent<{ code: string }>(missing, 'chiso-error');
    expect(error.detail.code).to.equal('http');
    await waitUntil(() => missing.state === 'error', 'error');
    expect(part(missing, 'error')!.getAttribute('role')).to.equal('alert');
    // An inline value that is not a number: an error said in Vietnamese, never the feed's figure instead.
    const abc = document.createElement('chiso-stat') as ChisoStat;
    abc.value = 'abc';
    abc.data = publishedFeed('bts.sites', '08');
    const abcError = nextEvent<{ code: string; path: string }>(abc, 'chiso-error');
    (await fixture(html`<div></div>`)).append(abc);
    expect((await abcError).detail.code).to.equal('schema');
    await waitUntil(() => abc.state === 'error', 'error');
    expect(text(part(abc, 'error'))).to.contain('Giá trị không phải là số hợp lệ');
    expect(part(abc, 'value')).to.equal(null);
    // Hostile text in the feed shows as text.
    const hostile = { chiso: 1, indicators: [{ id: 'x', name: '<img src=x onerror=alert(1)>', unit: '<b>u</b>' }], observations: [{ indicator: 'x', area: '99', period: '2025', value: 5 }] };
    const el = await fixture<ChisoStat>(html`<chiso-stat src=${okUrl(hostile, { key: uniqueKey('h') })}></chiso-stat>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(text(part(el, 'label'))).to.equal('<img src=x onerror=alert(1)>');
    // Another feed is another figure: when it fails, nothing of the last one stays on screen.
    el.src = `/__feeds/status?code=500&key=${uniqueKey('s')}`;
    await waitUntil(() => el.state === 'error', 'error', { timeout: 15000 });
    expect(part(el, 'value')).to.equal(null);
    expect(el.current).to.equal(undefined);
  });

  it('a refresh that fails keeps the figure, marked stale; an area with no figure is empty, and coming back fires chiso-ready again', async () => {
    // Requests 2–4 fail: the refresh and both its retries.
    const key = uniqueKey('stat-stale');
    const feed = publishedFeed('bts.sites', '08');
    const el = await fixture<ChisoStat>(html`<chiso-stat refresh="1"
      src=${`/__feeds/sequence?key=${key}&fail=2,3,4&bodies=${encodeURIComponent(JSON.stringify([JSON.stringify(feed)]))}`}></chiso-stat>`);
    await waitUntil(() => el.state === 'ready', 'first load', { timeout: 5000 });
    await waitUntil(() => el.state === 'stale', 'failed refresh', { timeout: 15000 });
    expect(text(part(el, 'value'))).to.equal('1.283 trạm');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    el.refresh = 0;
    const d = await fixture<ChisoStat>(html`<chiso-stat .data=${feed}></chiso-stat>`);
    await waitUntil(() => d.state === 'ready', 'ready');
    d.area = '01';
    await waitUntil(() => d.state === 'empty', 'empty');
    expect(d.current).to.equal(undefined, 'no figure of another area');
    const again = nextEvent<{ value: number }>(d, 'chiso-ready');
    d.area = '08';
    expect((await again).detail.value).to.equal(1283);
  });
});
