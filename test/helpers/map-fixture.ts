/**
 * The one map fixture of the browser tests: a `<chiso-map>` on the atlas's boundaries (shipped in the repository,
 * so these tests never skip), a layer inside it, and what the tests read back from MapLibre and the canvas.
 */
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { ChisoMap, ChisoChoroplethLayer, ChisoLegend } from '@chiso/map';
import { canvasSnapshot, loadAtlas, type GeoFeature } from './geo.js';

/** The size every map test draws at (a canvas this size is cheap on software WebGL). */
export const MAP_SIZE = 'display:block;width:640px;--chiso-map-height:420px';

/** The features of an atlas file (`/packages/atlas/data/…`), as the tests build feeds from them. */
export async function atlasFeatures(url: string): Promise<GeoFeature[]> {
  const geo = await loadAtlas(url);
  if (!geo) throw new Error(`the atlas file ${url} is missing: run npm run build`);
  return geo.features;
}

/**
 * Mounts `<chiso-map>` on `boundaries` with `layers` inside (eager, keeping its drawing buffer so pixels can be
 * read) and waits for its chiso-ready. `style` defaults to MAP_SIZE.
 */
export async function mountMap(boundaries: string, layers: TemplateResult, o: { label?: string; style?: string; renderer?: string } = {}): Promise<{ el: ChisoMap; map: NonNullable<ChisoMap['map']> }> {
  const el = await fixture<ChisoMap>(html`<chiso-map style=${o.style ?? MAP_SIZE} boundaries=${boundaries} eager preserve-drawing-buffer label=${o.label ?? 'Bản đồ'} renderer=${o.renderer ?? 'auto'}>${layers}</chiso-map>`);
  const map = await el.ready;
  return { el, map };
}

/** A map with one choropleth layer and a legend, on `url`'s boundaries. */
export async function mountChoropleth(url: string, feed: unknown, attrs: { classes?: string; palette?: string; reverse?: boolean; label?: string; renderer?: string } = {}) {
  const { el, map } = await mountMap(url, html`
    <chiso-choropleth-layer .data=${feed} classes=${attrs.classes ?? 'quantile:5'} palette=${attrs.palette ?? 'YlGnBu'} ?reverse=${!!attrs.reverse}></chiso-choropleth-layer>
    <chiso-legend></chiso-legend>`, { label: attrs.label ?? 'Bản đồ mật độ dân số', renderer: attrs.renderer });
  const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
  const legend = el.querySelector('chiso-legend') as ChisoLegend;
  await legend.updateComplete;
  return { el, map, layer, legend };
}

export const choroplethLayerId = (el: ChisoMap) => el.map!.getStyle().layers.map((l) => l.id).find((id) => id.startsWith('chiso-choropleth-'))!;

/** Unique codes of the features MapLibre actually drew in the choropleth layer. */
export const renderedCodes = (el: ChisoMap) => {
  const id = choroplethLayerId(el);
  return new Set(id ? el.map!.queryRenderedFeatures({ layers: [id] }).map((f) => String(f.properties.chiso_code)) : []);
};

/** The canvas read back as pixels (the map keeps its drawing buffer). */
export const snapshot = (el: ChisoMap, tolerance = 0) => canvasSnapshot(el.map!.getCanvas(), tolerance);

/** Two colours (RGB arrays) within `tol` per channel. */
export const close = (a: number[], b: number[], tol = 2) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

/** WCAG contrast ratio of two CSS rgb() colours. */
export function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map(Number).map((v) => v / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
