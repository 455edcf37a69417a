/**
 * chiso: every element, registered. `dist/chiso.js` is one self-contained ES module for any static host:
 *
 *   <script type="module" src="https://…/chiso.js"></script>
 *   <chiso-gauge src="feed.json"></chiso-gauge>
 *
 * Readers of formats other than chiso feeds (JSON-stat, CKAN, GeoJSON, CSV) are a separate chunk, loaded the
 * first time a page meets such a feed; map elements (later) will be too. For the full synchronous
 * `parseFeed`, import `@chiso/core`.
 */
export * from '@chiso/gauge';
export {
  FeedError, loadFeed, requestFeed, parseFeedAsync, parseFeedSync, selectObservation, selectGroup,
  formatValue, formatNumber, formatDelta, formatPeriod,
} from '@chiso/core';
export { ChisoElement, defineElement } from '@chiso/core/element';
