// Node module hooks that run the TypeScript sources as they are (no build): `.ts` files are transpiled by
// esbuild on load, and a source's `./x.js` import finds `./x.ts`. Used with `--conditions=source`, so
// `@chiso/*` resolves to each package's `src/` through its `source` export condition.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

export async function resolve(specifier, context, next) {
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(ts))) return { url: ts.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  const r = await transform(await readFile(file, 'utf8'), {
    loader: 'ts', format: 'esm', target: 'es2022', sourcemap: 'inline', sourcefile: file,
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  return { format: 'module', source: r.code, shortCircuit: true };
}
