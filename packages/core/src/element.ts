/** @chiso/core/element: the browser half of core (lit base element, feed controller, themes). */
export * from './chiso-element.js';
export * from './feed-controller.js';
export * from './themes.js';
export * from './date-field.js';
export * from './text-measure.js';
export * from './size-controller.js';
export * from './load-diagnosis.js';
