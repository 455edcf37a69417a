/**
 * chiso's canvas renderer: a 2D-canvas map that answers the part of MapLibre's `Map` API chiso's map and layers
 * use (GeoJSON and image sources, fill, line, circle, symbol, raster and heatmap layers, feature state, images,
 * events bound to layers, `queryRenderedFeatures`, the camera, controls, popups, markers). The layer elements keep
 * one drawing code and one set of colouring rules (their MapLibre style, read by `expressions.ts`) for both
 * renderers. It needs no WebGL: it draws where WebGL is missing, lost or spent (a page of 34 maps), prints, and
 * saves as a picture. Web Mercator at MapLibre's scale (`camera.ts`), so a view means the same on both.
 */
import { fitView, fromWorld, screenToWorld, toWorld, worldToScreen, type View } from './camera.js';
import { featuresAt, featuresInView, paint, pictureOf, type CanvasLayer, type LayerType, type Scene } from './painter.js';
import { CanvasGeoJsonSource, CanvasImageSource, type CanvasFeature, type GeoJsonSourceSpec } from './sources.js';
import type { Control } from './canvas-dom.js';
import { Gestures } from './canvas-gestures.js';
import { PanBlit, REST_MS } from './pan-blit.js';
import { compileExpression } from './expressions.js';

type Handler = (e: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
type LngLatLike = [number, number] | { lng: number; lat: number };

export interface CanvasMapOptions {
  container: HTMLElement;
  style?: unknown;
  bounds?: [number, number, number, number];
  fitBoundsOptions?: { padding?: number };
  cooperativeGestures?: boolean;
  locale?: Record<string, string>;
}

/** A longitude and latitude as MapLibre's `LngLat` gives them. */
export const lngLat = (lng: number, lat: number) => ({ lng, lat, toArray: (): [number, number] => [lng, lat] });

export class CanvasMap {
  /** Which renderer this is (MapLibre's map has no such field). */
  get renderer(): 'canvas' {
    return 'canvas';
  }
  readonly touchZoomRotate = { disableRotation() {}, enableRotation() {} };
  private readonly container: HTMLElement;
  private readonly canvasContainer: HTMLDivElement;
  private readonly controls: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly g: CanvasRenderingContext2D;
  private readonly scene: Scene;
  private readonly listeners = new Map<string, Set<Handler>>();
  private readonly layerListeners: Array<{ type: string; layerId: string; handler: Handler; inside?: boolean }> = [];
  private readonly images = new Map<string, { image: HTMLCanvasElement | ImageBitmap | HTMLImageElement; width: number; height: number; ratio: number }>();
  private resolveImage?: (id: string) => void;
  private readonly locales: Record<string, string>;
  private frame = 0;
  private isLoaded = false;
  private removed = false;
  private animation?: { from: View; to: { x: number; y: number; zoom: number }; start: number; duration: number };
  private readonly gestures: Gestures;

  constructor(o: CanvasMapOptions) {
    this.container = o.container;
    this.locales = o.locale ?? {};
    this.container.classList.add('maplibregl-map');
    this.canvasContainer = document.createElement('div');
    this.canvasContainer.className = 'maplibregl-canvas-container maplibregl-interactive';
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'maplibregl-canvas';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'region');
    this.canvas.setAttribute('aria-label', this.locale('Map.Title', 'Map'));
    this.canvasContainer.append(this.canvas);
    this.controls = document.createElement('div');
    this.controls.className = 'maplibregl-control-container';
    for (const corner of ['top-left', 'top-right', 'bottom-left', 'bottom-right']) {
      const c = document.createElement('div');
      c.className = `maplibregl-ctrl-${corner}`;
      this.controls.append(c);
    }
    this.container.append(this.canvasContainer, this.controls);
    this.g = this.canvas.getContext('2d', { willReadFrequently: true })!; // on the CPU: see ARCHITECTURE.md, canvas
    const style = (typeof o.style === 'object' && o.style) as { layers?: Array<Record<string, unknown>> } | false;
    this.scene = {
      view: { x: 256, y: 256, zoom: 0, width: 1, height: 1 }, layers: [], sources: new Map(), states: new Map(), stateVersion: 0,
      image: (id) => this.imageFor(id),
    };
    for (const l of (style && style.layers) || []) this.addLayer(l as never);
    this.measure();
    if (o.bounds) Object.assign(this.scene.view, fitView(o.bounds, this.scene.view.width, this.scene.view.height, o.fitBoundsOptions?.padding ?? 0));
    this.gestures = new Gestures(this, this.canvas, this.canvasContainer, !!o.cooperativeGestures);
    requestAnimationFrame(() => {
      if (this.removed) return;
      this.isLoaded = true;
      this.fire('load');
      this.triggerRepaint();
    });
  }

  locale(key: string, fallback: string): string {
    return this.locales[key] ?? fallback;
  }

  // ——— the element's DOM ———
  getCanvas(): HTMLCanvasElement {
    return this.canvas;
  }
  getContainer(): HTMLElement {
    return this.container;
  }
  getCanvasContainer(): HTMLElement {
    return this.canvasContainer;
  }
  loaded(): boolean {
    return this.isLoaded;
  }

  // ——— events ———
  on(type: string, layerOrHandler: string | Handler, handler?: Handler): this {
    if (typeof layerOrHandler === 'string') this.layerListeners.push({ type, layerId: layerOrHandler, handler: handler! });
    else {
      let set = this.listeners.get(type);
      if (!set) this.listeners.set(type, (set = new Set()));
      set.add(layerOrHandler);
    }
    return this;
  }
  off(type: string, layerOrHandler: string | Handler, handler?: Handler): this {
    if (typeof layerOrHandler === 'string') {
      const i = this.layerListeners.findIndex((l) => l.type === type && l.layerId === layerOrHandler && l.handler === handler);
      if (i >= 0) this.layerListeners.splice(i, 1);
    } else this.listeners.get(type)?.delete(layerOrHandler);
    return this;
  }
  once(type: string, handler?: Handler): this | Promise<unknown> {
    if (!handler) return new Promise((resolve) => this.once(type, resolve));
    const wrapped: Handler = (e) => void (this.off(type, wrapped), handler(e));
    return this.on(type, wrapped);
  }
  fire(type: string, data: Record<string, unknown> = {}): this {
    for (const f of [...(this.listeners.get(type) ?? [])]) f({ type, target: this, ...data });
    return this;
  }

  /** @internal Pointer events from the gestures: layer-bound `mousemove`, `mouseleave` and `click`, and the map's own. */
  pointer(type: 'mousemove' | 'click' | 'mouseout', x: number, y: number, originalEvent: Event): void {
    const lngLat_ = this.unproject([x, y]);
    const base = { point: { x, y }, lngLat: lngLat_, originalEvent };
    for (const l of [...this.layerListeners]) {
      if (!this.getLayer(l.layerId)) continue;
      const features = type === 'mouseout' ? [] : this.queryRenderedFeatures([x, y], { layers: [l.layerId] });
      if (l.type === 'mouseleave' && (type === 'mousemove' || type === 'mouseout')) {
        if (l.inside && !features.length) l.handler({ type: 'mouseleave', target: this, ...base });
        l.inside = features.length > 0;
      } else if (l.type === 'mouseenter' && type === 'mousemove') {
        if (!l.inside && features.length) l.handler({ type: 'mouseenter', target: this, ...base, features });
        l.inside = features.length > 0;
      } else if (l.type === type && features.length) l.handler({ type, target: this, ...base, features });
    }
    if (type !== 'mouseout') this.fire(type, base);
  }

  // ——— camera ———
  private get view(): View { return this.scene.view; }
  getCenter() {
    const [lng, lat] = fromWorld(this.view.x, this.view.y);
    return lngLat(lng, lat);
  }
  getZoom(): number {
    return this.view.zoom;
  }
  getBounds() {
    const [w, n] = fromWorld(...screenToWorld(this.view, 0, 0));
    const [e, s] = fromWorld(...screenToWorld(this.view, this.view.width, this.view.height));
    return { getWest: () => w, getEast: () => e, getNorth: () => n, getSouth: () => s, toArray: () => [[w, s], [e, n]] };
  }
  project(at: LngLatLike): { x: number; y: number } {
    const [lng, lat] = Array.isArray(at) ? at : [at.lng, at.lat];
    const [x, y] = worldToScreen(this.view, ...toWorld(lng, lat));
    return { x, y };
  }
  unproject(p: [number, number] | { x: number; y: number }) {
    const [x, y] = Array.isArray(p) ? p : [p.x, p.y];
    const [lng, lat] = fromWorld(...screenToWorld(this.view, x, y));
    return lngLat(lng, lat);
  }
  jumpTo(o: { center?: LngLatLike; zoom?: number }): this {
    return this.moveTo(this.target(o), 0);
  }
  easeTo(o: { center?: LngLatLike; zoom?: number; duration?: number; animate?: boolean }): this {
    return this.moveTo(this.target(o), o.animate === false ? 0 : o.duration ?? 500);
  }
  flyTo(o: { center?: LngLatLike; zoom?: number; duration?: number; animate?: boolean }): this {
    return this.easeTo(o);
  }
  fitBounds(b: [number, number, number, number] | [[number, number], [number, number]], o: { padding?: number; maxZoom?: number; duration?: number; animate?: boolean } = {}): this {
    const box = (Array.isArray(b[0]) ? [...(b[0] as number[]), ...(b[1] as number[])] : b) as number[];
    const to = fitView(box, this.view.width, this.view.height, o.padding ?? 0, o.maxZoom ?? 22);
    return this.moveTo(to, o.animate === false ? 0 : o.duration ?? 500);
  }
  panBy(offset: [number, number], o: { animate?: boolean; duration?: number } = {}): this {
    const k = 2 ** this.view.zoom;
    const [lng, lat] = fromWorld(this.view.x + offset[0] / k, this.view.y + offset[1] / k);
    return this.easeTo({ center: [lng, lat], duration: o.duration, animate: o.animate });
  }
  /** Zooms by `delta` around the centre (the zoom buttons and keys). */
  zoomBy(delta: number): void {
    this.easeTo({ zoom: this.view.zoom + delta, duration: 250 });
  }
  /** @internal The view's centre in world px (zoom 0). */
  worldCenter(): { x: number; y: number } {
    return { x: this.view.x, y: this.view.y };
  }
  /** @internal Moves the view at once (a drag, a wheel step) and says so. */
  moveNow(x: number, y: number, zoom: number, end: boolean): void {
    this.animation = undefined;
    this.setView({ x, y, zoom });
    if (end) this.fire('moveend').fire('zoomend');
  }

  private target(o: { center?: LngLatLike; zoom?: number }): { x: number; y: number; zoom: number } {
    const c = o.center ? (Array.isArray(o.center) ? o.center : [o.center.lng, o.center.lat]) : undefined;
    const [x, y] = c ? toWorld(c[0], c[1]) : [this.view.x, this.view.y];
    return { x, y, zoom: o.zoom ?? this.view.zoom };
  }

  private setView(to: { x: number; y: number; zoom: number }): void {
    const zoomed = to.zoom !== this.view.zoom;
    Object.assign(this.scene.view, { x: to.x, y: to.y, zoom: Math.max(0, Math.min(22, to.zoom)) });
    this.fire('move');
    if (zoomed) this.fire('zoom');
    this.requestFrame();
  }

  private moveTo(to: { x: number; y: number; zoom: number }, duration: number): this {
    this.fire('movestart');
    if (duration <= 0 || matchMedia('(prefers-reduced-motion: reduce)').matches) {
      this.animation = undefined;
      this.setView(to);
      this.fire('moveend').fire('zoomend');
    } else {
      this.animation = { from: { ...this.view }, to, start: performance.now(), duration };
      this.triggerRepaint();
    }
    return this;
  }

  /** Whether the camera is moving (an animation is running). */
  isMoving(): boolean {
    return !!this.animation || this.gestures.active;
  }

  // ——— sources, layers, state, images ———
  addSource(id: string, spec: GeoJsonSourceSpec | { type: 'image'; coordinates: Array<[number, number]> } | { type: string }): this {
    if (this.scene.sources.has(id)) throw new Error(`There is already a source with ID "${id}".`);
    const changed = () => this.triggerRepaint();
    if (spec.type === 'geojson') this.scene.sources.set(id, new CanvasGeoJsonSource(spec as GeoJsonSourceSpec, changed));
    else if (spec.type === 'image') this.scene.sources.set(id, new CanvasImageSource(spec as { coordinates: Array<[number, number]> }, changed));
    else throw new Error(`chiso canvas renderer: "${spec.type}" sources need MapLibre (WebGL)`);
    this.triggerRepaint();
    return this;
  }
  getSource(id: string) {
    return this.scene.sources.get(id);
  }
  removeSource(id: string): this {
    this.scene.sources.delete(id);
    this.scene.states.delete(id);
    this.triggerRepaint();
    return this;
  }
  addLayer(spec: { id: string; type: LayerType; source?: string; minzoom?: number; maxzoom?: number; filter?: unknown; paint?: Record<string, unknown>; layout?: Record<string, unknown> }, beforeId?: string): this {
    if (this.getLayer(spec.id)) throw new Error(`Layer "${spec.id}" already exists on this map.`);
    const layer: CanvasLayer = { ...spec, paint: { ...spec.paint }, layout: { ...spec.layout }, version: 0, compiled: new Map() };
    const at = beforeId ? this.scene.layers.findIndex((l) => l.id === beforeId) : -1;
    if (at >= 0) this.scene.layers.splice(at, 0, layer);
    else this.scene.layers.push(layer);
    this.triggerRepaint();
    return this;
  }
  getLayer(id: string): CanvasLayer | undefined {
    return this.scene.layers.find((l) => l.id === id);
  }
  removeLayer(id: string): this {
    const i = this.scene.layers.findIndex((l) => l.id === id);
    if (i >= 0) this.scene.layers.splice(i, 1);
    this.triggerRepaint();
    return this;
  }
  getStyle() {
    const sources = Object.fromEntries([...this.scene.sources].map(([id, s]) => [id, { type: s.type }]));
    return { version: 8, sources, layers: this.scene.layers.map(({ id, type, source, paint: p, layout, filter, minzoom, maxzoom }) => ({ id, type, source, paint: p, layout, filter, minzoom, maxzoom })) };
  }
  setPaintProperty(id: string, name: string, value: unknown): this {
    return this.restyle(id, (l) => (l.paint[name] = value), name);
  }
  setLayoutProperty(id: string, name: string, value: unknown): this {
    return this.restyle(id, (l) => (l.layout[name] = value), name);
  }
  setFilter(id: string, filter: unknown): this {
    return this.restyle(id, (l) => (l.filter = filter ?? undefined), 'filter');
  }
  private restyle(id: string, change: (l: CanvasLayer) => void, name: string): this {
    const l = this.getLayer(id);
    if (!l) throw new Error(`The layer '${id}' does not exist in the map's style.`);
    change(l);
    l.compiled.delete(name);
    l.version++;
    this.triggerRepaint();
    return this;
  }
  setFeatureState(f: { source: string; id?: string | number }, state: Record<string, unknown>): void {
    if (f.id == null) return;
    let states = this.scene.states.get(f.source);
    if (!states) this.scene.states.set(f.source, (states = new Map()));
    states.set(f.id, { ...states.get(f.id), ...state });
    this.scene.stateVersion++;
    this.triggerRepaint();
  }
  getFeatureState(f: { source: string; id?: string | number }): Record<string, unknown> {
    return (f.id != null && this.scene.states.get(f.source)?.get(f.id)) || {};
  }
  removeFeatureState(f: { source: string; id?: string | number }, key?: string): void {
    const states = this.scene.states.get(f.source);
    if (!states) return;
    if (f.id == null) states.clear();
    else if (key) delete states.get(f.id)?.[key];
    else states.delete(f.id);
    this.scene.stateVersion++;
    this.triggerRepaint();
  }
  addImage(id: string, image: ImageData | HTMLImageElement | ImageBitmap | HTMLCanvasElement, o: { pixelRatio?: number } = {}): this {
    this.images.set(id, pictureOf(image, o.pixelRatio ?? 1));
    this.triggerRepaint();
    return this;
  }
  updateImage(id: string, image: ImageData | HTMLImageElement | ImageBitmap | HTMLCanvasElement): this {
    return this.addImage(id, image, { pixelRatio: this.images.get(id)?.ratio ?? 1 });
  }
  listImages = (): string[] => [...this.images.keys()];
  hasImage = (id: string): boolean => this.images.has(id);
  removeImage = (id: string): void => void this.images.delete(id);
  /** The features a source draws at the view's zoom (its clusters, where it clusters), as MapLibre's. */
  querySourceFeatures(id: string) {
    const s = this.scene.sources.get(id);
    return s instanceof CanvasGeoJsonSource ? s.featuresAt(this.view.zoom).map((f) => ({ type: 'Feature' as const, id: f.id, properties: f.properties, get geometry() { return f.geometry; } })) : [];
  }
  setMissingStyleImageResolver(f: (id: string) => void): void {
    this.resolveImage = f;
  }
  private imageFor(id: string) {
    if (!this.images.has(id)) {
      this.resolveImage?.(id);
      this.fire('styleimagemissing', { id });
    }
    return this.images.get(id);
  }

  /** Features drawn at a point, in a box ([[x0, y0], [x1, y1]]) or in the whole view, top-most first. */
  queryRenderedFeatures(a?: unknown, b?: { layers?: string[]; filter?: unknown }) {
    const isGeometry = Array.isArray(a) || (a != null && typeof a === 'object' && 'x' in a);
    const o = (isGeometry ? b : (a as typeof b)) ?? {};
    const point = a as { x: number; y: number };
    const g = isGeometry ? (Array.isArray(a) ? a : [point.x, point.y]) : undefined;
    const out: Array<ReturnType<CanvasMap['asFeature']>> = [];
    const layers = [...this.scene.layers].reverse().filter((l) => !o.layers || o.layers.includes(l.id));
    for (const l of layers) {
      let found: CanvasFeature[];
      if (!g) found = featuresInView(this.scene, l);
      else if (Array.isArray(g[0])) {
        const [[x0, y0], [x1, y1]] = g as [[number, number], [number, number]];
        const [wx0, wy0] = screenToWorld(this.view, Math.min(x0, x1), Math.min(y0, y1));
        const [wx1, wy1] = screenToWorld(this.view, Math.max(x0, x1), Math.max(y0, y1));
        found = featuresInView(this.scene, l).filter((f) => f.box[2] >= wx0 && f.box[0] <= wx1 && f.box[3] >= wy0 && f.box[1] <= wy1);
      } else found = featuresAt(this.scene, l, Number(g[0]), Number(g[1]));
      for (const f of found) out.push(this.asFeature(l, f));
    }
    // `filter`, as MapLibre's: an expression each feature must pass.
    const keep = o.filter === undefined ? undefined : compileExpression(o.filter);
    return keep ? out.filter((f) => keep({ zoom: this.view.zoom, properties: f.properties, id: f.id, state: f.state, geometryType: f.geometryType }) === true) : out;
  }
  private asFeature(l: CanvasLayer, f: CanvasFeature) {
    return {
      type: 'Feature' as const, id: f.id, properties: f.properties, geometryType: f.geometryType, layer: { id: l.id, type: l.type }, source: l.source,
      get geometry() { return f.geometry; }, // made when read (TopoJSON areas: topology-features.ts)
      state: f.id != null ? this.scene.states.get(l.source!)?.get(f.id) ?? {} : {},
    };
  }

  // ——— controls ———
  private readonly added = new Set<Control>();
  addControl(control: Control, position = 'top-right'): this {
    const corner = this.controls.querySelector(`.maplibregl-ctrl-${position}`)!;
    const el = control.onAdd(this);
    if (position.startsWith('bottom')) corner.prepend(el);
    else corner.append(el);
    this.added.add(control);
    return this;
  }
  removeControl(control: Control): this {
    control.onRemove(this);
    this.added.delete(control);
    return this;
  }

  // ——— drawing ———
  /** Stops drawing: the last frame stays on screen (while MapLibre takes over behind it). */
  freeze(): void {
    this.frozen = true;
    cancelAnimationFrame(this.frame);
  }
  private frozen = false;

  /** Something drawn changed (data, state, style, size): the next frame is drawn in full. */
  triggerRepaint(): void {
    this.changed = true;
    this.requestFrame();
  }
  private changed = true;
  private requestFrame(): void {
    if (this.removed || this.frozen || this.frame) return;
    this.frame = requestAnimationFrame(() => this.render());
  }
  private readonly blit = new PanBlit();
  private rest?: ReturnType<typeof setTimeout>;
  /** Reads the container's size again (the element resized). */
  resize(): this {
    this.measure();
    this.fire('resize');
    this.triggerRepaint();
    return this;
  }
  /** Draws the map now into the canvas (tests, pictures); `render` and `idle` follow as after any frame. */
  redraw(): this {
    cancelAnimationFrame(this.frame);
    this.render();
    return this;
  }
  /** Draws the view into another 2D context at `ratio` device px per CSS px (a picture of the map). */
  paintInto(g: CanvasRenderingContext2D, ratio: number): void {
    paint(g, this.scene, ratio);
  }

  private measure(): void {
    const w = this.container.clientWidth || 300;
    const h = this.container.clientHeight || 150;
    const ratio = devicePixelRatio || 1;
    Object.assign(this.scene.view, { width: w, height: h });
    if (this.canvas.width !== Math.round(w * ratio) || this.canvas.height !== Math.round(h * ratio)) {
      this.canvas.width = Math.round(w * ratio);
      this.canvas.height = Math.round(h * ratio);
    }
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${h}px`;
  }

  private render(): void {
    this.frame = 0;
    if (this.removed || this.frozen) return;
    const a = this.animation;
    if (a) {
      const t = Math.min(1, (performance.now() - a.start) / a.duration);
      const e = 1 - (1 - t) ** 3;
      const zoom = a.from.zoom + (a.to.zoom - a.from.zoom) * e;
      this.setView({ x: a.from.x + (a.to.x - a.from.x) * e, y: a.from.y + (a.to.y - a.from.y) * e, zoom });
      if (t >= 1) {
        this.animation = undefined;
        this.fire('moveend').fire('zoomend');
      }
    }
    if ((this.container.clientWidth && this.container.clientWidth !== this.view.width) || (this.container.clientHeight && this.container.clientHeight !== this.view.height)) this.measure();
    const ratio = this.canvas.width / this.view.width;
    clearTimeout(this.rest);
    this.rest = undefined;
    const background = this.scene.layers.find((l) => l.type === 'background');
    if (!this.changed && this.blit.draw(this.g, this.view, ratio, background ? String(background.paint['background-color']) : '#ffffff')) {
      // Moved only: the last frame, moved; in full once the movement rests.
      this.rest = setTimeout(() => this.triggerRepaint(), REST_MS);
    } else {
      paint(this.g, this.scene, ratio);
      this.blit.keep(this.canvas, this.view);
      this.changed = false;
    }
    this.fire('render');
    if (this.animation) this.requestFrame();
    else if (!this.frame && !this.rest) this.fire('idle');
  }

  remove(): void {
    if (this.removed) return;
    this.removed = true;
    cancelAnimationFrame(this.frame);
    clearTimeout(this.rest);
    this.gestures.remove();
    for (const c of this.added) c.onRemove(this);
    this.canvasContainer.remove();
    this.controls.remove();
    this.container.classList.remove('maplibregl-map');
    this.fire('remove');
    this.listeners.clear();
    this.layerListeners.length = 0;
    // Release the canvas's memory at once (a page of many maps).
    this.canvas.width = this.canvas.height = 0;
  }
}
