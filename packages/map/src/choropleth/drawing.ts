/**
 * The choropleth's MapLibre drawing: one fill layer over the boundaries, coloured by feature state (an area's
 * class colour, and dimming when the legend highlights a class). Only what changed reaches MapLibre.
 */
import { colorOfValue } from '@chiso/core/colors';
import { classIndex } from '../classify.js';
import type { ChoroplethView } from '../choropleth-model.js';
import type { MapContext } from '../layer-api.js';
import { areaLayerBefore } from '../kit/area-layer-order.js';

export class ChoroplethDrawing {
  readonly colorKey: string;
  readonly dimKey: string;
  /** The last `applyStates` changed something (MapLibre has a frame scheduled). */
  statesChanged = false;
  private drawnPaint?: string;
  /** The colour and dimming last given to each feature. */
  private readonly drawnStates = new Map<string, { color?: string; dim?: boolean }>();

  constructor(readonly layerId: string) {
    this.colorKey = `${layerId}-color`;
    this.dimKey = `${layerId}-dim`;
  }

  /**
   * Puts `view` on the map: adds the fill layer the first time (below the point layers' overlays when they are
   * there, else below the outlines), updates its paint when the no-data colour or opacity changed, then the
   * areas' states. Returns whether the layer was added now.
   */
  draw(ctx: MapContext, view: ChoroplethView, opacity: number, highlighted: number | null): boolean {
    const { map } = ctx;
    // Colours are feature states, not a `match` expression over every code: MapLibre then needs no
    // re-tiling or expression parsing when the period changes, and the first draw is about a second faster
    // on a national layer (bench/map.mjs).
    const fill = ['coalesce', ['feature-state', this.colorKey], view.legend.noData];
    const fillOpacity = ['case', ['boolean', ['feature-state', this.dimKey], false], 0.15 * opacity, opacity];
    const paint = JSON.stringify([fill, fillOpacity]);
    let added = false;
    if (!map.getLayer(this.layerId)) {
      map.addLayer({
        id: this.layerId, type: 'fill', source: ctx.sourceId, ...(ctx.sourceLayer ? { 'source-layer': ctx.sourceLayer } : {}),
        paint: { 'fill-color': fill as never, 'fill-opacity': fillOpacity as never, 'fill-antialias': false },
      }, areaLayerBefore(ctx));
      added = true;
    } else if (paint !== this.drawnPaint) {
      map.setPaintProperty(this.layerId, 'fill-color', fill as never);
      map.setPaintProperty(this.layerId, 'fill-opacity', fillOpacity as never);
    }
    this.drawnPaint = paint;
    this.applyStates(ctx, view, highlighted);
    return added;
  }

  /** Every area's colour and dimming as feature state (only the changed ones are set). */
  applyStates(ctx: MapContext, view: ChoroplethView, highlighted: number | null): void {
    const codes = ctx.boundaries ? ctx.boundaries.areas.keys() : new Set([...view.values.keys(), ...this.drawnStates.keys()]);
    const { breaks, colors } = view.legend;
    this.statesChanged = false;
    for (const code of codes) {
      const v = view.values.get(code)?.value;
      const hasValue = v != null && Number.isFinite(v);
      const color = hasValue ? colorOfValue(v, breaks, colors, '') || undefined : undefined;
      const dim = highlighted != null && (!hasValue || classIndex(v, breaks) !== highlighted);
      const before = this.drawnStates.get(code);
      if (before && before.color === color && before.dim === dim) continue;
      this.drawnStates.set(code, { color, dim });
      this.statesChanged = true;
      ctx.map.setFeatureState(
        { source: ctx.sourceId, id: ctx.featureId(code), ...(ctx.sourceLayer ? { sourceLayer: ctx.sourceLayer } : {}) },
        { [this.colorKey]: color ?? null, [this.dimKey]: dim },
      );
    }
  }

  /** Removes the layer (the map may be gone already) and forgets what was drawn. */
  clear(ctx: MapContext): void {
    try {
      if (ctx.map.getLayer(this.layerId)) ctx.map.removeLayer(this.layerId);
    } finally {
      this.drawnPaint = undefined;
      this.drawnStates.clear();
    }
  }
}
