import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Boundaries } from './boundaries.js';

/** What `<chiso-map>` gives each layer element once its map and boundaries are drawn. */
export interface MapContext {
  /** The `<chiso-map>` element. */
  host: HTMLElement & {
    lang: string;
    setSummary(owner: object, text: string | null): void;
    showTooltip(lngLat: [number, number], lines: string[]): void;
    hideTooltip(): void;
    setHover(code: string | null): void;
    coverLand(owner: object, covered: boolean): void;
    /**
     * Ids of MapLibre layers drawn over the areas by point layers (BTS sites, cases). Area fills go below
     * them, and an area's tooltip gives way to theirs.
     */
    overlayLayerIds: Set<string>;
  };
  map: MaplibreMap;
  maplibre: typeof import('maplibre-gl');
  /** Boundaries read from a file; undefined for a vector source (PMTiles, XYZ). */
  boundaries?: Boundaries;
  /** Id of the boundaries source. */
  sourceId: string;
  /** `source-layer` of a vector source. */
  sourceLayer?: string;
  /** The feature id MapLibre knows an area by (for feature state). */
  featureId(code: string): string | number;
  /** A MapLibre expression giving a feature's code as a string. */
  codeExpression: unknown[];
  /** Layers drawn by layer elements go below this layer (outlines and highlights stay on top). */
  beforeId: string;
  /** Colours read from the element's CSS custom properties. */
  colors: { outline: string; hover: string; land: string };
}

/** A layer element inside `<chiso-map>`: a choropleth, later BTS sites or cases. */
export interface ChisoMapLayer {
  /** Called when the map is drawn; resolves once the layer's first data is drawn or has failed. */
  mapAttached(ctx: MapContext): Promise<void> | void;
  /** Called when the map goes (disconnect, re-creation after a lost context). */
  mapDetached(): void;
  /** Called when the map itself cannot be drawn (its boundaries failed): the layer stops waiting for it. */
  mapFailed?(): void;
  /** For a map with no `boundaries`: the atlas level the layer's data is at, once its data is known (undefined: no opinion). */
  atlasLevel?(): Promise<'province' | 'commune' | undefined>;
}
