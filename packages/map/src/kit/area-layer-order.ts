import type { MapContext } from '../layer-api.js';

/**
 * Where a layer that fills areas goes: below the first layer another element draws over the areas (BTS coverage
 * and sites, case bubbles), else below the outlines. Whatever order the layers were added in, areas stay under
 * what is drawn on them.
 */
export function areaLayerBefore(ctx: MapContext): string {
  const overlay = (ctx.map.getStyle().layers ?? []).find((l) => ctx.host.overlayLayerIds.has(l.id));
  return overlay?.id ?? ctx.beforeId;
}
