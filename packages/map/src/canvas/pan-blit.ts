/**
 * Panning without redrawing: while the view only moves at one zoom, in quick succession (a drag, the arrow keys, a
 * run of `panBy`), the last full frame is drawn moved, the uncovered edge in the background colour, and the map is
 * drawn in full once the movement rests. A national layer's full frame costs a tenth of a second on a software
 * canvas; a moved frame, a millisecond.
 */
import type { View } from './camera.js';

/** How long after the last move the map is drawn in full (ms). */
export const REST_MS = 120;

export class PanBlit {
  private frame?: HTMLCanvasElement;
  private at?: { x: number; y: number; zoom: number; width: number; height: number; time: number };

  /** Draws the last full frame moved to `view`; false when a full frame is needed (zoom or size changed, too long since). */
  draw(g: CanvasRenderingContext2D, view: View, ratio: number, background: string): boolean {
    const a = this.at;
    if (!a || !(this.frame || this.source) || a.zoom !== view.zoom || a.width !== view.width || a.height !== view.height || performance.now() - a.time > 1000) return false;
    if (a.x === view.x && a.y === view.y) return false;
    if (this.source) {
      // The first move since the full frame: the canvas still shows it, so it is copied now (not after every full
      // drawing, where the copy cost a tenth of a second of a national map's first paint).
      this.copy(this.source);
      this.source = undefined;
    }
    const k = 2 ** view.zoom;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.globalAlpha = 1;
    g.fillStyle = background;
    g.fillRect(0, 0, g.canvas.width, g.canvas.height);
    g.drawImage(this.frame!, Math.round((a.x - view.x) * k * ratio), Math.round((a.y - view.y) * k * ratio));
    a.time = performance.now();
    return true;
  }

  /** Notes the frame just drawn in full on `source` (copied at the first move). */
  keep(source: HTMLCanvasElement, view: View): void {
    this.source = source;
    this.at = { x: view.x, y: view.y, zoom: view.zoom, width: view.width, height: view.height, time: performance.now() };
  }

  private source?: HTMLCanvasElement;

  private copy(source: HTMLCanvasElement): void {
    this.frame ??= document.createElement('canvas');
    if (this.frame.width !== source.width || this.frame.height !== source.height) [this.frame.width, this.frame.height] = [source.width, source.height];
    const g = this.frame.getContext('2d', { willReadFrequently: true })!; // on the CPU, as the map's own canvas
    g.clearRect(0, 0, source.width, source.height);
    g.drawImage(source, 0, 0);
  }

  /** Forgets the frame (the map is drawn in full next). */
  forget(): void {
    this.at = undefined;
  }
}
