/**
 * @chiso/core: the pure part of chiso (feeds, selection, Vietnamese formatting). No DOM and no browser
 * globals at import, so Node and workers can use it. The base element and themes are in
 * `@chiso/core/element`.
 */
export * from './feed/index.js';
export * from './format.js';
export * from './dates.js';
export * from './date-input.js';
export * from './i18n.js';
export * from './bands.js';
export * from './rank.js';
export * from './csv.js';
