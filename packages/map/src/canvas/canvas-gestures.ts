/**
 * How the canvas map is moved and pointed at, as MapLibre's is: drag to pan, wheel (with Ctrl or ⌘ when
 * gestures are cooperative) and double click to zoom, two fingers to pinch, arrows and +/− on the keyboard;
 * hover and click reach the layers' handlers through the map (`pointer`).
 */
import { fromWorld, screenToWorld } from './camera.js';

interface GestureHost {
  getZoom(): number;
  /** The view's centre in world px (zoom 0). */
  worldCenter(): { x: number; y: number };
  moveNow(x: number, y: number, zoom: number, end: boolean): void;
  easeTo(o: { center?: [number, number]; zoom?: number; duration?: number }): unknown;
  unproject(p: [number, number]): { lng: number; lat: number };
  pointer(type: 'mousemove' | 'click' | 'mouseout', x: number, y: number, e: Event): void;
  fire(type: string): unknown;
  locale(key: string, fallback: string): string;
}

export class Gestures {
  /** A drag or pinch is under way. */
  active = false;
  private readonly down = new Map<number, { x: number; y: number }>();
  private start?: { zoom: number; cx: number; cy: number; spread: number; view: { x: number; y: number } };
  private dragged = false;
  private readonly off: Array<() => void> = [];
  private hint?: HTMLElement;
  private hintTimer?: ReturnType<typeof setTimeout>;
  private wheelTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly map: GestureHost,
    private readonly canvas: HTMLCanvasElement,
    private readonly box: HTMLElement,
    private readonly cooperative: boolean,
  ) {
    // One finger scrolls the page on a cooperative map; two move the map.
    canvas.style.touchAction = cooperative ? 'pan-x pan-y' : 'none';
    this.listen('pointerdown', (e) => this.pointerDown(e as PointerEvent));
    this.listen('pointermove', (e) => this.pointerMove(e as PointerEvent));
    this.listen('pointerup', (e) => this.pointerUp(e as PointerEvent));
    this.listen('pointercancel', (e) => this.pointerUp(e as PointerEvent));
    this.listen('pointerleave', (e) => (e as PointerEvent).pointerType === 'mouse' && this.map.pointer('mouseout', 0, 0, e));
    this.listen('click', (e) => {
      if (this.dragged) return void (this.dragged = false);
      const [x, y] = this.at(e as MouseEvent);
      this.map.pointer('click', x, y, e);
    });
    this.listen('dblclick', (e) => {
      const [x, y] = this.at(e as MouseEvent);
      const c = this.map.unproject([x, y]);
      this.map.easeTo({ center: [c.lng, c.lat], zoom: this.map.getZoom() + 1, duration: 250 });
    });
    this.listen('wheel', (e) => this.wheel(e as WheelEvent));
    this.listen('keydown', (e) => this.key(e as KeyboardEvent));
  }

  private listen(type: string, f: (e: Event) => void): void {
    this.canvas.addEventListener(type, f, type === 'wheel' ? { passive: false } : undefined);
    this.off.push(() => this.canvas.removeEventListener(type, f));
  }

  remove(): void {
    for (const f of this.off) f();
    clearTimeout(this.hintTimer);
    clearTimeout(this.wheelTimer);
  }

  private at(e: MouseEvent): [number, number] {
    const r = this.canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  private begin(): void {
    const pts = [...this.down.values()];
    const cx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
    const cy = pts.reduce((s, p) => s + p.y, 0) / pts.length;
    const spread = pts.length > 1 ? Math.hypot(pts[0].x - pts[1].x, pts[0].y - pts[1].y) : 0;
    this.start = { zoom: this.map.getZoom(), cx, cy, spread, view: this.map.worldCenter() };
  }

  private pointerDown(e: PointerEvent): void {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    this.dragged = false; // a drag that ended off the map must not swallow this press's click
    if (this.cooperative && e.pointerType === 'touch' && this.down.size === 0) {
      // A first finger: wait for a second before taking the gesture from the page.
      this.down.set(e.pointerId, { x: e.clientX, y: e.clientY });
      return;
    }
    this.down.set(e.pointerId, { x: e.clientX, y: e.clientY });
    this.canvas.setPointerCapture?.(e.pointerId);
    this.begin();
  }

  private pointerMove(e: PointerEvent): void {
    const known = this.down.get(e.pointerId);
    if (!known) {
      if (e.pointerType === 'mouse') {
        const [x, y] = this.at(e);
        this.map.pointer('mousemove', x, y, e);
      }
      return;
    }
    known.x = e.clientX;
    known.y = e.clientY;
    const s = this.start;
    if (!s || (this.cooperative && e.pointerType === 'touch' && this.down.size < 2)) return;
    const pts = [...this.down.values()];
    const cx = pts.reduce((a, p) => a + p.x, 0) / pts.length;
    const cy = pts.reduce((a, p) => a + p.y, 0) / pts.length;
    if (!this.active && Math.hypot(cx - s.cx, cy - s.cy) < 3 && pts.length < 2) return;
    if (!this.active) {
      this.active = true;
      this.dragged = true;
      this.map.fire('movestart');
    }
    const spread = pts.length > 1 ? Math.hypot(pts[0].x - pts[1].x, pts[0].y - pts[1].y) : 0;
    const zoom = s.spread && spread ? s.zoom + Math.log2(spread / s.spread) : s.zoom;
    const k0 = 2 ** s.zoom;
    const k = 2 ** zoom;
    // The world point under the gesture's start stays under its centre now.
    const r = this.canvas.getBoundingClientRect();
    const [ax, ay] = [s.cx - r.left - r.width / 2, s.cy - r.top - r.height / 2];
    const wx = s.view.x + ax / k0;
    const wy = s.view.y + ay / k0;
    const [bx, by] = [cx - r.left - r.width / 2, cy - r.top - r.height / 2];
    this.map.moveNow(wx - bx / k, wy - by / k, zoom, false);
  }

  private pointerUp(e: PointerEvent): void {
    if (!this.down.delete(e.pointerId)) return;
    if (this.down.size) return this.begin();
    this.start = undefined;
    if (this.active) {
      this.active = false;
      this.map.fire('moveend');
      this.map.fire('zoomend');
    }
  }

  private wheel(e: WheelEvent): void {
    if (this.cooperative && !e.ctrlKey && !e.metaKey) {
      this.say(this.map.locale(/Mac/.test(navigator.platform) ? 'CooperativeGesturesHandler.MacHelpText' : 'CooperativeGesturesHandler.WindowsHelpText', 'Use Ctrl + scroll to zoom the map'));
      return;
    }
    e.preventDefault();
    const [x, y] = this.at(e);
    const from = this.map.worldCenter();
    const z0 = this.map.getZoom();
    const z = Math.max(0, Math.min(22, z0 - e.deltaY / (e.deltaMode === 1 ? 12 : 300)));
    const view = { x: from.x, y: from.y, zoom: z0, width: this.canvas.clientWidth, height: this.canvas.clientHeight };
    const [wx, wy] = screenToWorld(view, x, y);
    const k = 2 ** z;
    this.map.moveNow(wx - (x - view.width / 2) / k, wy - (y - view.height / 2) / k, z, false);
    clearTimeout(this.wheelTimer);
    this.wheelTimer = setTimeout(() => this.map.fire('moveend'), 200);
  }

  private key(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const pan: Record<string, [number, number]> = { ArrowLeft: [-100, 0], ArrowRight: [100, 0], ArrowUp: [0, -100], ArrowDown: [0, 100] };
    const zoom: Record<string, number> = { '+': 1, '=': 1, '-': -1, _: -1 };
    if (!(e.key in pan) && !(e.key in zoom)) return;
    e.preventDefault();
    const c = this.map.worldCenter();
    const z = this.map.getZoom();
    const k = 2 ** z;
    const [dx, dy] = pan[e.key] ?? [0, 0];
    const [lng, lat] = fromWorld(c.x + dx / k, c.y + dy / k);
    this.map.easeTo({ center: [lng, lat], zoom: z + (zoom[e.key] ?? 0) * (e.shiftKey ? 2 : 1), duration: 200 });
  }

  /** The cooperative-gestures hint over the map, for a moment. */
  private say(text: string): void {
    if (!this.hint) {
      this.hint = document.createElement('div');
      this.hint.className = 'maplibregl-cooperative-gesture-screen maplibregl-show';
      this.hint.setAttribute('aria-hidden', 'true');
      this.box.append(this.hint);
    }
    this.hint.textContent = text;
    this.hint.hidden = false;
    clearTimeout(this.hintTimer);
    this.hintTimer = setTimeout(() => this.hint && (this.hint.hidden = true), 1200);
  }
}
