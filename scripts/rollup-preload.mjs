// A rollup output plugin for the all-in-one build: each dynamic `import('./x.js')` also asks at once for the
// chunks x.js imports statically (`<link rel="modulepreload">`), instead of the browser finding them only once
// x.js has arrived and been parsed. A tag's package and its shared chunks then download together: one round
// trip instead of two or three (the national map's package waited 40 ms for its chunks here, more on a real line).
import MagicString from 'magic-string';
import { posix } from 'node:path';

const DYNAMIC = /\bimport\((['"])(\.{1,2}\/[^'"]+)\1\)/g;
const HELPER = '__chisoPreload';

// Runs in the page (not in workers: no document there). Each file once per page, whichever chunk asks. `later`:
// what the package itself imports when it draws (its runtime, its engine), asked for too when the loader has found
// a tag that draws at once (a map near the viewport: `chiso.draws-soon`, set by packages/chiso/src/early-fetch.ts).
// The import is asked for first (an HTTP/1.1 server answers six requests at a time): `${HELPER}(import(…), files, later)`.
const helperSource = `const ${HELPER}=(imported,files,later=[])=>{if(typeof document==='undefined')return imported;` +
  `const seen=(globalThis[Symbol.for('chiso.preloaded')]??=new Set);` +
  `for(const f of globalThis[Symbol.for('chiso.draws-soon')]?files.concat(later):files){const href=new URL(f,import.meta.url).href;` +
  `if(seen.has(href))continue;seen.add(href);` +
  `const l=document.createElement('link');l.rel='modulepreload';l.href=href;document.head.append(l);}return imported};\n`;

export function preloadDependencies() {
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
        // From the loader (an entry), a package's own dynamic imports one level down, for a tag that draws at once.
        const later = chunk.isEntry
          ? [...new Set(meta.chunks[target].dynamicImports.flatMap((f) => [...closure(f)]))].filter((f) => f !== target && !deps.includes(f) && !already.has(f))
          : [];
        if (!deps.length && !later.length) continue;
        const rel = (files) => files.map((f) => {
          const r = posix.relative(dir, f);
          return r.startsWith('.') ? r : `./${r}`;
        });
        const args = later.length ? `${JSON.stringify(rel(deps))},${JSON.stringify(rel(later))}` : JSON.stringify(rel(deps));
        s.overwrite(m.index, m.index + m[0].length, `${HELPER}(${m[0]},${args})`);
        used = true;
      }
      if (!used) return null;
      s.prepend(helperSource);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
