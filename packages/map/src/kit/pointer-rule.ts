import type { MapContext } from '../layer-api.js';

/**
 * The tooltip rule shared by every layer: what is drawn over the areas (BTS sites, villages, case circles) wins
 * the pointer. An area layer asks this before showing its own tooltip and gives way when a point layer has a
 * feature under the pointer, so two tooltips never fight over one place.
 */
export function pointLayerUnder(ctx: MapContext, point: { x: number; y: number }): boolean {
  const ids = [...ctx.host.overlayLayerIds].filter((id) => ctx.map.getLayer(id) && ctx.map.getLayer(id)!.type !== 'raster');
  return ids.length > 0 && ctx.map.queryRenderedFeatures([point.x, point.y], { layers: ids }).length > 0;
}
