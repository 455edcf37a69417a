/**
 * The count labels of the circle and cluster modes, written on a 2D canvas laid over the map.
 *
 * Why not a MapLibre symbol layer: each new day gives the symbol layer new tiles, and MapLibre then draws the
 * whole map twice (its label placement is marked stale after a new symbol bucket, which asks for one more
 * frame). On software WebGL a frame of the whole map is most of a day's cost, so the labels doubled a stepped
 * day. Here the circles are MapLibre's (or the canvas renderer's) alone, and after each frame the labels are
 * written over them from the same clusters: the source's features at the view's zoom.
 */
import { MAP_OVERLAY_CLASS, type MapContext } from '@chiso/map';

type LabelMap = MapContext['map'];
/** What the overlay reads of a source's feature (a cluster carries `cluster_id` and the summed `n` and `c`). */
interface AnchorFeature {
  properties: Record<string, unknown> | null;
  geometry: GeoJSON.Geometry;
}

const FONT = "600 12px system-ui, 'Segoe UI', Roboto, Arial, sans-serif";

export class CountLabels {
  private readonly canvas = document.createElement('canvas');
  private anchors: Array<{ at: [number, number]; text: string }> = [];
  /** The features must be read again (new data, new tiles, another zoom). */
  private stale = true;
  private zoom = NaN;
  private shown = true;
  /** What was written last, in CSS px of the map (tests and pictures read it). */
  written: Array<{ x: number; y: number; text: string }> = [];

  constructor(
    private readonly map: LabelMap,
    private readonly sourceId: string,
    /** The label of an anchor or cluster (the privacy rule lives with the layer's other texts). */
    private readonly textOf: (properties: Record<string, unknown>) => string,
  ) {
    this.canvas.className = MAP_OVERLAY_CLASS; // drawn into the map's pictures and prints
    this.canvas.setAttribute('aria-hidden', 'true'); // the counts are read in the table and tooltips
    Object.assign(this.canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
    map.getCanvasContainer().append(this.canvas);
    map.on('render', this.draw);
    map.on('sourcedata', this.sourceChanged);
  }

  /** The source was given a new day: read its features at the next frame. */
  invalidate(): void {
    this.stale = true;
  }

  /** Labels rest while the days play, and come back on pause. */
  show(shown: boolean): void {
    if (shown === this.shown) return;
    this.shown = shown;
    this.stale = true;
    if (shown) this.map.triggerRepaint();
    else this.draw();
  }

  remove(): void {
    this.map.off('render', this.draw);
    this.map.off('sourcedata', this.sourceChanged);
    this.canvas.remove();
    this.written = [];
  }

  private readonly sourceChanged = (e: { sourceId?: string }) => {
    if (e.sourceId === this.sourceId) this.stale = true;
  };

  private read(): void {
    const seen = new Set<string>();
    this.anchors = [];
    const features = (this.map as unknown as { querySourceFeatures(id: string): AnchorFeature[] }).querySourceFeatures(this.sourceId);
    for (const f of features) {
      const p = f.properties ?? {};
      // A cluster near a tile's edge is in both tiles: written once.
      const key = p.cluster ? `c${p.cluster_id}` : `a${p.a}`;
      if (seen.has(key) || f.geometry?.type !== 'Point') continue;
      seen.add(key);
      this.anchors.push({ at: f.geometry.coordinates as [number, number], text: this.textOf(p) });
    }
  }

  /** After each frame of the map: the labels where its circles are now. */
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
    const g = c.getContext('2d')!;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, c.width, c.height);
    this.written = [];
    if (!this.shown) return;
    // Clusters are made per whole zoom (MapLibre's tiles, the canvas renderer's index); new tiles also say so.
    const zoom = Math.floor(this.map.getZoom());
    if (this.stale || zoom !== this.zoom) this.read();
    this.stale = false;
    this.zoom = zoom;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.font = FONT;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.lineJoin = 'round';
    g.lineWidth = 3;
    g.strokeStyle = '#ffffff';
    g.fillStyle = '#1f2328';
    for (const a of this.anchors) {
      const p = this.map.project(a.at);
      if (p.x < -40 || p.y < -20 || p.x > w + 40 || p.y > h + 20) continue;
      g.strokeText(a.text, p.x, p.y);
      g.fillText(a.text, p.x, p.y);
      this.written.push({ x: p.x, y: p.y, text: a.text });
    }
  };
}
