/**
 * @chiso/cases: `<chiso-case-layer>` (COVID/F0-style case maps inside a `<chiso-map>`: areas, bubbles,
 * clusters or heat over time, risk levels, privacy first). Importing this module registers it, and the map
 * elements with it. The counting is `@chiso/cases/model` (pure).
 */
import '@chiso/map';
import { defineElement } from '@chiso/core/element';
import { ChisoCaseLayer } from './chiso-case-layer.js';

export { ChisoCaseLayer };
export type { CaseMode, CaseValue, CaseDateDetail, CaseSelectDetail } from './chiso-case-layer.js';
export * from './case-model.js';

defineElement('chiso-case-layer', ChisoCaseLayer);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-case-layer': ChisoCaseLayer;
  }
}
