// React 19, Vue 3 and Angular as one ES module each, for the browser interop tests (test/interop) and the
// framework example pages (examples/vendor, written by the build): the dev
// server serves ES modules only, and React ships CommonJS. Written to test/.out/vendor/ by `npm test`.
import { build } from 'esbuild';

const entries = {
  react: `export { createElement, useState, useEffect, useRef, StrictMode } from 'react';
export { createRoot } from 'react-dom/client';
export { flushSync } from 'react-dom';`,
  // The full build with the template compiler, as a page without a build step uses it.
  vue: `export { createApp, ref, nextTick, defineComponent } from 'vue/dist/vue.esm-browser.prod.js';`,
  // JIT: templates compiled in the page (no Angular CLI), zoneless change detection.
  angular: `import '@angular/compiler';
export { Component, CUSTOM_ELEMENTS_SCHEMA, ChangeDetectionStrategy, provideZonelessChangeDetection, signal, ApplicationRef } from '@angular/core';
export { bootstrapApplication } from '@angular/platform-browser';`,
};

export async function vendorFrameworks(outDir = 'test/.out/vendor') {
  await Promise.all(Object.entries(entries).map(([name, contents]) => build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true, format: 'esm', target: 'es2022', outfile: `${outDir}/${name}.js`, minify: true, legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"', ngDevMode: 'false', ngJitMode: 'true', ngServerMode: 'false', ngI18nClosureMode: 'false' },
    logLevel: 'error',
  })));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await vendorFrameworks();
  console.log('vendored React, Vue and Angular → test/.out/vendor/');
}
