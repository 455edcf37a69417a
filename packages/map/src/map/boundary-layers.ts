/**
 * The map's own layers over the boundaries: the land fill (hidden when a layer fills every area), outlines
 * from the zoom where areas can be told apart, and the hovered area's outline.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Boundaries } from '../boundaries.js';
import { CODE_PROP } from '../boundary-kind.js';
import type { MapContext } from '../layer-api.js';

export const SOURCE_ID = 'chiso-boundaries';
export const HOVER_SOURCE_ID = 'chiso-hover';

export interface BoundarySource {
  kind: string;
  boundaries?: Boundaries;
  /** The `boundaries` attribute (a vector source's URL or template). */
  url?: string;
  sourceLayer?: string;
  joinKey: string;
}

export function addBoundaryLayers(map: MaplibreMap, b: BoundarySource, colors: MapContext['colors']): void {
  const sourceLayer = b.kind === 'file' ? undefined : b.sourceLayer;
  if (b.kind === 'file') {
    if (!b.boundaries) return;
    // A small tile buffer and a half-pixel simplification: invisible at any zoom, and they cut MapLibre's
    // tiling work on a national layer by about a third (see bench/map.mjs).
    map.addSource(SOURCE_ID, { type: 'geojson', data: b.boundaries.collection, promoteId: CODE_PROP, buffer: 16, tolerance: 0.5 });
  } else {
    const url = b.url!;
    map.addSource(
      SOURCE_ID,
      b.kind === 'pmtiles'
        ? { type: 'vector', url: url.startsWith('pmtiles://') ? url : `pmtiles://${new URL(url, document.baseURI).href}`, promoteId: b.joinKey }
        : { type: 'vector', tiles: [new URL(url, document.baseURI).href.replace(/%7B/g, '{').replace(/%7D/g, '}')], promoteId: b.joinKey },
    );
  }
  const common = { source: SOURCE_ID, ...(sourceLayer ? { 'source-layer': sourceLayer } : {}) };
  map.addLayer({ id: 'chiso-land', type: 'fill', ...common, paint: { 'fill-color': colors.land, 'fill-antialias': false } });
  map.addLayer({
    id: 'chiso-outline', type: 'line', ...common,
    // Outlines only once areas are big enough on screen to be told apart; below that they grey the map.
    minzoom: b.boundaries ? outlineMinZoom(b.boundaries) : 0,
    paint: { 'line-color': colors.outline, 'line-width': 0.6, 'line-opacity': 0.8 },
  });
  if (b.kind === 'file') {
    map.addSource(HOVER_SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({ id: 'chiso-hover', type: 'line', source: HOVER_SOURCE_ID, paint: { 'line-color': colors.hover, 'line-width': 3 } });
  } else {
    map.addLayer({
      id: 'chiso-hover', type: 'line', ...common,
      paint: { 'line-color': colors.hover, 'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 3, 0] },
    });
  }
}

/**
 * Outlines one area as hovered or focused (null clears); also the feature state `hover` for custom styles.
 * File boundaries: the outline is drawn from a one-feature source, so the whole layer is not re-tessellated for
 * a hover line (a second line layer over every area would double that work).
 */
export function outlineHovered(map: MaplibreMap, b: { boundaries?: Boundaries; sourceLayer?: string }, before: string | null, code: string | null): void {
  const target = (id: string) => ({ source: SOURCE_ID, id, ...(b.sourceLayer ? { sourceLayer: b.sourceLayer } : {}) });
  if (before) map.setFeatureState(target(before), { hover: false });
  if (code) map.setFeatureState(target(code), { hover: true });
  const hover = map.getSource(HOVER_SOURCE_ID) as { setData?: (d: unknown) => void } | undefined;
  if (hover?.setData && b.boundaries) {
    const feature = code ? b.boundaries.collection.features.find((f) => f.id === code) : undefined;
    hover.setData({ type: 'FeatureCollection', features: feature ? [feature] : [] });
  }
}

/** The zoom from which the typical (median) area is at least 6 px wide on a 512 px tile pyramid. */
export function outlineMinZoom(boundaries: Boundaries): number {
  const widths = [...boundaries.areas.values()].map((a) => a.bbox[2] - a.bbox[0]).sort((x, y) => x - y);
  const median = widths[widths.length >> 1] || 1;
  return Math.max(0, Math.min(12, Math.log2((6 * 360) / (512 * median))));
}

/**
 * The plain land fill, hidden while a layer fills every area (a choropleth): MapLibre is then spared a second
 * fill of every polygon.
 */
export class LandCover {
  private readonly owners = new Set<object>();

  cover(map: MaplibreMap | undefined, owner: object, covered: boolean): void {
    if (covered) this.owners.add(owner);
    else this.owners.delete(owner);
    try {
      if (map?.getLayer('chiso-land')) map.setLayoutProperty('chiso-land', 'visibility', this.owners.size ? 'none' : 'visible');
    } catch {
      /* map removed */
    }
  }

  clear(): void {
    this.owners.clear();
  }
}
