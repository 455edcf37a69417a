/**
 * @chiso/bts: `<chiso-bts-layer>` (BTS sites, modelled coverage and villages without signal inside a
 * `<chiso-map>`). Importing this module registers it, and the map elements with it. The coverage maths is
 * `@chiso/bts/coverage` (pure) and runs in a Web Worker through `@chiso/bts/client`.
 */
import '@chiso/map';
import { defineElement } from '@chiso/core/element';
import { ChisoBtsLayer } from './chiso-bts-layer.js';

export { ChisoBtsLayer };
export type { BtsStats, BtsAreaStats } from './chiso-bts-layer.js';
export * from './coverage.js';
export { readPoints, readVillages, type Village, type RawPoint } from './points.js';
export { OPERATOR_COLORS, TECH_SHAPES } from './site-symbols.js';

defineElement('chiso-bts-layer', ChisoBtsLayer);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-bts-layer': ChisoBtsLayer;
  }
}
