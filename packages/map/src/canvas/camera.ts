/**
 * Web Mercator as MapLibre uses it: the world is 512 px wide at zoom 0 and doubles with each zoom, so a view
 * (centre, zoom) means the same on the canvas renderer as on MapLibre and one can take over from the other
 * without a jump. Pure: no DOM.
 */

/** The world's width in px at zoom 0 (MapLibre's tile size). */
export const WORLD = 512;
const MAX_LAT = 85.051129;

/** Longitude → world px at zoom 0. */
export const worldX = (lng: number): number => ((lng + 180) / 360) * WORLD;

/** Latitude → world px at zoom 0 (clamped to Web Mercator's ±85.05°). */
export function worldY(lat: number): number {
  const phi = ((lat > MAX_LAT ? MAX_LAT : lat < -MAX_LAT ? -MAX_LAT : lat) * Math.PI) / 180;
  return (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * WORLD;
}

/** Longitude, latitude → world px at zoom 0. */
export function toWorld(lng: number, lat: number): [number, number] {
  return [worldX(lng), worldY(lat)];
}

/** World px at zoom 0 → longitude, latitude. */
export function fromWorld(x: number, y: number): [number, number] {
  const lng = (x / WORLD) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / WORLD))) * 180) / Math.PI;
  return [lng, lat];
}

export interface View {
  /** Centre in world px at zoom 0. */
  x: number;
  y: number;
  zoom: number;
  /** The canvas's size in CSS px. */
  width: number;
  height: number;
}

/** World px (zoom 0) → screen px of `view`. */
export function worldToScreen(v: View, wx: number, wy: number): [number, number] {
  const s = 2 ** v.zoom;
  return [(wx - v.x) * s + v.width / 2, (wy - v.y) * s + v.height / 2];
}

/** Screen px of `view` → world px (zoom 0). */
export function screenToWorld(v: View, sx: number, sy: number): [number, number] {
  const s = 2 ** v.zoom;
  return [v.x + (sx - v.width / 2) / s, v.y + (sy - v.height / 2) / s];
}

/** The centre and zoom that fit `bbox` [west, south, east, north] in a `width`×`height` canvas with `padding` px. */
export function fitView(bbox: readonly number[], width: number, height: number, padding = 0, maxZoom = 22): { x: number; y: number; zoom: number } {
  const [x0, y1] = toWorld(bbox[0], bbox[1]);
  const [x1, y0] = toWorld(bbox[2], bbox[3]);
  const w = Math.max(1, width - 2 * padding);
  const h = Math.max(1, height - 2 * padding);
  const zoom = Math.min(maxZoom, Math.log2(Math.min(w / Math.max(1e-9, x1 - x0), h / Math.max(1e-9, y1 - y0))));
  return { x: (x0 + x1) / 2, y: (y0 + y1) / 2, zoom: Math.max(0, zoom) };
}

/** Metres on the ground per CSS px at `lat` and `zoom` (for the scale bar). */
export function metresPerPixel(lat: number, zoom: number): number {
  return (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (WORLD * 2 ** zoom);
}
