// whenSourceLoaded: how `auto` knows MapLibre's boundary tiles are read before the layers move over to it.
import { expect } from '@open-wc/testing';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { whenSourceLoaded } from '../../packages/map/src/kit/when-idle.js';

/** The part of MapLibre's Map whenSourceLoaded uses: events, and whether the source is loaded. */
function fakeMap() {
  const listeners = new Map<string, Set<() => void>>();
  const state = { hasSource: true, loaded: false };
  const map = {
    getSource: () => (state.hasSource ? {} : undefined),
    isSourceLoaded: () => state.loaded,
    on: (type: string, f: () => void) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(f),
    off: (type: string, f: () => void) => void listeners.get(type)?.delete(f),
    fire: (type: string) => { for (const f of [...(listeners.get(type) ?? [])]) f(); },
    listening: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
  return { map, state };
}

const settled = async (p: Promise<void>) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20))]);

describe('whenSourceLoaded', () => {
  it('waits through sourcedata events until the source is loaded, then leaves no listener', async () => {
    const { map, state } = fakeMap();
    const wait = whenSourceLoaded(map as unknown as MaplibreMap, 'b');
    map.fire('sourcedata');
    expect(await settled(wait), 'not loaded yet').to.equal(false);
    state.loaded = true;
    map.fire('sourcedata');
    expect(await settled(wait)).to.equal(true);
    expect(map.listening()).to.equal(0);
  });

  it('ends at once when already loaded, on the map\'s idle, and on its removal', async () => {
    const loaded = fakeMap();
    loaded.state.loaded = true;
    expect(await settled(whenSourceLoaded(loaded.map as unknown as MaplibreMap, 'b'))).to.equal(true);
    for (const event of ['idle', 'remove']) {
      const { map, state } = fakeMap();
      state.hasSource = false;
      const wait = whenSourceLoaded(map as unknown as MaplibreMap, 'b');
      expect(await settled(wait)).to.equal(false);
      map.fire(event);
      expect(await settled(wait), event).to.equal(true);
      expect(map.listening(), event).to.equal(0);
    }
  });
});
