/**
 * The canvas renderer in the shape of `./maplibre-runtime.ts` (`maplibregl.Map`, `Popup`, `Marker`, controls), so
 * `<chiso-map>` and its layers create and drive either the same way. Imported only when a map draws on canvas:
 * no WebGL needed, and none of MapLibre's code loaded.
 */
import { CanvasMap } from './canvas/canvas-map.js';
import { AttributionControl, FullscreenControl, Marker, NavigationControl, Popup, ScaleControl } from './canvas/canvas-dom.js';
import { maplibreCss } from './generated/maplibre-css.js';

export const maplibregl = { Map: CanvasMap, Popup, Marker, NavigationControl, FullscreenControl, ScaleControl, AttributionControl } as unknown as typeof import('maplibre-gl');
export { maplibreCss, CanvasMap };

/** No worker: the canvas renderer draws on the page's thread. */
export const workerUrl = (): string | undefined => undefined;

/** No worker pool to keep. */
export const keepWorkers = (): void => undefined;

/** Vector tiles (PMTiles, XYZ) are drawn by MapLibre only. */
export const usePmtiles = (): Promise<void> => Promise.reject(new Error('vector tiles need MapLibre (WebGL)'));

export { readBoundaries, bboxOfArea } from './boundaries.js';
