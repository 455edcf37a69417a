/** Feeds and helpers shared by the browser tests. */

/** Phú Thọ 2021 online-dossier rates by level (the seed figures), with 2020 for the change. */
export const phuThoFeed = {
  chiso: 1,
  indicators: [{
    id: 'dvc.online_rate', name: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online dossier rate' }, unit: '%', decimals: 2,
    direction: 'higher-is-better', target: 80, thresholds: [50, 80], countUnit: { vi: 'hồ sơ', en: 'dossiers' },
  }],
  observations: [
    { indicator: 'dvc.online_rate', area: '25', level: 'province', name: 'Phú Thọ', period: '2020', value: 75.79 },
    { indicator: 'dvc.online_rate', area: '25', level: 'province', name: 'Phú Thọ', period: '2021', value: 87.86, numerator: 349887, denominator: 398236 },
    { indicator: 'dvc.online_rate', area: '25', level: 'district', name: 'Phú Thọ', period: '2021', value: 34.1 },
    { indicator: 'dvc.online_rate', area: '25', level: 'commune', name: 'Phú Thọ', period: '2021', value: 16.55 },
  ],
  source: { name: 'Synthetic test feed from public figures', updated: '2022-01-15T08:00:00+07:00' },
};

/** A feed after July 2025: no district level. */
export const twoLevelFeed = {
  chiso: 1,
  indicators: [{ id: 'dvc.online_rate', unit: '%', thresholds: [50, 80] }],
  observations: [
    { area: '25', level: 'province', period: '2025-Q4', value: 91.2 },
    { area: '25', level: 'commune', period: '2025-Q4', value: 72.4 },
  ],
};

/** URL of the test server route answering `body` as JSON (see test/feed-server.mjs). */
export function okUrl(body: unknown, params: Record<string, string> = {}): string {
  const q = new URLSearchParams({ body: typeof body === 'string' ? body : JSON.stringify(body), ...params });
  return `/__feeds/ok?${q}`;
}

let keyN = 0;
/** A unique key so server-side counters and the page's shared cache do not mix between tests. */
export const uniqueKey = (prefix = 'k') => `${prefix}-${Date.now()}-${keyN++}`;

/** Text of an element with non-breaking spaces as plain spaces. */
export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

export const nextEvent = <T = unknown>(target: EventTarget, name: string, timeout = 8000) =>
  new Promise<CustomEvent<T>>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${name} within ${timeout} ms`)), timeout);
    target.addEventListener(name, (e) => { clearTimeout(t); resolve(e as CustomEvent<T>); }, { once: true });
  });
