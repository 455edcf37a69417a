/**
 * Hoàng Sa and Trường Sa on every map: island dots and HTML labels in the map's language (no glyph server
 * needed, so they work offline). The data is `../sovereignty.ts`.
 */
import type { Map as MaplibreMap, Marker } from 'maplibre-gl';
import { ARCHIPELAGOS, archipelagoPoints } from '../sovereignty.js';
import type { MapContext } from '../layer-api.js';
import { mapMsg } from '../map-i18n.js';

export function addArchipelagoDots(map: MaplibreMap, colors: MapContext['colors']): void {
  map.addSource('chiso-archipelagos', { type: 'geojson', data: archipelagoPoints() });
  map.addLayer({
    id: 'chiso-archipelagos', type: 'circle', source: 'chiso-archipelagos',
    paint: { 'circle-radius': 2.5, 'circle-color': colors.outline, 'circle-stroke-color': colors.land, 'circle-stroke-width': 1 },
  });
}

/** The labels, as HTML markers in the map's language (placed again when the language changes). */
export class ArchipelagoLabels {
  private markers: Marker[] = [];

  place(map: MaplibreMap, ml: typeof import('maplibre-gl'), lang: string): void {
    this.remove();
    this.markers = labels(map, ml, lang);
  }

  remove(): void {
    for (const m of this.markers) m.remove();
    this.markers = [];
  }
}

function labels(map: MaplibreMap, ml: typeof import('maplibre-gl'), lang: string): Marker[] {
  return ARCHIPELAGOS.map((a) => {
    const el = document.createElement('div');
    el.className = 'archipelago';
    el.dataset.archipelago = a.key;
    el.lang = lang.startsWith('en') ? 'en' : 'vi';
    el.textContent = mapMsg(lang, a.key);
    return new ml.Marker({ element: el, anchor: a.anchor, offset: a.anchor === 'right' ? [-6, 0] : [0, -4] }).setLngLat(a.label).addTo(map);
  });
}
