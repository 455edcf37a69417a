import type { Map as MaplibreMap, MapLayerEventType } from 'maplibre-gl';

/**
 * A layer's hold on its map: every handler it puts on the map and every clean-up it needs, released together
 * when the map goes (`mapDetached`), so no listener outlives its layer. Handlers are bound to one MapLibre
 * layer id; a layer id the style does not have yet is fine (MapLibre checks on each event).
 */
export class MapBindings {
  private readonly releases: Array<() => void> = [];

  /** `map.on(type, layerId, handler)`, undone by `release()`. */
  on<T extends keyof MapLayerEventType>(map: MaplibreMap, type: T, layerId: string, handler: (e: MapLayerEventType[T]) => void): void {
    map.on(type, layerId, handler);
    this.releases.push(() => map.off(type, layerId, handler));
  }

  /** Any other clean-up to run on `release()` (an image maker, the layer's sources and colours). */
  add(release: () => void): void {
    this.releases.push(release);
  }

  /** Runs every clean-up once, last added first; a map already removed is not an error. */
  release(): void {
    for (let r = this.releases.pop(); r; r = this.releases.pop()) {
      try {
        r();
      } catch {
        /* the map is already gone */
      }
    }
  }
}
