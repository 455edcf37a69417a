/**
 * Pictures a layer draws when MapLibre first asks for them (count labels, cluster badges: no glyph server, so
 * maps work offline). A map has one missing-image resolver; every layer on it registers its own maker here and
 * answers only for its own image ids.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';

const imageMakers = new WeakMap<object, Set<(id: string) => void>>();

/** Registers `make` for `map`; returns the function that unregisters it. */
export function addImageMaker(map: MaplibreMap, make: (id: string) => void): () => void {
  let makers = imageMakers.get(map);
  if (!makers) {
    const set = new Set<(id: string) => void>();
    imageMakers.set(map, (makers = set));
    map.setMissingStyleImageResolver((id) => {
      for (const m of set) m(id);
    });
  }
  makers.add(make);
  return () => makers!.delete(make);
}
