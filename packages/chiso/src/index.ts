/**
 * chiso: every element, registered. `dist/chiso.js` is one self-contained ES module for any static host:
 *
 *   <script type="module" src="https://…/chiso.js"></script>
 *   <chiso-gauge src="feed.json"></chiso-gauge>
 *
 * Map elements (later) are loaded as separate chunks only when a page uses them.
 */
export * from '@chiso/core';
export * from '@chiso/core/element';
export * from '@chiso/gauge';
