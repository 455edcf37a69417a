export * from './model.js';
export * from './errors.js';
export * from './period.js';
export * from './values.js';
export * from './parse.js';
export * from './select.js';
export * from './load.js';
