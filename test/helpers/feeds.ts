/** Feeds and helpers shared by the browser tests. */

/** The published figures (examples/feeds/so-lieu-cong-bo.json): tests that show a figure as real take it from here. */
export const published = await (await fetch('/examples/feeds/so-lieu-cong-bo.json')).json() as {
  chiso: 1; indicators: Array<{ id: string } & Record<string, unknown>>; source: unknown;
  observations: Array<{ indicator: string; area: string; level?: string; period: string; value: number | null } & Record<string, unknown>>;
};

/** One indicator of the published figures as a feed of its own (optionally one area). */
export function publishedFeed(indicator: string, area?: string) {
  return {
    chiso: 1,
    indicators: published.indicators.filter((i) => i.id === indicator),
    observations: published.observations.filter((o) => o.indicator === indicator && (!area || o.area === area)),
    source: published.source,
  };
}

/** Phú Thọ's published 2021 online-dossier rates by level (87,86 %, 34,1 %, 16,55 %), with their online dossiers. */
export const phuThoFeed = publishedFeed('dvc.online_rate', '25');

/**
 * SYNTHETIC: the made-up "Tỉnh Mẫu" (code 99) with two periods, for what published figures cannot show (a change
 * against the previous period, a numerator and denominator). No number here is real.
 */
export const sampleFeed = {
  chiso: 1,
  indicators: [{
    id: 'dvc.online_rate', name: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online dossier rate' }, unit: '%', decimals: 2,
    direction: 'higher-is-better', target: 80, thresholds: [50, 80], countUnit: { vi: 'hồ sơ', en: 'dossiers' },
  }],
  observations: [
    { indicator: 'dvc.online_rate', area: '99', level: 'province', name: 'Tỉnh Mẫu', period: '2024', value: 71.25 },
    { indicator: 'dvc.online_rate', area: '99', level: 'province', name: 'Tỉnh Mẫu', period: '2025', value: 84.53, numerator: 12345, denominator: 14604 },
    { indicator: 'dvc.online_rate', area: '99', level: 'province', tier: 'district', name: 'Tỉnh Mẫu', period: '2025', value: 33.4 },
    { indicator: 'dvc.online_rate', area: '99', level: 'province', tier: 'commune', name: 'Tỉnh Mẫu', period: '2025', value: 16.2 },
  ],
  source: { name: 'Dữ liệu mẫu sinh tự động (không phải số liệu thật)', updated: '2026-01-15T08:00:00+07:00' },
};

/** SYNTHETIC: a feed after July 2025, no district tier. */
export const twoLevelFeed = {
  chiso: 1,
  indicators: [{ id: 'dvc.online_rate', unit: '%', thresholds: [50, 80] }],
  observations: [
    { area: '25', level: 'province', period: '2025-Q4', value: 91.2 },
    { area: '25', level: 'province', tier: 'commune', period: '2025-Q4', value: 72.4 },
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
