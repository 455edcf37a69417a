/**
 * Which renderer draws a map, and in what order: the canvas first where it can draw the map (boundaries from a
 * file, no basemap), then MapLibre; MapLibre alone where only it can (vector tiles, a basemap style); the canvas
 * alone when asked for, or when WebGL failed this map before (missing, lost for good, or every context taken).
 */
export type RendererPlan = 'canvas' | 'maplibre' | 'canvas-then-maplibre';

export function rendererPlan(requested: string, kind: string, basemap: string | undefined, webglFailed: boolean): RendererPlan {
  const canvasCan = kind === 'file';
  if (!canvasCan) return 'maplibre';
  if (requested === 'canvas' || webglFailed) return 'canvas';
  if (requested === 'maplibre' || basemap) return 'maplibre';
  return 'canvas-then-maplibre';
}

type Runtime = typeof import('../maplibre-runtime.js');

/**
 * The renderer's module, imported on first use (the canvas one never loads MapLibre). What the runtime imports is
 * asked for alongside it rather than once it has arrived: the stylesheet chunk (both runtimes) and MapLibre itself,
 * the largest file, whose request would otherwise wait for the small MapLibre runtime. (The canvas runtime's
 * share of d3-array, a chunk other packages share too, still follows it.)
 */
export const loadRuntime = (r: 'canvas' | 'maplibre'): Promise<Runtime> => {
  const runtime = r === 'canvas' ? (import('../canvas-runtime.js') as unknown as Promise<Runtime>) : import('../maplibre-runtime.js');
  return Promise.all([runtime, import('../generated/maplibre-css.js'), r === 'maplibre' ? import('maplibre-gl') : null]).then(([m]) => m);
};

/** A fresh box for one map inside the element's map part (two exist for a moment while MapLibre takes over). */
export function newSurface(parent: HTMLElement, hidden: boolean): HTMLDivElement {
  const box = document.createElement('div');
  box.className = 'surface';
  if (hidden) box.style.visibility = 'hidden';
  parent.append(box);
  return box;
}

/** Whether `map` is the canvas renderer's (its `renderer` field says so; MapLibre's map has none). */
export const isCanvasMap = (map: object): boolean => (map as { renderer?: string }).renderer === 'canvas';

/** Resolves once the map's style is loaded (or the map was removed first: the caller's generation check ends it). */
export function mapLoaded(map: { loaded(): boolean; once(type: string, f: () => void): unknown }): Promise<void> {
  return map.loaded() ? Promise.resolve() : new Promise<void>((resolve) => {
    map.once('load', () => resolve());
    map.once('remove', () => resolve());
  });
}
