/**
 * The choropleth's joining and classing engine (it carries the palettes), in its own chunk: loaded when a layer
 * connects, so it arrives alongside the map's boundaries rather than after them (on the national map it came
 * ~0.4 s after the boundaries, on the first paint's critical path).
 */
export type Engine = typeof import('../choropleth-model.js');

let engineLoad: Promise<Engine> | undefined;

// The palettes' chunk, which the engine imports, is asked for alongside it: one round trip less.
export const loadEngine = (): Promise<Engine> => (engineLoad ??= Promise.all([import('../choropleth-model.js'), import('../palette.js')]).then(([m]) => m).catch((e: unknown) => {
  engineLoad = undefined; // tried again the next time a map is drawn
  throw e;
}));
