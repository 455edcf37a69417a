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

/**
 * Waits until `layerId` has features on screen after a change (or until a few more frames show it has none in
 * view): under load, MapLibre's `idle` can come one frame before a newly added layer's features are on the
 * canvas, and `chiso-ready` means "drawn". At most four extra frames, only when the first shows nothing.
 */
export async function whenDrawn(map: MaplibreMap, layerId: string, changed = false): Promise<void> {
  await whenIdle(map, changed);
  for (let i = 0; i < 4; i++) {
    let shown = true;
    try {
      shown = !map.getLayer(layerId) || map.queryRenderedFeatures({ layers: [layerId] }).length > 0;
    } catch {
      return; // the map went meanwhile
    }
    if (shown) return;
    await whenIdle(map);
  }
}

/**
 * Waits until the source's tiles have settled (loaded, or failed: MapLibre counts both), without waiting for the
 * frame that draws them; ends too on the map's `idle` (a last tile that fails says `error`, not `sourcedata`) or
 * its removal.
 */
export function whenSourceLoaded(map: MaplibreMap, sourceId: string): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      map.off('sourcedata', check);
      map.off('idle', done);
      map.off('remove', done);
      resolve();
    };
    const check = () => {
      if (map.getSource(sourceId) && map.isSourceLoaded(sourceId)) done();
    };
    map.on('sourcedata', check);
    map.on('idle', done);
    map.on('remove', done);
    check();
  });
}
