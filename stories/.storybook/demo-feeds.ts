/**
 * Storybook has no test server, so the loading and stale states get two pretend endpoints, answered here
 * in the preview only: `/__demo/hang` never answers; `/__demo/flaky?…` answers the Phú Thọ feed (or the
 * file named by `file=`) once, then fails with HTTP 500 (so an element with `refresh` goes stale).
 */
export function installDemoFeeds(): void {
  const w = window as unknown as { __chisoDemoFeeds?: boolean };
  if (w.__chisoDemoFeeds) return;
  w.__chisoDemoFeeds = true;
  const realFetch = window.fetch.bind(window);
  const served = new Map<string, number>();
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, location.href);
    if (url.pathname === '/__demo/hang') {
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    if (url.pathname === '/__demo/flaky') {
      const n = (served.get(url.href) ?? 0) + 1;
      served.set(url.href, n);
      if (n > 1) return new Response('down', { status: 500 });
      return realFetch(url.searchParams.get('file') ?? 'feeds/phu-tho-dvc-2021.json', init);
    }
    return realFetch(input, init);
  };
}
