/**
 * Everything heavy a map needs, in one module that `<chiso-map>` imports dynamically the first time a map
 * connects: a page with gauges only never downloads MapLibre.
 */
import * as maplibregl from 'maplibre-gl';
import { maplibreCss } from './generated/maplibre-css.js';

export { maplibregl, maplibreCss };

// The all-in-one build copies MapLibre and its worker beside chiso.js as `.js` files (many portal servers do not
// know `.mjs` and send it as application/octet-stream, which browsers refuse): the build writes the worker's
// path here (maplibreVendor in rollup.config.mjs). Anywhere else (a bundler, the tests) MapLibre finds its own.
const VENDOR_WORKER: string = 'chiso-vendor:maplibre-gl-worker';
if (!VENDOR_WORKER.startsWith('chiso-vendor:')) maplibregl.setWorkerUrl(new URL(VENDOR_WORKER, import.meta.url).href);

let workersKept = false;
/**
 * Keeps MapLibre's worker pool for the page, called once a map has drawn its boundaries on MapLibre (a worker
 * prepared them, so the pool works and `prewarm()` cannot fail on it). The pool is shared by the page's maps and
 * ended when the last map is removed, so a map made after another was removed (a drill-down, a route change in a
 * single-page portal, Storybook's next story) would start a new worker, parse MapLibre's worker code and warm its
 * JIT again. Kept, such a map is drawn sooner (the remount rows of `npm run bench`), for MapLibre's idle worker
 * (one; up to three in Safari).
 */
export function keepWorkers(): void {
  if (workersKept) return;
  workersKept = true;
  maplibregl.prewarm();
}

/** The URL of MapLibre's worker when it is set (the all-in-one build, Storybook), to explain one that does not start. */
export const workerUrl = (): string | undefined => maplibregl.getWorkerUrl() || undefined;

let pmtiles: Promise<void> | undefined;

/** Registers the `pmtiles://` protocol once per page (pmtiles is loaded only then). */
export function usePmtiles(): Promise<void> {
  pmtiles ??= import('pmtiles').then(({ Protocol }) => {
    const protocol = new Protocol();
    maplibregl.addProtocol('pmtiles', protocol.tile);
  });
  return pmtiles;
}

// Reading boundaries (TopoJSON) is loaded with MapLibre rather than with the elements: not needed until a map is
// drawn. The choropleth loads its own engine (palettes) by name, `./choropleth-model.js`.
export { readBoundaries, bboxOfArea } from './boundaries.js';
