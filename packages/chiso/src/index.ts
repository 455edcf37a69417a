/**
 * chiso: every element, registered. `dist/chiso.js` is an ES module for any static host (copy the whole
 * `dist/` folder: it holds the lazily loaded chunks, `vendor/maplibre-gl.js` and its worker, and `atlas/`):
 *
 *   <script type="module" src="https://…/chiso.js"></script>
 *   <chiso-gauge src="feed.json"></chiso-gauge>
 *   <chiso-choropleth boundaries="xa.geojson" src="feed.json"></chiso-choropleth>
 *   <chiso-map boundaries="xa.geojson"><chiso-bts-layer src="tram.geojson" villages="thon.geojson"></chiso-bts-layer></chiso-map>
 *   <chiso-map boundaries="tinh.geojson"><chiso-case-layer counts="ca-benh.csv" mode="bubbles"></chiso-case-layer></chiso-map>
 *
 * Readers of formats other than chiso feeds (JSON-stat, CKAN, GeoJSON, CSV) are a separate chunk, loaded the
 * first time a page meets such a feed; MapLibre is loaded the first time a map comes into view. A page with
 * gauges only downloads neither. For the full synchronous `parseFeed`, import `@chiso/core`.
 */
export * from '@chiso/gauge';
export { ChisoMap, ChisoChoroplethLayer, ChisoLegend, ChisoChoropleth } from '@chiso/map';
export { ChisoBtsLayer } from '@chiso/bts';
export { ChisoCaseLayer } from '@chiso/cases';
export { ChisoTrend } from '@chiso/chart';
export {
  FeedError, loadFeed, requestFeed, parseFeedAsync, parseFeedSync, selectObservation, selectGroup,
  formatValue, formatNumber, formatDelta, formatPeriod,
} from '@chiso/core';
export { ChisoElement, defineElement } from '@chiso/core/element';
