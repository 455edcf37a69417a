// The loader's early responses as core's feed loader takes them (packages/core/src/feed/early.ts): taken once,
// by the first request for that address; a failed early request is asked again at once; an abort is an abort.
import { expect } from '@open-wc/testing';
import { clearFeedCache, loadFeed } from '@chiso/core';
import { takeEarlyResponse } from '../../packages/core/src/feed/early.js';
import { uniqueKey } from '../helpers/feeds.js';

const registry = () => ((globalThis as Record<symbol, Map<string, Promise<Response>>>)[Symbol.for('chiso.early-fetch')] ??= new Map());
const served = async (key: string) => ((await (await fetch(`/__feeds/count?of=${key}`)).json()) as { count: number }).count;

describe('early responses (chiso.js → core)', () => {
  beforeEach(() => clearFeedCache());

  it('the first load of an address takes the response waiting for it, once; the text is read as the feed', async () => {
    const key = uniqueKey('early');
    const url = `/__feeds/ok?key=${key}`;
    registry().set(new URL(url, document.baseURI).href, fetch(url));
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
    registry().set(new URL(url, document.baseURI).href, failed);
    const response = await takeEarlyResponse(url, {})!;
    expect(response.ok).to.equal(true);
    expect(await served(key)).to.equal(1);
  });

  it('an abort while waiting rejects with AbortError, as fetch does', async () => {
    const key = uniqueKey('early-abort');
    const url = `/__feeds/hang?ms=2000&key=${key}`;
    registry().set(new URL(url, document.baseURI).href, fetch(url));
    const controller = new AbortController();
    const taken = takeEarlyResponse(url, { signal: controller.signal })!;
    controller.abort();
    const error = await taken.then(() => null, (e: Error) => e);
    expect(error?.name).to.equal('AbortError');
  });
});
