import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearFeedCache, loadFeed, requestFeed, requestCounts, FeedError } from '@chiso/core';
import '@chiso/gauge';
import type { ChisoGauge } from '@chiso/gauge';
import { okUrl, text, uniqueKey } from '../helpers/feeds.js';
import { skipBecause } from '../helpers/skip.js';

const valueOf = (g: ChisoGauge) => text(g.shadowRoot!.querySelector('[part="value"]'));

describe('feeds in the browser', () => {
  beforeEach(() => clearFeedCache());

  it('a gauge reads a CSV feed with vi-VN decimals (the reader loads on demand)', async () => {
    // SYNTHETIC values under a real province's name, to test the reader only.
    const csv = 'Tỉnh;Năm;Giá trị\nTỉnh Phú Thọ;2023;61,5\nTỉnh Phú Thọ;2024;73,25\n';
    const el = await fixture<ChisoGauge>(html`<chiso-gauge src=${okUrl(csv, { key: uniqueKey() })} unit="%"></chiso-gauge>`);
    await waitUntil(() => el.state === 'ready', 'ready', { timeout: 8000 });
    expect(valueOf(el)).to.equal('73,25 %');
    expect(text(el.shadowRoot!.querySelector('[part="delta"]'))).to.equal('▲ 11,75 điểm %');
    expect(text(el.shadowRoot!.querySelector('[part="subtitle"]'))).to.equal('Tỉnh Phú Thọ · 2024');
  });

  it('a gauge reads a real GSO PX-Web JSON-stat 1.0 file with its trailing NUL', async function () {
    const url = '/__shared/jsonstat/vn-gso-pxweb/raw/E02.08.json';
    if ((await fetch(url)).status !== 200) skipBecause(this, '../shared/data is not beside this clone (the real public data these tests read)');
    const el = await fixture<ChisoGauge>(html`<chiso-gauge src=${url} max="120"></chiso-gauge>`);
    await waitUntil(() => el.state === 'ready' || el.state === 'error', 'settled', { timeout: 8000 });
    expect(el.state).to.equal('ready');
    expect(el.current!.period).to.equal('2024');
    expect(valueOf(el)).to.match(/^\d+,\d+$/);
  });

  it('conditional requests: a refresh sends If-None-Match and reuses the data on 304', async () => {
    const key = uniqueKey('etag');
    const url = `/__feeds/etag?key=${key}`;
    const first = await requestFeed(url);
    const again = await requestFeed(url, { force: true });
    expect(again.notModified).to.be.true;
    expect(again.model).to.equal(first.model);
    const served = await (await fetch(`/__feeds/count?of=${key}:304`)).json();
    expect(served.count).to.equal(1);
  });

  it('retries a flaky server with backoff, then succeeds', async () => {
    const url = `/__feeds/flaky?fail=2&key=${uniqueKey()}`;
    const model = await loadFeed(url, { retryDelayMs: 50 });
    expect(model.observations[0].value).to.equal(87.86);
    expect(requestCounts.get(url)).to.equal(3);
  });

  it('fails with the right code: 404 http (no retry), truncated JSON parse, HTML unsupported, hang timeout', async () => {
    const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof FeedError ? e.code : String(e)));
    const notFound = `/__feeds/status?code=404&key=${uniqueKey()}`;
    expect(await codeOf(loadFeed(notFound))).to.equal('http');
    expect(requestCounts.get(notFound)).to.equal(1);
    expect(await codeOf(loadFeed(`/__feeds/truncate?key=${uniqueKey()}`))).to.equal('parse');
    expect(await codeOf(loadFeed(`/__feeds/html?key=${uniqueKey()}`))).to.equal('unsupported');
    expect(await codeOf(loadFeed(`/__feeds/hang?ms=3000&key=${uniqueKey()}`, { timeoutMs: 200, retries: 0 }))).to.equal('timeout');
  });

  it('an abort by one caller does not cancel the request others wait for', async () => {
    const url = okUrl({ chiso: 1, observations: [{ area: '25', value: 1 }] }, { key: uniqueKey(), delay: '200' });
    const a = new AbortController();
    const p1 = requestFeed(url, { signal: a.signal });
    const p2 = requestFeed(url);
    a.abort();
    const [r1, r2] = await Promise.allSettled([p1, p2]);
    expect(r1.status).to.equal('rejected');
    expect((r1 as PromiseRejectedResult).reason.name).to.equal('AbortError');
    expect(r2.status).to.equal('fulfilled');
    expect(requestCounts.get(url)).to.equal(1);
  });
});
