/**
 * The count labels of the circle and cluster modes, written over the circles on the map's overlay canvas
 * (`MapOverlay`: a MapLibre symbol layer whose data changes each day drew the whole map twice a day) from the
 * same clusters: the anchors source's features at the view's zoom.
 */
import { MapOverlay, sourceFeatures, type MapContext } from '@chiso/map';

type LabelMap = MapContext['map'];
const FONT = "600 12px system-ui, 'Segoe UI', Roboto, Arial, sans-serif";

export class CountLabels {
  private readonly overlay: MapOverlay;
  private anchors: Array<{ at: [number, number]; text: string }> = [];
  private shown = true;
  /** What was written last, in CSS px of the map (tests read it). */
  written: Array<{ x: number; y: number; text: string }> = [];

  constructor(
    map: LabelMap,
    private readonly sourceId: string,
    /** The label of an anchor or cluster (the privacy rule lives with the layer's other texts). */
    private readonly textOf: (properties: Record<string, unknown>) => string,
  ) {
    this.overlay = new MapOverlay(map, [sourceId], { read: (m) => this.read(m), draw: (g, m, w, h) => this.draw(g, m, w, h) });
  }

  /** The source was given a new day: read its features at the next frame. */
  invalidate(): void {
    this.overlay.invalidate();
  }

  /** Labels rest while the days play, and come back on pause. */
  show(shown: boolean): void {
    if (shown === this.shown) return;
    this.shown = shown;
    this.overlay.repaint();
  }

  remove(): void {
    this.overlay.remove();
    this.written = [];
  }

  private read(map: LabelMap): void {
    const seen = new Set<string>();
    this.anchors = [];
    if (!this.shown) return; // read again when shown
    for (const f of sourceFeatures(map, this.sourceId)) {
      const p = f.properties ?? {};
      // A cluster near a tile's edge is in both tiles: written once.
      const key = p.cluster ? `c${p.cluster_id}` : `a${p.a}`;
      if (seen.has(key) || f.geometry?.type !== 'Point') continue;
      seen.add(key);
      this.anchors.push({ at: f.geometry.coordinates as [number, number], text: this.textOf(p) });
    }
  }

  private draw(g: CanvasRenderingContext2D, map: LabelMap, w: number, h: number): void {
    this.written = [];
    if (!this.shown) return;
    g.font = FONT;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.lineJoin = 'round';
    g.lineWidth = 3;
    g.strokeStyle = '#ffffff';
    g.fillStyle = '#1f2328';
    const k = g.getTransform().a; // device px per CSS px: text on whole device pixels is sharper
    for (const a of this.anchors) {
      const p = map.project(a.at);
      if (p.x < -40 || p.y < -20 || p.x > w + 40 || p.y > h + 20) continue;
      const [x, y] = [Math.round(p.x * k) / k, Math.round(p.y * k) / k];
      g.strokeText(a.text, x, y);
      g.fillText(a.text, x, y);
      this.written.push({ x, y, text: a.text });
    }
  }
}
