/**
 * Draws the canvas renderer's layers, bottom to top, as MapLibre would draw the same style: background, fills,
 * lines, circles, icons, a raster picture and a heatmap. Areas are world-px paths drawn under one transform, so
 * a pan or a zoom redraws without re-projecting anything; what colour each area takes is cached until its data,
 * state or paint changes. Also answers which features are under a point (`queryRenderedFeatures`).
 */
import { compileExpression, type Evaluator, type ExpressionInput } from './expressions.js';
import { screenToWorld, toWorld, type View } from './camera.js';
import { CanvasGeoJsonSource, CanvasImageSource, featurePath, pathOf, type CanvasFeature } from './sources.js';

export type LayerType = 'background' | 'fill' | 'line' | 'circle' | 'symbol' | 'raster' | 'heatmap';

export interface CanvasLayer {
  id: string;
  type: LayerType;
  source?: string;
  minzoom?: number;
  maxzoom?: number;
  filter?: unknown;
  paint: Record<string, unknown>;
  layout: Record<string, unknown>;
  /** Bumped on every paint, layout or filter change. */
  version: number;
  compiled: Map<string, Evaluator>;
}

/** MapLibre's defaults for the properties chiso's layers leave out. */
const DEFAULTS: Record<string, unknown> = {
  'background-color': '#000000', 'fill-color': '#000000', 'fill-opacity': 1, 'line-color': '#000000', 'line-width': 1, 'line-opacity': 1,
  'circle-radius': 5, 'circle-color': '#000000', 'circle-opacity': 1, 'circle-stroke-width': 0, 'circle-stroke-color': '#000000',
  'icon-size': 1, 'icon-image': '', visibility: 'visible', 'raster-opacity': 1,
  'heatmap-radius': 30, 'heatmap-weight': 1, 'heatmap-intensity': 1, 'heatmap-opacity': 1, filter: true,
};

/** A style property of `layer`, compiled once (until it changes). */
export function prop(layer: CanvasLayer, name: string): Evaluator {
  let e = layer.compiled.get(name);
  if (!e) {
    const raw = name === 'filter' ? layer.filter : name in layer.paint ? layer.paint[name] : layer.layout[name];
    e = compileExpression(raw === undefined ? DEFAULTS[name] : raw);
    layer.compiled.set(name, e);
  }
  return e;
}

export interface Scene {
  view: View;
  layers: CanvasLayer[];
  sources: Map<string, CanvasGeoJsonSource | CanvasImageSource>;
  /** Feature state per source and feature id; `stateVersion` bumps on every change. */
  states: Map<string, Map<string | number, Record<string, unknown>>>;
  stateVersion: number;
  image(id: string): { image: CanvasImageSource_; width: number; height: number } | undefined;
}
type CanvasImageSource_ = HTMLCanvasElement | ImageBitmap | HTMLImageElement;

export const isShown = (l: CanvasLayer, zoom: number): boolean =>
  prop(l, 'visibility')({ zoom }) !== 'none' && zoom >= (l.minzoom ?? 0) && zoom < (l.maxzoom ?? 24);

const input = (s: Scene, sourceId: string, f: CanvasFeature, zoom: number): ExpressionInput => ({
  zoom, properties: f.properties, id: f.id, geometryType: f.geometryType, state: f.id != null ? s.states.get(sourceId)?.get(f.id) : undefined,
});

/** The features of a layer at the view's zoom that pass its filter. */
export function layerFeatures(s: Scene, l: CanvasLayer): CanvasFeature[] {
  const source = l.source ? s.sources.get(l.source) : undefined;
  if (!(source instanceof CanvasGeoJsonSource)) return [];
  const zoom = s.view.zoom;
  const filter = prop(l, 'filter');
  const all = source.featuresAt(zoom);
  return filter.featureConstant && filter({ zoom }) === true ? all : all.filter((f) => filter(input(s, l.source!, f, zoom)) === true);
}

interface FillGroup {
  color: string;
  opacity: number;
  features: CanvasFeature[];
  path?: Path2D;
}
const fillCache = new WeakMap<CanvasLayer, { key: string; groups: FillGroup[] }>();
const outlineCache = new WeakMap<CanvasGeoJsonSource, { version: number; path: Path2D }>();

/** Whether a world box is on screen (world px of the view's corners). */
function onScreen(v: View, box: number[], marginPx = 0): boolean {
  const [x0, y0] = screenToWorld(v, -marginPx, -marginPx);
  const [x1, y1] = screenToWorld(v, v.width + marginPx, v.height + marginPx);
  return box[2] >= x0 && box[0] <= x1 && box[3] >= y0 && box[1] <= y1;
}

/** Draws every shown layer into `g` (already sized to the view × `ratio`). */
export function paint(g: CanvasRenderingContext2D, s: Scene, ratio: number): void {
  const v = s.view;
  const k = 2 ** v.zoom;
  const world = () => g.setTransform(ratio * k, 0, 0, ratio * k, ratio * (v.width / 2 - v.x * k), ratio * (v.height / 2 - v.y * k));
  const screen = () => g.setTransform(ratio, 0, 0, ratio, 0, 0);
  for (const l of s.layers) {
    if (!isShown(l, v.zoom)) continue;
    g.globalAlpha = 1;
    if (l.type === 'background') {
      screen();
      g.fillStyle = String(prop(l, 'background-color')({ zoom: v.zoom }));
      g.fillRect(0, 0, v.width, v.height);
    } else if (l.type === 'fill') {
      world();
      for (const group of fillGroups(s, l)) {
        if (!group.color || group.opacity <= 0) continue;
        g.globalAlpha = group.opacity;
        g.fillStyle = group.color;
        const shown = group.features.filter((f) => onScreen(v, f.box));
        if (shown.length === group.features.length) {
          group.path ??= pathOf(group.features);
          g.fill(group.path);
        } else for (const f of shown) g.fill(featurePath(f));
      }
    } else if (l.type === 'line') drawLines(g, s, l, k, world);
    else if (l.type === 'circle') {
      screen();
      drawCircles(g, s, l);
    } else if (l.type === 'symbol') {
      screen();
      drawIcons(g, s, l);
    } else if (l.type === 'raster') {
      screen();
      drawRaster(g, s, l);
    } else if (l.type === 'heatmap') {
      screen();
      drawHeatmap(g, s, l, ratio);
    }
  }
  g.globalAlpha = 1;
  screen();
}

/** Features of a fill layer grouped by colour and opacity; cached until data, state, paint or (if used) zoom changes. */
function fillGroups(s: Scene, l: CanvasLayer): FillGroup[] {
  const source = s.sources.get(l.source!) as CanvasGeoJsonSource | undefined;
  if (!source) return [];
  const color = prop(l, 'fill-color');
  const opacity = prop(l, 'fill-opacity');
  const zoomed = !color.zoomConstant || !opacity.zoomConstant;
  const key = `${source.version}|${s.stateVersion}|${l.version}|${zoomed ? s.view.zoom : ''}`;
  const cached = fillCache.get(l);
  if (cached?.key === key) return cached.groups;
  const groups = new Map<string, FillGroup>();
  for (const f of layerFeatures(s, l)) {
    if (f.geometryType !== 'Polygon' && f.geometryType !== 'MultiPolygon') continue;
    const i = input(s, l.source!, f, s.view.zoom);
    const c = String(color(i) ?? '');
    const o = Number(opacity(i));
    const id = `${c}|${o}`;
    const group = groups.get(id);
    if (group) group.features.push(f);
    else groups.set(id, { color: c, opacity: o, features: [f] });
  }
  const list = [...groups.values()];
  fillCache.set(l, { key, groups: list });
  return list;
}

function drawLines(g: CanvasRenderingContext2D, s: Scene, l: CanvasLayer, k: number, world: () => void): void {
  const source = s.sources.get(l.source!);
  if (!(source instanceof CanvasGeoJsonSource)) return;
  const color = prop(l, 'line-color');
  const width = prop(l, 'line-width');
  const opacity = prop(l, 'line-opacity');
  world();
  g.lineJoin = 'round';
  const constant = color.featureConstant && width.featureConstant && opacity.featureConstant && prop(l, 'filter').featureConstant;
  if (constant) {
    const z = { zoom: s.view.zoom };
    const w = Number(width(z));
    if (!(w > 0)) return;
    let outline = outlineCache.get(source);
    if (outline?.version !== source.version) {
      const path = pathOf(source.features.filter((f) => f.geometryType !== 'Point'));
      outlineCache.set(source, (outline = { version: source.version, path }));
    }
    g.globalAlpha = Number(opacity(z));
    g.strokeStyle = String(color(z));
    g.lineWidth = w / k;
    g.stroke(outline.path);
    return;
  }
  for (const f of layerFeatures(s, l)) {
    if (f.geometryType === 'Point' || !onScreen(s.view, f.box, 8)) continue;
    const i = input(s, l.source!, f, s.view.zoom);
    const w = Number(width(i));
    if (!(w > 0)) continue;
    g.globalAlpha = Number(opacity(i));
    g.strokeStyle = String(color(i));
    g.lineWidth = w / k;
    g.stroke(featurePath(f));
  }
}

/** A point feature's place on screen. */
const screenOf = (v: View, f: CanvasFeature): [number, number] => {
  const k = 2 ** v.zoom;
  return [(f.at![0] - v.x) * k + v.width / 2, (f.at![1] - v.y) * k + v.height / 2];
};

function drawCircles(g: CanvasRenderingContext2D, s: Scene, l: CanvasLayer): void {
  const [radius, color, opacity, strokeWidth, strokeColor] = ['circle-radius', 'circle-color', 'circle-opacity', 'circle-stroke-width', 'circle-stroke-color'].map((p) => prop(l, p));
  for (const f of layerFeatures(s, l)) {
    if (!f.at || !onScreen(s.view, f.box, 64)) continue;
    const i = input(s, l.source!, f, s.view.zoom);
    const r = Number(radius(i));
    const [x, y] = screenOf(s.view, f);
    g.beginPath();
    g.arc(x, y, Math.max(0, r), 0, 2 * Math.PI);
    g.globalAlpha = Number(opacity(i));
    g.fillStyle = String(color(i));
    g.fill();
    const sw = Number(strokeWidth(i));
    if (sw > 0) {
      g.lineWidth = sw;
      g.strokeStyle = String(strokeColor(i));
      g.stroke();
    }
  }
}

/** A symbol's picture and its size on screen (CSS px), or undefined when it has none. */
export function iconOf(s: Scene, l: CanvasLayer, f: CanvasFeature): { image: CanvasImageSource_; w: number; h: number } | undefined {
  const i = input(s, l.source!, f, s.view.zoom);
  const name = String(prop(l, 'icon-image')(i) ?? '');
  const img = name ? s.image(name) : undefined;
  if (!img) return undefined;
  const size = Number(prop(l, 'icon-size')(i));
  return { image: img.image, w: img.width * size, h: img.height * size };
}

function drawIcons(g: CanvasRenderingContext2D, s: Scene, l: CanvasLayer): void {
  for (const f of layerFeatures(s, l)) {
    if (!f.at || !onScreen(s.view, f.box, 48)) continue;
    const icon = iconOf(s, l, f);
    if (!icon) continue;
    const [x, y] = screenOf(s.view, f);
    g.drawImage(icon.image, x - icon.w / 2, y - icon.h / 2, icon.w, icon.h);
  }
}

function drawRaster(g: CanvasRenderingContext2D, s: Scene, l: CanvasLayer): void {
  const source = s.sources.get(l.source!);
  if (!(source instanceof CanvasImageSource) || !source.image) return;
  const v = s.view;
  const k = 2 ** v.zoom;
  const [tl, , br] = source.coordinates;
  const [x0, y0] = toWorld(tl[0], tl[1]);
  const [x1, y1] = toWorld(br[0], br[1]);
  g.globalAlpha = Number(prop(l, 'raster-opacity')({ zoom: v.zoom }));
  g.imageSmoothingEnabled = true;
  g.drawImage(source.image, (x0 - v.x) * k + v.width / 2, (y0 - v.y) * k + v.height / 2, (x1 - x0) * k, (y1 - y0) * k);
}

let heatRamp: Uint8ClampedArray | undefined;

/** MapLibre's default heatmap colours, as 256 RGBA entries by density. */
function ramp(): Uint8ClampedArray {
  if (heatRamp) return heatRamp;
  const c = document.createElement('canvas');
  c.width = 256;
  c.height = 1;
  const g = c.getContext('2d', { willReadFrequently: true })!;
  const grad = g.createLinearGradient(0, 0, 256, 0);
  for (const [at, color] of [[0, 'rgba(0,0,255,0)'], [0.1, 'royalblue'], [0.3, 'cyan'], [0.5, 'lime'], [0.7, 'yellow'], [1, 'red']] as const) grad.addColorStop(at, color);
  g.fillStyle = grad;
  g.fillRect(0, 0, 256, 1);
  return (heatRamp = g.getImageData(0, 0, 256, 1).data);
}

/** Density as summed soft discs (alpha), then coloured by the ramp, as MapLibre's heatmap. */
function drawHeatmap(g: CanvasRenderingContext2D, s: Scene, l: CanvasLayer, ratio: number): void {
  const v = s.view;
  const w = Math.max(1, Math.round(v.width * ratio));
  const h = Math.max(1, Math.round(v.height * ratio));
  const density = new OffscreenCanvas(w, h);
  const d = density.getContext('2d', { willReadFrequently: true })!;
  d.globalCompositeOperation = 'lighter';
  const [radius, weight, intensity] = ['heatmap-radius', 'heatmap-weight', 'heatmap-intensity'].map((p) => prop(l, p));
  for (const f of layerFeatures(s, l)) {
    if (!f.at) continue;
    const i = input(s, l.source!, f, v.zoom);
    const r = Number(radius(i)) * ratio;
    const [x, y] = screenOf(v, f).map((c) => c * ratio);
    if (x < -r || y < -r || x > w + r || y > h + r) continue;
    const a = Math.max(0, Math.min(1, Number(weight(i)) * Number(intensity(i))));
    const grad = d.createRadialGradient(x, y, 0, x, y, r);
    grad.addColorStop(0, `rgba(0,0,0,${a})`);
    grad.addColorStop(1, 'rgba(0,0,0,0)');
    d.fillStyle = grad;
    d.fillRect(x - r, y - r, 2 * r, 2 * r);
  }
  const pixels = d.getImageData(0, 0, w, h);
  const px = pixels.data;
  const lut = ramp();
  for (let p = 0; p < px.length; p += 4) {
    const k = px[p + 3] * 4;
    px[p] = lut[k];
    px[p + 1] = lut[k + 1];
    px[p + 2] = lut[k + 2];
    px[p + 3] = lut[k + 3];
  }
  d.putImageData(pixels, 0, 0);
  g.globalAlpha = Number(prop(l, 'heatmap-opacity')({ zoom: v.zoom }));
  g.drawImage(density, 0, 0, v.width, v.height);
}

let probe: CanvasRenderingContext2D | undefined;

/** Features of `l` under the screen point (x, y), top-most first. */
export function featuresAt(s: Scene, l: CanvasLayer, x: number, y: number): CanvasFeature[] {
  if (!isShown(l, s.view.zoom) || l.type === 'background' || l.type === 'raster' || l.type === 'heatmap') return [];
  const v = s.view;
  const found: CanvasFeature[] = [];
  if (l.type === 'fill' || l.type === 'line') {
    probe ??= new OffscreenCanvas(1, 1).getContext('2d') as unknown as CanvasRenderingContext2D;
    const [wx, wy] = screenToWorld(v, x, y);
    const slack = l.type === 'line' ? 4 / 2 ** v.zoom : 0;
    probe.lineWidth = 2 * slack;
    for (const f of layerFeatures(s, l)) {
      if (f.geometryType === 'Point' || wx < f.box[0] - slack || wx > f.box[2] + slack || wy < f.box[1] - slack || wy > f.box[3] + slack) continue;
      const path = featurePath(f);
      if (l.type === 'fill' ? probe.isPointInPath(path, wx, wy) : probe.isPointInStroke(path, wx, wy)) found.push(f);
    }
    return found.reverse();
  }
  for (const f of layerFeatures(s, l)) {
    if (!f.at) continue;
    const [fx, fy] = screenOf(v, f);
    if (l.type === 'circle') {
      const i = input(s, l.source!, f, v.zoom);
      const r = Number(prop(l, 'circle-radius')(i)) + Number(prop(l, 'circle-stroke-width')(i));
      if ((fx - x) ** 2 + (fy - y) ** 2 <= r * r) found.push(f);
    } else {
      const icon = iconOf(s, l, f);
      if (icon && Math.abs(fx - x) <= icon.w / 2 && Math.abs(fy - y) <= icon.h / 2) found.push(f);
    }
  }
  return found.reverse();
}

/** Features of `l` drawn in the view (for `queryRenderedFeatures()` with no point). */
export function featuresInView(s: Scene, l: CanvasLayer): CanvasFeature[] {
  if (!isShown(l, s.view.zoom) || l.type === 'background' || l.type === 'raster' || l.type === 'heatmap') return [];
  return layerFeatures(s, l).filter((f) => onScreen(s.view, f.box));
}

/** An image as the painter draws it: ImageData becomes a canvas; its size is in CSS px. */
export function pictureOf(image: ImageData | HTMLImageElement | ImageBitmap | HTMLCanvasElement, ratio: number) {
  let drawable: HTMLCanvasElement | ImageBitmap | HTMLImageElement;
  if (image instanceof HTMLImageElement || image instanceof HTMLCanvasElement || image instanceof ImageBitmap) drawable = image;
  else {
    // ImageData, or a plain { width, height, data } as MapLibre also takes.
    const data = image as { width: number; height: number; data: ArrayLike<number> };
    const c = document.createElement('canvas');
    c.width = data.width;
    c.height = data.height;
    // A CPU canvas, as the map's: drawing a GPU one into it would read the GPU back for every symbol.
    c.getContext('2d', { willReadFrequently: true })!.putImageData(data instanceof ImageData ? data : new ImageData(new Uint8ClampedArray(data.data), data.width, data.height), 0, 0);
    drawable = c;
  }
  return { image: drawable, width: drawable.width / ratio, height: drawable.height / ratio, ratio };
}
