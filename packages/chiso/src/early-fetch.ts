/**
 * Feeds and boundaries asked for as soon as the loader finds their tag, while the tag's code is still on its way.
 * Without this a tag's data waits for its package, then for the chunks that package imports: two or three round
 * trips during which the network sits idle (on the bench's page, the national map's 3 MB of boundaries were asked
 * for 130 ms after its tag was found).
 *
 * The requests wait in a page-wide registry (a `Map` from absolute URL to `{ response, abort }` under
 * `Symbol.for('chiso.early-fetch.2')`). The first request of core's feed loader for that URL takes the response
 * instead of asking again (`takeEarlyResponse` in packages/core/src/feed/early.ts), with the same `Accept` header,
 * and aborts it when its own wait ends (a timeout, the element removed): status, size limit, the web-page check,
 * parsing and the errors shown are those of its own request. The two files share only that key: a static import
 * here would put core in front of every tag.
 */

const KEY = Symbol.for('chiso.early-fetch.2');
const DRAWS_SOON = Symbol.for('chiso.draws-soon');
/** The header core's loader sends (`FEED_ACCEPT`, packages/core/src/feed/load.ts): a server choosing by it answers the same. */
export const ACCEPT = 'application/json, text/csv;q=0.9, */*;q=0.5';
/** A response not taken by then, once its tag's code has arrived, is dropped (the tag changed its address, or never asked). */
const UNCLAIMED_MS = 30_000;
/** And one whose tag's code never arrives (the server cannot deliver it: the loader says so beside the tag). */
const ORPHANED_MS = 150_000;
/** How far below the viewport a map counts as near: the same margin as the map's own wait for view. */
const NEAR_PX = 200;

interface Early {
  response: Promise<Response>;
  abort(): void;
}
type Registry = Map<string, Early>;
const asked = new Set<string>();

function registry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  return (g[KEY] ??= new Map());
}

/**
 * Starts fetching `url` (relative to the page) for a `tag`, unless it is already asked for; only http(s) addresses.
 * What the tag has not taken 30 s after its code arrived is aborted.
 */
export function fetchEarly(url: string | null, tag: string): void {
  if (!url) return;
  let href: string;
  try {
    href = new URL(url, document.baseURI).href;
  } catch {
    return; // not an address: the element says so itself
  }
  // Once per address and page: a later tag with the same address finds the data in core's cache, or refreshes it.
  if (!/^https?:/i.test(href) || asked.has(href)) return;
  asked.add(href);
  const waiting = registry();
  const controller = new AbortController();
  const response = fetch(href, { credentials: 'same-origin', headers: { Accept: ACCEPT }, signal: controller.signal });
  response.catch(() => undefined); // a failure is the element's to report, when it asks
  const early: Early = { response, abort: () => controller.abort() };
  waiting.set(href, early);
  const drop = () => {
    if (waiting.get(href) !== early) return;
    waiting.delete(href);
    early.abort();
  };
  void customElements.whenDefined(tag).then(() => setTimeout(drop, UNCLAIMED_MS));
  setTimeout(drop, ORPHANED_MS);
}

/**
 * Whether a map is near enough to the viewport to be drawn at once: a map waits until it comes into view, and the
 * data of a map far down the page (or in a hidden tab) should not be downloaded on the reader's line before then.
 */
function nearView(map: Element): boolean {
  if (map.hasAttribute('eager')) return true;
  if (map.getClientRects().length === 0) return false; // not rendered (display: none somewhere above)
  const box = map.getBoundingClientRect();
  return box.top < innerHeight + NEAR_PX && box.bottom > -NEAR_PX;
}

/** The atlas's 34 provinces of 2025 (packages/atlas/src/index.ts `ATLAS_PROVINCES`; test/node/early-fetch.test.mjs checks they agree). */
const PROVINCES = new Set('01 04 08 11 12 14 15 19 20 22 24 25 31 33 37 38 40 42 44 46 48 51 52 56 66 68 75 79 80 82 86 91 92 96'.split(' '));

/** The atlas file a `vn:` name means, as `parseAtlasSpec` and `atlasFile` read it (packages/atlas/src/index.ts). */
export function atlasFileOf(name: string): string | undefined {
  const m = /^\s*vn:(provinces|communes)(?:\/(\d{1,2}))?\s*$/i.exec(name);
  if (!m) return undefined;
  if (m[1].toLowerCase() === 'provinces') return m[2] ? undefined : 'provinces.json';
  if (!m[2]) return 'communes.json';
  const province = m[2].padStart(2, '0');
  return PROVINCES.has(province) ? `communes/${province}.json` : undefined;
}

/** Vector tiles, as `boundariesKind` tells them (packages/map/src/boundary-kind.ts): MapLibre's to read. */
export const isVectorSource = (url: string): boolean => /^pmtiles:\/\//i.test(url) || /\.pmtiles(\?|#|$)/i.test(url) || (/\{z\}/.test(url) && /\{x\}/.test(url) && /\{y\}/.test(url));

/**
 * Starts the fetches a newly found tag will make: its `src`, and a map's `boundaries` (a file, or an atlas file
 * beside chiso.js). Inside a map, only when the map is near the viewport. An atlas elsewhere (`atlas-base`) is left
 * to the map. (A class-wide `ChisoMap.atlasBase` can only be set once the tag is defined, after this: the file
 * asked for beside chiso.js is then not taken, and is dropped.)
 */
export function fetchEarlyFor(el: Element): void {
  const tag = el.localName;
  const map = el.closest('chiso-map') ?? (tag === 'chiso-choropleth' ? el : null);
  if (map && !nearView(map)) return;
  // A map drawn at once on the canvas: its package's drawing chunks are asked for with the package
  // (scripts/rollup-preload.mjs). One drawn by MapLibre alone (asked for, or over a basemap) does not use them.
  const onCanvasFirst = map && map.getAttribute('renderer') !== 'maplibre' && !map.hasAttribute('basemap');
  if (onCanvasFirst) (globalThis as { [DRAWS_SOON]?: boolean })[DRAWS_SOON] = true;
  fetchEarly(el.getAttribute('src'), tag);
  if (tag !== 'chiso-map' && tag !== 'chiso-choropleth') return;
  const boundaries = el.getAttribute('boundaries');
  if (!boundaries || isVectorSource(boundaries)) return;
  if (!/^\s*vn:/i.test(boundaries)) return fetchEarly(boundaries, tag);
  const file = atlasFileOf(boundaries);
  if (file && !el.hasAttribute('atlas-base')) fetchEarly(new URL(`atlas/${file}`, import.meta.url).href, tag);
}
