/**
 * Canvases a layer lays over the map (the case layer's count labels): they carry `MAP_OVERLAY_CLASS`, sit in the
 * map's canvas container, and are drawn into the map's pictures and prints over the map's own pixels.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';

export const MAP_OVERLAY_CLASS = 'chiso-map-overlay';

/** Draws the map's overlays into `g`, over a picture of the map `width` × `height` device px large. */
export function drawMapOverlays(map: MaplibreMap, g: CanvasRenderingContext2D, width: number, height: number): void {
  for (const overlay of map.getCanvasContainer().querySelectorAll<HTMLCanvasElement>(`canvas.${MAP_OVERLAY_CLASS}`)) {
    if (overlay.width && overlay.height) g.drawImage(overlay, 0, 0, width, height);
  }
}
