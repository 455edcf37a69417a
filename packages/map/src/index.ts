/**
 * @chiso/map: `<chiso-map>`, `<chiso-choropleth-layer>`, `<chiso-legend>` and `<chiso-choropleth>`.
 * Importing this module registers the elements; MapLibre itself is imported only when a map connects.
 */
import { defineElement } from '@chiso/core/element';
import { ChisoMap } from './chiso-map.js';
import { ChisoChoroplethLayer } from './chiso-choropleth-layer.js';
import { ChisoLegend } from './chiso-legend.js';
import { ChisoChoropleth } from './chiso-choropleth.js';

export { ChisoMap, ChisoChoroplethLayer, ChisoLegend, ChisoChoropleth };
export type { MapReadyDetail, MapPaintDetail } from './chiso-map.js';
export { joinMap } from './layer-element.js';
export { dataTableStyles } from './data-table.styles.js';
export type { SelectDetail, ChoroplethDetail } from './chiso-choropleth-layer.js';
export type { ChisoMapLayer, MapContext } from './layer-api.js';
export { ChisoLayerElement } from './layer-element.js';
export { addImageMaker } from './image-makers.js';
// The layer kit: what every layer element (choropleth, BTS, cases) builds on.
export { MapBindings } from './kit/map-bindings.js';
export { pointLayerUnder, TapRule, isTap } from './kit/pointer-rule.js';
export { themeColor } from './kit/theme-color.js';
export { areaLayerBefore } from './kit/area-layer-order.js';
export { MAP_OVERLAY_CLASS, MapOverlay, sourceFeatures, type OverlayPainter } from './kit/map-overlay.js';
export { CrosswalkLoader, type CrosswalkNeed } from './kit/crosswalk-loader.js';
export { TimelineController, rangeIndexes, indexWithin, type TimelineOptions } from './kit/timeline.js';
export { carryOldUnits, mayNeedCrosswalk, type CarriedFeed } from './old-units.js';
export { atlasLevelOf } from './atlas-choice.js';
export * from './classify.js';
// The joining and classing functions are `@chiso/map/model` (loaded by the layer with the map: they carry the palettes).
export type { ChoroplethView, Legend, AreaValue } from './choropleth-model.js';
export { readBoundaries, bboxOfArea, boundariesKind, type Boundaries, type BoundaryArea } from './boundaries.js';
export { ARCHIPELAGOS } from './sovereignty.js';

defineElement('chiso-map', ChisoMap);
defineElement('chiso-choropleth-layer', ChisoChoroplethLayer);
defineElement('chiso-legend', ChisoLegend);
defineElement('chiso-choropleth', ChisoChoropleth);

declare global {
  interface HTMLElementTagNameMap {
    'chiso-map': ChisoMap;
    'chiso-choropleth-layer': ChisoChoroplethLayer;
    'chiso-legend': ChisoLegend;
    'chiso-choropleth': ChisoChoropleth;
  }
}
