/**
 * Responses the loader (chiso.js) asked for before a tag's code arrived: see packages/chiso/src/early-fetch.ts,
 * which fills the registry under the same key. Only the first request for a URL may take one; a refresh asks
 * the server again.
 */

const KEY = Symbol.for('chiso.early-fetch.2');

interface Early {
  response: Promise<Response>;
  abort(): void;
}

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

function absolute(url: string): string | undefined {
  try {
    const g = globalThis as { document?: { baseURI: string }; location?: { href: string } };
    return new URL(url, g.document?.baseURI ?? g.location?.href).href;
  } catch {
    return undefined;
  }
}

/**
 * The response already on its way for `url`, taken from the registry (undefined when there is none): it settles
 * like `fetch(url, init)` would, and `init.signal` aborts it as it would that fetch, body included (a timeout while
 * the body is read, the element removed). When the early request failed on the network, `fetch(url, init)` is
 * asked at once, so the error the reader sees comes from the element's own request.
 */
export function takeEarlyResponse(url: string, init: RequestInit): Promise<Response> | undefined {
  const waiting = (globalThis as { [KEY]?: Map<string, Early> })[KEY];
  if (!waiting?.size) return undefined;
  const href = absolute(url);
  const early = href ? waiting.get(href) : undefined;
  if (!early || !href) return undefined;
  waiting.delete(href);
  const signal = init.signal;
  if (signal?.aborted) {
    early.abort();
    return Promise.reject(abortError());
  }
  // For the response's whole life, not only until its headers: aborting the request errors its body as fetch does.
  signal?.addEventListener('abort', () => early.abort(), { once: true });
  return early.response.catch((error: unknown) => {
    if (signal?.aborted) throw abortError();
    void error; // the early request failed (a passing network error): the element's own request says what is wrong
    return fetch(url, init);
  });
}
