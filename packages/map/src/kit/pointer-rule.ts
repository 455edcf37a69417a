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

/** A click that a finger made (a tap), not a mouse or a key. */
export function isTap(e: { originalEvent?: Event }): boolean {
  const ev = e.originalEvent as (PointerEvent & { sourceCapabilities?: { firesTouchEvents?: boolean } }) | undefined;
  return ev?.pointerType === 'touch' || ev?.sourceCapabilities?.firesTouchEvents === true;
}

/**
 * Touch: a finger has no hover, so the first tap on a feature shows its tooltip (the outline and figures a mouse
 * would show) and a second tap on the same feature selects it, as a click does. A mouse click selects at once.
 */
export class TapRule {
  private last?: string;
  private at = 0;

  /**
   * Whether this click only shows the tooltip (a first tap on `key`); otherwise it selects. A second tap counts
   * within 8 seconds of the first: a tap on the same place much later (after panning away and back) is a first
   * tap again.
   */
  firstTap(e: { originalEvent?: Event }, key: string): boolean {
    const now = Date.now();
    if (!isTap(e) || (this.last === key && now - this.at < 8000)) {
      this.last = undefined;
      return false;
    }
    this.last = key;
    this.at = now;
    return true;
  }
}
