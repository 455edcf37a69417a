// A rollup output plugin for the all-in-one build: each dynamic `import('./x.js')` also asks at once for the
// chunks x.js imports statically (`<link rel="modulepreload">`), instead of the browser finding them only once
// x.js has arrived and been parsed. A tag's package and its shared chunks then download together: one round
// trip instead of two or three (the national map's package waited 40 ms for its chunks here, more on a real line).
import MagicString from 'magic-string';
import { posix } from 'node:path';

const DYNAMIC = /\bimport\((['"])(\.{1,2}\/[^'"]+)\1\)/g;
const HELPER = '__chisoPreload';

// Runs in the page (not in workers: no document there). Each file once per page, whichever chunk asks. `drawing`:
// the chunks a package imports to draw (named by `drawingChunks`: the map's canvas runtime and choropleth engine),
// asked for too when the loader has found a map that draws at once (`chiso.draws-soon`, set by
// packages/chiso/src/early-fetch.ts). A page's script nonce (a CSP with nonces) is given to each link.
// From the loader the import is asked for first (an HTTP/1.1 server answers six requests at a time):
// `${HELPER}(import(…), files, drawing)`; inside a package, `(${HELPER}(0, files), import(…))`.
const helperSource = `const ${HELPER}=(imported,files,drawing=[])=>{if(typeof document==='undefined')return imported;` +
  `const seen=(globalThis[Symbol.for('chiso.preloaded')]??=new Set);const nonce=document.querySelector('script[nonce]')?.nonce;` +
  `for(const f of globalThis[Symbol.for('chiso.draws-soon')]?files.concat(drawing):files){const href=new URL(f,import.meta.url).href;` +
  `if(seen.has(href))continue;seen.add(href);` +
  `const l=document.createElement('link');l.rel='modulepreload';l.href=href;if(nonce)l.nonce=nonce;document.head.append(l);}return imported};\n`;

/** `drawingChunks`: the names of the chunks a package imports to draw (`chunk.name`, e.g. `canvas-runtime`). */
export function preloadDependencies({ drawingChunks = /$^/ } = {}) {
  return {
    name: 'preload-dependencies',
    renderChunk(code, chunk, _options, meta) {
      // Hash placeholders in these names are replaced by rollup in the final files, in strings too.
      const closure = (file, seen = new Set()) => {
        if (seen.has(file) || !meta.chunks[file]) return seen;
        seen.add(file);
        for (const f of meta.chunks[file].imports) closure(f, seen);
        return seen;
      };
      const already = closure(chunk.fileName);
      const dir = posix.dirname(chunk.fileName);
      const s = new MagicString(code);
      let used = false;
      for (const m of code.matchAll(DYNAMIC)) {
        const target = posix.normalize(posix.join(dir, m[2]));
        if (!meta.chunks[target]) continue;
        const deps = [...closure(target)].filter((f) => f !== target && !already.has(f));
        // From the loader (an entry), the package's drawing chunks one level down, for a map that draws at once.
        const drawing = chunk.isEntry
          ? [...new Set(meta.chunks[target].dynamicImports.filter((f) => drawingChunks.test(meta.chunks[f]?.name ?? '')).flatMap((f) => [...closure(f)]))]
            .filter((f) => f !== target && !deps.includes(f) && !already.has(f))
          : [];
        if (!deps.length && !drawing.length) continue;
        const rel = (files) => files.map((f) => {
          const r = posix.relative(dir, f);
          return r.startsWith('.') ? r : `./${r}`;
        });
        const args = drawing.length ? `${JSON.stringify(rel(deps))},${JSON.stringify(rel(drawing))}` : JSON.stringify(rel(deps));
        // From the loader, the package first (it is the most needed of its requests); inside a package, its chunks'
        // imports first: the chunk's own code may import them in the same step, and a module asked for by a link
        // starts a little later than one imported, so the link comes before the import.
        s.overwrite(m.index, m.index + m[0].length, chunk.isEntry ? `${HELPER}(${m[0]},${args})` : `(${HELPER}(0,${args}),${m[0]})`);
        used = true;
      }
      if (!used) return null;
      s.prepend(helperSource);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
