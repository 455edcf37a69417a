import type { Map as MaplibreMap } from 'maplibre-gl';

/**
 * Waits for the map to finish drawing. `changed`: the caller has just changed the style or feature state,
 * so MapLibre has a frame scheduled and `idle` will follow it; otherwise a frame is asked for first (`idle`
 * does not fire again on its own). Not forcing extra frames matters with software WebGL, where each frame of
 * a national layer costs a tenth of a second or more.
 */
export function whenIdle(map: MaplibreMap, changed = false): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    // A map removed meanwhile (disconnect, rebuild, a context given back) never becomes idle: nobody waits for ever.
    map.once('remove', () => resolve());
    if (!changed) map.triggerRepaint();
  });
}
