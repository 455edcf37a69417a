/**
 * A 2D canvas a layer lays over the map, redrawn after each of the map's frames (the case layer's count labels).
 * Why not a MapLibre symbol layer for what changes often: a symbol layer's new data costs MapLibre a second frame
 * of the whole map (its label placement is marked stale after each new symbol bucket), and pictures made on demand
 * a round trip to its worker and one more frame; on software WebGL a frame of the whole map is most of the cost.
 * The painter reads what to draw from the map's sources: the same clusters MapLibre (or the canvas renderer) made.
 *
 * Overlays carry `MAP_OVERLAY_CLASS` and sit in the map's canvas container: pictures (`toImage`) and prints
 * draw them over the map's own pixels.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';

export const MAP_OVERLAY_CLASS = 'chiso-map-overlay';

/** What an overlay draws. */
export interface OverlayPainter {
  /** Reads what to draw from the map (at a new whole zoom, or after new data or tiles of its sources). */
  read(map: MaplibreMap): void;
  /** Draws it, in CSS px of the map (`width` × `height`). */
  draw(g: CanvasRenderingContext2D, map: MaplibreMap, width: number, height: number): void;
}

/** The features a source draws now, as MapLibre's `querySourceFeatures` (the canvas renderer has its own). */
export function sourceFeatures(map: MaplibreMap, sourceId: string): Array<{ properties: Record<string, unknown> | null; geometry: GeoJSON.Geometry }> {
  return map.getSource(sourceId) ? map.querySourceFeatures(sourceId) : [];
}

/** Each overlay by its canvas: pictures and prints draw it again at their own scale. */
const overlays = new WeakMap<HTMLCanvasElement, MapOverlay>();

export class MapOverlay {
  private readonly canvas = document.createElement('canvas');
  /** The painter must read again (new data, new tiles, another zoom). */
  private stale = true;
  private zoom = NaN;

  constructor(
    private readonly map: MaplibreMap,
    /** Sources whose new data or tiles change what is drawn. */
    private readonly sourceIds: string[],
    private readonly painter: OverlayPainter,
  ) {
    this.canvas.className = MAP_OVERLAY_CLASS;
    this.canvas.setAttribute('aria-hidden', 'true'); // what it shows is in the layer's table and tooltips
    Object.assign(this.canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
    map.getCanvas().after(this.canvas); // over the map, under what MapLibre adds later (markers, popups)
    overlays.set(this.canvas, this);
    map.on('render', this.draw);
    map.on('sourcedata', this.sourceChanged);
  }

  /** New data was given to a source: read it at the next frame. */
  invalidate(): void {
    this.stale = true;
  }

  /** Something drawn changed (colours, what is shown): read and draw again now. */
  repaint(): void {
    this.stale = true;
    this.draw();
  }

  /** Draws what the map shows now into `g` (a picture of the map at `ratio` device px per CSS px). */
  paintInto(g: CanvasRenderingContext2D, ratio: number): void {
    const source = this.map.getCanvas();
    this.painter.read(this.map);
    g.save();
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.painter.draw(g, this.map, source.clientWidth, source.clientHeight);
    g.restore();
  }

  remove(): void {
    this.map.off('render', this.draw);
    this.map.off('sourcedata', this.sourceChanged);
    this.canvas.remove();
  }

  private readonly sourceChanged = (e: { sourceId?: string }) => {
    if (e.sourceId && this.sourceIds.includes(e.sourceId)) this.stale = true;
  };

  /** After each frame of the map: the overlay at the map's view now. */
  private readonly draw = () => {
    const source = this.map.getCanvas();
    const w = source.clientWidth;
    const h = source.clientHeight;
    const ratio = devicePixelRatio || 1;
    const c = this.canvas;
    if (c.width !== Math.round(w * ratio) || c.height !== Math.round(h * ratio)) {
      c.width = Math.round(w * ratio);
      c.height = Math.round(h * ratio);
      c.style.width = `${w}px`;
      c.style.height = `${h}px`;
    }
    // A CPU canvas (on software WebGL a GPU one costs the GPU process a task for each drawing).
    const g = c.getContext('2d', { willReadFrequently: true })!;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, c.width, c.height);
    // Clusters are made per whole zoom (MapLibre's tiles, the canvas renderer's index); new tiles also say so.
    const zoom = Math.floor(this.map.getZoom());
    if (this.stale || zoom !== this.zoom) this.painter.read(this.map);
    this.stale = false;
    this.zoom = zoom;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.painter.draw(g, this.map, w, h);
  };
}

/** Draws the map's overlays into `g`, a picture of the map at `ratio` device px per CSS px. */
export function drawMapOverlays(map: MaplibreMap, g: CanvasRenderingContext2D, ratio: number): void {
  for (const canvas of map.getCanvasContainer().querySelectorAll<HTMLCanvasElement>(`canvas.${MAP_OVERLAY_CLASS}`)) overlays.get(canvas)?.paintInto(g, ratio);
}
