// The loader's early responses as core's feed loader takes them (packages/core/src/feed/early.ts): taken once,
// by the first request for that address; a failed early request is asked again at once; an abort or a timeout ends
// the early request itself, before its headers or while its body is read.
import { expect, waitUntil } from '@open-wc/testing';
import { clearFeedCache, FeedError, loadFeed } from '@chiso/core';
import { takeEarlyResponse } from '../../packages/core/src/feed/early.js';
import { uniqueKey } from '../helpers/feeds.js';

type Early = { response: Promise<Response>; abort(): void };
const registry = () => ((globalThis as Record<symbol, Map<string, Early>>)[Symbol.for('chiso.early-fetch.2')] ??= new Map());
/** An early request as chiso.js makes it (packages/chiso/src/early-fetch.ts). */
const early = (url: string): void => {
  const controller = new AbortController();
  const response = fetch(url, { signal: controller.signal });
  response.catch(() => undefined);
  registry().set(new URL(url, document.baseURI).href, { response, abort: () => controller.abort() });
};
const abandoned = async (key: string) => ((await (await fetch(`/__feeds/abandoned?of=${key}`)).json()) as { abandoned: boolean }).abandoned;
const served = async (key: string) => ((await (await fetch(`/__feeds/count?of=${key}`)).json()) as { count: number }).count;

describe('early responses (chiso.js → core)', () => {
  beforeEach(() => clearFeedCache());

  it('the first load of an address takes the response waiting for it, once; the text is read as the feed', async () => {
    const key = uniqueKey('early');
    const url = `/__feeds/ok?key=${key}`;
    early(url);
    const model = await loadFeed(url);
    expect(model.observations[0].value).to.equal(87.86);
    expect(registry().size, 'taken').to.equal(0);
    expect(await served(key), 'no second request').to.equal(1);
    expect(takeEarlyResponse(url, {}), 'nothing left to take').to.equal(undefined);
  });

  it('an early request that failed on the network is asked again at once, by the element\'s own request', async () => {
    const key = uniqueKey('early-net');
    const url = `/__feeds/ok?key=${key}`;
    const failed = Promise.reject(new TypeError('Failed to fetch'));
    failed.catch(() => undefined);
    registry().set(new URL(url, document.baseURI).href, { response: failed, abort: () => undefined });
    const response = await takeEarlyResponse(url, {})!;
    expect(response.ok).to.equal(true);
    expect(await served(key)).to.equal(1);
  });

  it('an abort while waiting rejects with AbortError and ends the early request, as fetch does', async () => {
    const key = uniqueKey('early-abort');
    const url = `/__feeds/hang?ms=2000&key=${key}`;
    early(url);
    const controller = new AbortController();
    const taken = takeEarlyResponse(url, { signal: controller.signal })!;
    // Aborted once the server has it (aborted before it is sent, the server would never see it go).
    await waitUntil(async () => (await served(key)) > 0, 'the request reached the server', { timeout: 4000 });
    controller.abort();
    const error = await taken.then(() => null, (e: Error) => e);
    expect(error?.name).to.equal('AbortError');
    await waitUntil(() => abandoned(key), 'the server saw the request go', { timeout: 4000 });
  });

  it('a server stuck after its headers: the loader\'s timeout ends the early request and says timeout', async () => {
    const key = uniqueKey('early-stall');
    const url = `/__feeds/stall?ms=5000&key=${key}`;
    early(url);
    await waitUntil(async () => (await served(key)) > 0, 'the request reached the server', { timeout: 4000 });
    await new Promise((r) => setTimeout(r, 200)); // the headers have arrived: only the body is awaited
    const error = await loadFeed(url, { timeoutMs: 500, retries: 0 }).then(() => null, (e: FeedError) => e);
    expect(error).to.be.instanceOf(FeedError);
    expect(error!.code).to.equal('timeout');
    await waitUntil(() => abandoned(key), 'the server saw the request go', { timeout: 4000 });
  });
});
