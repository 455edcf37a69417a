/**
 * Everything heavy a map needs, in one module that `<chiso-map>` imports dynamically the first time a map
 * connects: a page with gauges only never downloads MapLibre.
 */
import * as maplibregl from 'maplibre-gl';
import { maplibreCss } from './generated/maplibre-css.js';

export { maplibregl, maplibreCss };

let pmtiles: Promise<void> | undefined;

/** Registers the `pmtiles://` protocol once per page (pmtiles is loaded only then). */
export function usePmtiles(): Promise<void> {
  pmtiles ??= import('pmtiles').then(({ Protocol }) => {
    const protocol = new Protocol();
    maplibregl.addProtocol('pmtiles', protocol.tile);
  });
  return pmtiles;
}

// The data side of maps, loaded with MapLibre rather than with the elements: palettes (d3-scale-chromatic)
// and TopoJSON are not needed until a map is drawn.
export { readBoundaries, bboxOfArea } from './boundaries.js';
export { buildChoropleth, colorOf, classOf, classCounts } from './choropleth-model.js';
