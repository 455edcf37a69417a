/**
 * Loading feeds over HTTP the way a dashboard page needs: a timeout, retries with backoff, conditional
 * requests (ETag / Last-Modified), and one request shared by every caller asking for the same URL.
 * Uses only `fetch`, `AbortController` and timers, so it runs in browsers, workers and Node 20.
 */
import { FeedError, toFeedError } from './errors.js';
import type { FeedModel } from './model.js';
import type { ParseOptions } from './parse.js';
import { parseFeedAsync } from './lazy.js';
import { MAX_FEED_CHARS } from './text.js';
import { takeEarlyResponse } from './early.js';

/** What a feed request accepts (chiso.js's early requests send the same: packages/chiso/src/early-fetch.ts). */
export const FEED_ACCEPT = 'application/json, text/csv;q=0.9, */*;q=0.5';

export interface LoadOptions {
  /** Aborts this caller's wait; the shared request is aborted when every caller has gone. */
  signal?: AbortSignal;
  /** Time allowed for one attempt, ms. Default 15 000. */
  timeoutMs?: number;
  /** Further attempts after a network error, a timeout or an HTTP 5xx/429. Default 2. */
  retries?: number;
  /** First backoff delay, doubled on each retry. Default 500 ms. */
  retryDelayMs?: number;
  /** A result younger than this is reused without a request. Default 5 000 ms; `force` ignores it. */
  maxAgeMs?: number;
  /** Ask the server again even when a fresh result is held (a refresh); still conditional. */
  force?: boolean;
  parse?: ParseOptions;
}

export interface LoadedFeed {
  url: string;
  model: FeedModel;
  /** When the data was last confirmed by the server (a 200 or a 304), ms since the epoch. */
  fetchedAt: number;
  /** The server answered 304: the data is the one held before. */
  notModified: boolean;
}

interface Entry<T extends { fetchedAt: number; notModified: boolean }> {
  loaded?: T;
  etag?: string;
  lastModified?: string;
  inflight?: { promise: Promise<T>; controller: AbortController; waiters: number };
}

export type AnyLoaded = { fetchedAt: number; notModified: boolean };
const entries = new Map<string, Entry<AnyLoaded>>();

/** How many HTTP requests each URL has caused, for tests and diagnostics. */
export const requestCounts = new Map<string, number>();

/** Forgets every held result (tests; a page that wants a clean slate). */
export function clearFeedCache(): void {
  entries.clear();
  requestCounts.clear();
}

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

/** Loads and parses a feed. Rejects with a {@link FeedError}, or an `AbortError` when `signal` aborts. */
export async function loadFeed(url: string, options: LoadOptions = {}): Promise<FeedModel> {
  return (await requestFeed(url, options)).model;
}

/** Like {@link loadFeed}, with the request's metadata. Callers asking for the same URL share one request. */
export function requestFeed(url: string, options: LoadOptions = {}): Promise<LoadedFeed> {
  return shared<LoadedFeed>(url, url, options, async (body, meta) => ({ url, model: await parseFeedAsync(body, options.parse), ...meta }));
}

/** @internal How a request's body becomes its result. */
export type Reader<T> = (body: string, meta: { fetchedAt: number; notModified: false }) => Promise<T>;

/**
 * @internal One request per key for the page, with the timeout, retries and conditional requests (load-as-sent.ts
 * builds on it).
 */
export function shared<T extends AnyLoaded>(key: string, url: string, options: LoadOptions, read: Reader<T>): Promise<T> {
  const { signal, maxAgeMs = 5000, force = false } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  let entry = entries.get(key) as Entry<T> | undefined;
  if (!entry) entries.set(key, (entry = {}));
  if (!force && entry.loaded && Date.now() - entry.loaded.fetchedAt < maxAgeMs && !entry.inflight) {
    return Promise.resolve(entry.loaded);
  }
  if (!entry.inflight) {
    const controller = new AbortController();
    const e = entry;
    const promise = fetchWithRetries(url, e, controller.signal, options, read).finally(() => {
      if (e.inflight?.controller === controller) e.inflight = undefined;
    });
    entry.inflight = { promise, controller, waiters: 0 };
  }
  const inflight = entry.inflight;
  inflight.waiters++;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      if (settled) return;
      settled = true;
      if (--inflight.waiters === 0) inflight.controller.abort();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    inflight.promise.then(
      (v) => {
        if (settled) return;
        settled = true;
        inflight.waiters--;
        signal?.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (err) => {
        if (settled) return;
        settled = true;
        inflight.waiters--;
        signal?.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

function retryable(error: FeedError): boolean {
  return error.code === 'network' || error.code === 'timeout' || (error.code === 'http' && (error.status === 429 || (error.status ?? 0) >= 500));
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      reject(abortError());
    }, { once: true });
  });
}

async function fetchWithRetries<T extends AnyLoaded>(url: string, entry: Entry<T>, signal: AbortSignal, options: LoadOptions, read: Reader<T>): Promise<T> {
  const { retries = 2, retryDelayMs = 500 } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, entry, signal, options, read);
    } catch (error) {
      if (signal.aborted) throw abortError();
      const fe = toFeedError(error, 'network');
      if (attempt >= retries || !retryable(fe)) throw fe;
      await delay(retryDelayMs * 2 ** attempt, signal);
    }
  }
}

async function fetchOnce<T extends AnyLoaded>(url: string, entry: Entry<T>, outer: AbortSignal, options: LoadOptions, read: Reader<T>): Promise<T> {
  const { timeoutMs = 15000 } = options;
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort();
  outer.addEventListener('abort', onOuterAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  requestCounts.set(url, (requestCounts.get(url) ?? 0) + 1);
  try {
    const headers: Record<string, string> = { Accept: FEED_ACCEPT };
    if (entry.loaded) {
      if (entry.etag) headers['If-None-Match'] = entry.etag;
      if (entry.lastModified) headers['If-Modified-Since'] = entry.lastModified;
    }
    let response: Response;
    try {
      // The first request may find its response already on its way, asked for by chiso.js as the tag appeared.
      const early = entry.loaded ? undefined : takeEarlyResponse(url, { signal: controller.signal, headers });
      response = await (early ?? fetch(url, { signal: controller.signal, headers }));
    } catch (error) {
      if (timedOut) throw new FeedError('timeout', { detail: `${timeoutMs} ms` });
      if (outer.aborted) throw abortError();
      throw new FeedError('network', { detail: (error as Error)?.message?.slice(0, 120), cause: error });
    }
    if (response.status === 304 && entry.loaded) {
      entry.loaded = { ...entry.loaded, fetchedAt: Date.now(), notModified: true };
      return entry.loaded;
    }
    if (!response.ok) throw new FeedError('http', { status: response.status });
    const length = Number(response.headers.get('content-length'));
    if (length > MAX_FEED_CHARS * 4) throw new FeedError('parse', { detail: `feed of ${length} bytes is too large` });
    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      if (timedOut) throw new FeedError('timeout', { detail: `${timeoutMs} ms` });
      if (outer.aborted) throw abortError();
      throw new FeedError('network', { detail: 'the response was cut off', cause: error });
    }
    const type = response.headers.get('content-type') ?? '';
    if (/html/i.test(type) && /^\s*</.test(body)) {
      throw new FeedError('unsupported', { detail: 'the server sent a web page, not a feed' });
    }
    const loaded = await read(body, { fetchedAt: Date.now(), notModified: false });
    entry.etag = response.headers.get('etag') ?? undefined;
    entry.lastModified = response.headers.get('last-modified') ?? undefined;
    entry.loaded = loaded;
    return loaded;
  } finally {
    clearTimeout(timer);
    outer.removeEventListener('abort', onOuterAbort);
  }
}
