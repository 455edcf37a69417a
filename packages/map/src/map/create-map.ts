/**
 * A new MapLibre map as chiso draws it: its own sea-coloured background and no tiles (a basemap style only when
 * asked for), no rotation or pitch, cooperative gestures unless `free`, no fades (each frame of software WebGL is
 * dear), messages in the page's language.
 */
import type { Map as MaplibreMap, StyleSpecification } from 'maplibre-gl';
import type { Bbox } from '../boundaries.js';
import { maplibreLocale } from '../map-i18n.js';

/** The whole of Vietnam with its archipelagos, the view when nothing narrower is known. */
export const VIETNAM_BBOX: Bbox = [102.1, 6.8, 117.9, 23.4];

export interface MapSetup {
  container: HTMLElement;
  sea: string;
  basemap?: string;
  bounds: Bbox;
  gestures: 'cooperative' | 'free';
  lang: string;
  /** The canvas's accessible name. */
  title: string;
  preserveDrawingBuffer: boolean;
}

/** Throws when the browser gives no WebGL2 context (old browser, or the page holds as many as it allows). */
export function createMap(ml: typeof import('maplibre-gl'), s: MapSetup): MaplibreMap {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'chiso-background', type: 'background', paint: { 'background-color': s.sea } }],
  };
  const map = new ml.Map({
    container: s.container,
    // The canvas renderer draws no basemap: its own background only.
    style: (s.basemap && !('renderer' in ml.Map.prototype)) ? s.basemap : style,
    bounds: s.bounds as [number, number, number, number],
    fitBoundsOptions: { padding: 16 },
    attributionControl: false,
    cooperativeGestures: s.gestures !== 'free',
    locale: { ...maplibreLocale(s.lang), 'Map.Title': s.title },
    canvasContextAttributes: { preserveDrawingBuffer: s.preserveDrawingBuffer, antialias: false },
    dragRotate: false,
    pitchWithRotate: false,
    maxPitch: 0,
    fadeDuration: 0,
  });
  map.getCanvas().setAttribute('aria-describedby', 'summary hint');
  map.touchZoomRotate.disableRotation();
  return map;
}
