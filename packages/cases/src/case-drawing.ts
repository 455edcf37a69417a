/**
 * The case layer's MapLibre drawing: the layers each mode needs (area fills by feature state, circles and
 * clusters, heat, opt-in points, and the count labels over them: case-labels.ts), and a day's data put into them.
 * The element decides what to draw; this draws it.
 */
import type { GeoJSONSource } from 'maplibre-gl';
import { areaLayerBefore, type MapContext } from '@chiso/map';
import { CASE_STATUSES, type AreaDay, type CasePoint } from './case-model.js';
import { CountLabels } from './case-labels.js';
import { anchorLabel } from './case-text.js';

export type CaseMode = 'area' | 'bubbles' | 'cluster' | 'heat';

/** What the layers are set up with (a change to any of them sets them up again). */
export interface CaseLayerSetup {
  mode: CaseMode;
  k: number;
  lang: string;
  /** Decimals of the count labels (1 for a 7-day average). */
  decimals: number;
  /** Zoom from which points are drawn; undefined: never. */
  minZoomPoints?: number;
  /** Colour of circles, clusters and points (the theme's). */
  bubble: string;
  /** The range's largest value (circle and heat scales). */
  scaleMax: number;
}

const EMPTY = { type: 'FeatureCollection', features: [] } as GeoJSON.FeatureCollection;

/** One drawing of a day: what changed since the last one, and the day's values. */
export interface CaseDay {
  /** Set up the layers again (first drawing, or mode, theme, k, measure or language changed). */
  setup?: CaseLayerSetup;
  /** The range's scales changed: the new largest value. */
  rescale?: number;
  /** Show or rest the count labels (they rest while playing). */
  labels?: boolean;
  /** New case points to draw (opt-in points). */
  points?: { cases: readonly CasePoint[]; dates: readonly string[] };
  /** Area mode: each area's colour. */
  areas?: Array<[string, string | null]>;
  /** The day's values by area (circles, clusters, heat). */
  frame: readonly AreaDay[];
  /** Days whose points are shown. */
  window: [number, number];
}

export class CaseDrawing {
  /** Feature-state key of an area's colour (one per layer, so two case layers do not share colours). */
  readonly colorKey: string;
  private coloured = new Set<string>();

  constructor(readonly layerId: string) {
    this.colorKey = `${layerId}-color`;
  }

  private mode: CaseMode = 'area';

  /** Draws a day (setting the layers up first when asked). */
  draw(ctx: MapContext, d: CaseDay): void {
    if (d.setup) {
      this.setUp(ctx, d.setup);
      this.mode = d.setup.mode;
    } else if (d.rescale !== undefined) this.rescale(ctx, this.mode, d.rescale);
    if (d.labels !== undefined) this.showLabels(d.labels);
    if (d.points) this.setPoints(ctx, d.points.cases, d.points.dates);
    if (d.areas) this.colorAreas(ctx, d.areas);
    else this.setAnchors(ctx, d.frame);
    this.setPointsWindow(ctx, d.window);
  }

  get ids() {
    const id = this.layerId;
    return { fill: `${id}-fill`, anchors: `${id}-anchors`, circles: `${id}-circles`, heat: `${id}-heat`, points: `${id}-points` };
  }

  /** The layers drawn over the areas (their tooltips win over an area's). */
  get overlayIds(): string[] {
    const ids = this.ids;
    return [ids.circles, ids.heat, ids.points];
  }

  /** The count labels of the circle and cluster modes (undefined in the area and heat modes). */
  labels?: CountLabels;

  remove(map: MapContext['map']): void {
    const ids = this.ids;
    this.labels?.remove();
    this.labels = undefined;
    for (const id of [ids.points, ids.circles, ids.heat, ids.fill]) if (map.getLayer(id)) map.removeLayer(id);
    for (const id of [ids.points, ids.anchors]) if (map.getSource(id)) map.removeSource(id);
  }

  /** Removes the layer's colours, layers and sources (the map may already be gone). */
  clear(ctx: MapContext): void {
    for (const code of this.coloured) this.setAreaColor(ctx, code, null);
    this.coloured.clear();
    this.remove(ctx.map);
  }

  setUp(ctx: MapContext, s: CaseLayerSetup): void {
    const { map } = ctx;
    const ids = this.ids;
    this.remove(map);
    if (s.mode === 'area') {
      map.addLayer({
        id: ids.fill, type: 'fill', source: ctx.sourceId, ...(ctx.sourceLayer ? { 'source-layer': ctx.sourceLayer } : {}),
        paint: { 'fill-color': ['coalesce', ['feature-state', this.colorKey], 'rgba(0,0,0,0)'], 'fill-opacity': 0.85 },
      }, areaLayerBefore(ctx)); // under another layer's coverage or sites, as the choropleth goes
    } else {
      const cluster = s.mode === 'cluster';
      map.addSource(ids.anchors, {
        type: 'geojson', data: EMPTY, buffer: 32,
        ...(cluster ? { cluster: true, clusterRadius: 48, clusterMaxZoom: 12, clusterProperties: { n: ['+', ['get', 'n']], c: ['+', ['get', 'c']] } } : {}),
      } as never);
      if (s.mode === 'heat') {
        map.addLayer({
          id: ids.heat, type: 'heatmap', source: ids.anchors,
          paint: {
            'heatmap-weight': heatWeight(s.scaleMax) as never,
            'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 4, 18, 8, 40, 12, 80],
            'heatmap-opacity': 0.8,
          },
        });
      } else {
        map.addLayer({
          id: ids.circles, type: 'circle', source: ids.anchors,
          paint: {
            'circle-radius': circleRadius(s.mode, s.scaleMax) as never,
            'circle-color': s.bubble, 'circle-opacity': 0.7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5,
          },
        });
        // Counts written over the circles after each frame (no glyph server; not a symbol layer: case-labels.ts).
        this.labels = new CountLabels(map, ids.anchors, (p) => anchorLabel(s, Number(p.c), Number(p.n), s.decimals));
      }
    }
    if (s.minZoomPoints != null && Number.isFinite(Number(s.minZoomPoints))) {
      map.addSource(ids.points, { type: 'geojson', data: EMPTY, buffer: 16 });
      map.addLayer({
        id: ids.points, type: 'circle', source: ids.points, minzoom: Number(s.minZoomPoints),
        filter: ['==', ['get', 'd'], -1],
        paint: { 'circle-radius': 4, 'circle-color': s.bubble, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
      });
    }
  }

  /** A new range or measure changes the scales of layers already there. */
  rescale(ctx: MapContext, mode: CaseMode, scaleMax: number): void {
    const ids = this.ids;
    if (ctx.map.getLayer(ids.circles)) ctx.map.setPaintProperty(ids.circles, 'circle-radius', circleRadius(mode, scaleMax) as never);
    if (ctx.map.getLayer(ids.heat)) ctx.map.setPaintProperty(ids.heat, 'heatmap-weight', heatWeight(scaleMax) as never);
  }

  /** While playing, the count labels rest (they change faster than anyone reads them). */
  showLabels(shown: boolean): void {
    this.labels?.show(shown);
  }

  /** Individual points (opt-in): each carries only its day and status index, never other properties. */
  setPoints(ctx: MapContext, cases: readonly CasePoint[], dates: readonly string[]): void {
    const source = ctx.map.getSource(this.ids.points) as GeoJSONSource | undefined;
    if (!source) return;
    const dayOf = new Map(dates.map((d, i) => [d, i]));
    const features = cases.flatMap((c, i) => c.lon === undefined ? [] : [{
      type: 'Feature' as const, id: i,
      properties: { i, d: dayOf.get(c.date) ?? -1, s: CASE_STATUSES.indexOf(c.status) },
      geometry: { type: 'Point' as const, coordinates: [c.lon, c.lat!] },
    }]);
    source.setData({ type: 'FeatureCollection', features });
  }

  /** Area mode: each area's colour for the day; areas coloured on an earlier day and absent now are cleared. */
  colorAreas(ctx: MapContext, colors: Iterable<[string, string | null]>): void {
    const seen = new Set<string>();
    for (const [code, color] of colors) {
      seen.add(code);
      this.setAreaColor(ctx, code, color);
    }
    for (const code of this.coloured) if (!seen.has(code)) this.setAreaColor(ctx, code, null);
    this.coloured = seen;
  }

  /** Circle, cluster and heat modes: one anchor per area with cases, at the area's inner point. */
  setAnchors(ctx: MapContext, frame: readonly AreaDay[]): void {
    const features = [];
    for (const f of frame) {
      const anchor = ctx.boundaries?.areas.get(f.code)?.anchor;
      if (!anchor || f.cases <= 0) continue;
      features.push({ type: 'Feature' as const, properties: { a: f.code, n: f.value, c: f.cases }, geometry: { type: 'Point' as const, coordinates: anchor } });
    }
    (ctx.map.getSource(this.ids.anchors) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
    this.labels?.invalidate();
  }

  /** Points shown: those of the measure's window of days. */
  setPointsWindow(ctx: MapContext, [from, to]: [number, number]): void {
    if (ctx.map.getLayer(this.ids.points)) ctx.map.setFilter(this.ids.points, ['all', ['>=', ['get', 'd'], from], ['<=', ['get', 'd'], to]]);
  }

  private setAreaColor(ctx: MapContext, code: string, color: string | null): void {
    const target = { source: ctx.sourceId, ...(ctx.sourceLayer ? { sourceLayer: ctx.sourceLayer } : {}), id: ctx.featureId(code) };
    ctx.map.setFeatureState(target, { [this.colorKey]: color });
  }
}

/** Circle area proportional to the measure, the range's largest value at 30 px (clusters start at 10 px). */
function circleRadius(mode: CaseMode, scaleMax: number): unknown[] {
  const cluster = mode === 'cluster';
  return ['interpolate', ['linear'], ['sqrt', ['get', 'n']], 0, cluster ? 10 : 3, Math.sqrt(scaleMax * (cluster ? 4 : 1)), cluster ? 34 : 30];
}

function heatWeight(scaleMax: number): unknown[] {
  return ['min', 1, ['/', ['get', 'n'], scaleMax]];
}
