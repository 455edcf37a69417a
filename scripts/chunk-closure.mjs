// What a page downloads from a built dist folder: a module and every file it imports statically, and for the
// all-in-one loader (chiso.js) what each tag adds when it first appears. Used by the size test and the bench.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// Static imports in a minified module: `import"./a.js"`, `import{x}from"./b.js"`, `export*from"./c.js"`.
const STATIC = /(?:^|[;\s}/])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"'\n]+)["']/g;
const DYNAMIC = /import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

/** `file` (relative to `dist`) and every file it imports statically, transitively. */
export function staticClosure(dist, file, seen = new Set()) {
  const f = normalize(file);
  if (seen.has(f)) return seen;
  seen.add(f);
  for (const m of readFileSync(join(dist, f), 'utf8').matchAll(STATIC)) staticClosure(dist, join(dirname(f), m[1]), seen);
  return seen;
}

/** The files `file` imports dynamically (relative to `dist`). */
export function dynamicImports(dist, file) {
  return [...readFileSync(join(dist, file), 'utf8').matchAll(DYNAMIC)].map((m) => normalize(join(dirname(file), m[1])));
}

/** Bytes of a set of files: minified as built, and gzip -9 (what a server compressing them sends). */
export function weigh(dist, files) {
  let min = 0;
  let gz = 0;
  for (const f of files) {
    const code = readFileSync(join(dist, f));
    min += code.length;
    gz += gzipSync(code, { level: 9 }).length;
  }
  return { min, gz };
}

/**
 * What a page using chiso.js downloads: the loader's eager files, and for each tag the loader's files plus
 * everything that tag's package loads statically. The tags and their chunks are read from the loader's own
 * table (imported in Node, where it watches no document; each entry's source names the chunk it imports).
 */
export async function loaderPages(dist, loader = 'chiso.js') {
  const eager = staticClosure(dist, loader);
  const { TAGS } = await import(pathToFileURL(resolve(dist, loader)).href);
  const tags = {};
  for (const [tag, load] of Object.entries(TAGS)) {
    const chunk = new RegExp(DYNAMIC.source).exec(String(load));
    if (!chunk) throw new Error(`${tag}: the loader's entry names no chunk: ${String(load)}`);
    tags[tag] = staticClosure(dist, join(dirname(loader), chunk[1]), new Set(eager));
  }
  return { eager, tags };
}
