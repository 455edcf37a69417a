/**
 * Where a colour is chosen: every colour a chiso element draws with, by theme, in one place. Each element's
 * CSS custom properties (`--chiso-color-good`, `--chiso-map-sea`, `--chiso-bts-coverage`, `--chiso-cases-risk-1`…)
 * default to these, and what is drawn outside CSS (MapLibre paint, pictures) falls back to the same values.
 * Pure: no DOM. Class palettes (YlGnBu, YlOrRd…) come from d3-scale-chromatic in `@chiso/map`'s palette module.
 *
 * Contrast: text colours meet WCAG AA 4.5:1 and marks 3:1 against their theme's background, except the risk levels'
 * yellow and orange, kept as the Ministry's maps show them: every risk colour goes with its level's name (legend,
 * tooltip, table), so no reading depends on the colour alone. The high-contrast theme is for readers who need more.
 */
// One module to import, several files inside: a gauge page bundles the bands and nothing of the maps' tables.
export * from './colors/theme.js';
export * from './colors/bands.js';
export * from './colors/band-steps.js';
export * from './colors/tables.js';
export * from './colors/declare.js';
export * from './colors/hex.js';
export * from './colors/contrast.js';
export * from './colors/class-color.js';
