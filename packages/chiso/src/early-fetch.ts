/**
 * Feeds and boundaries asked for as soon as the loader finds their tag, while the tag's code is still on its way.
 * Without this a tag's data waits for its package, then for the chunks that package imports: two or three round
 * trips during which the network sits idle (the national map's 3 MB of boundaries started 130 ms after its tag
 * was found, in the bench).
 *
 * The responses wait in a page-wide registry (a `Map` from absolute URL to `Promise<Response>` under
 * `Symbol.for('chiso.early-fetch')`). The first request of core's feed loader for that URL takes the response
 * instead of asking again (`takeEarlyResponse` in packages/core/src/feed/early.ts); everything after it (status,
 * size limit, the web-page check, parsing, errors shown) is the same as for its own request. The two files share
 * only that key: a static import here would put core in front of every tag.
 */

const KEY = Symbol.for('chiso.early-fetch');
const DRAWS_SOON = Symbol.for('chiso.draws-soon');
/** A response not taken by then is dropped (its tag changed its address, or never asked). */
const UNCLAIMED_MS = 30_000;
/** How far below the viewport a map counts as near: the same margin as the map's own wait for view. */
const NEAR_PX = 200;

type Registry = Map<string, Promise<Response>>;
const asked = new Set<string>();

function registry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  return (g[KEY] ??= new Map());
}

/** Starts fetching `url` (relative to the page) unless it is already asked for; only http(s) addresses. */
export function fetchEarly(url: string | null): void {
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
  const response = fetch(href, { credentials: 'same-origin' });
  response.catch(() => undefined); // a failure is the element's to report, when it asks
  waiting.set(href, response);
  setTimeout(() => {
    if (waiting.get(href) !== response) return;
    waiting.delete(href);
    response.then((r) => r.body?.cancel(), () => undefined);
  }, UNCLAIMED_MS);
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

/** The atlas files, as `vn:` names map to them (packages/atlas/src/index.ts: `parseAtlasSpec`, `atlasFile`). */
function atlasFileOf(name: string): string | undefined {
  const m = /^\s*vn:(provinces|communes)(?:\/(\d{1,2}))?\s*$/i.exec(name);
  if (!m) return undefined;
  if (m[1].toLowerCase() === 'provinces') return m[2] ? undefined : 'provinces.json';
  return m[2] ? `communes/${m[2].padStart(2, '0')}.json` : 'communes.json';
}

/**
 * Starts the fetches a newly found tag will make: its `src`, and a map's `boundaries` (a file, or an atlas file
 * beside chiso.js). Inside a map, only when the map is near the viewport. Vector tiles (PMTiles, `{z}/{x}/{y}`)
 * are MapLibre's to read.
 */
export function fetchEarlyFor(el: Element): void {
  const map = el.closest('chiso-map');
  if (map && !nearView(map)) return;
  if (el.localName === 'chiso-choropleth' && !nearView(el)) return;
  // A map drawn at once: its package's runtime and engine are asked for with the package (scripts/rollup-preload.mjs).
  if (map || el.localName === 'chiso-choropleth') (globalThis as { [DRAWS_SOON]?: boolean })[DRAWS_SOON] = true;
  fetchEarly(el.getAttribute('src'));
  if (el.localName !== 'chiso-map') return;
  const boundaries = el.getAttribute('boundaries');
  if (!boundaries || /^pmtiles:|\.pmtiles(\?|#|$)|\{z\}/i.test(boundaries)) return;
  if (!/^\s*vn:/i.test(boundaries)) return fetchEarly(boundaries);
  const file = atlasFileOf(boundaries);
  // An atlas somewhere else (`atlas-base`) is left to the map, which knows how that address is read.
  if (file && !el.hasAttribute('atlas-base')) fetchEarly(new URL(`atlas/${file}`, import.meta.url).href);
}
