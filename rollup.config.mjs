// One rollup config for every package: per-package ESM (dependencies external, so apps dedupe lit) and
// the self-contained all-in-one `packages/chiso/dist/chiso.js` (lit and core bundled, minified).
import { existsSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { transform } from 'esbuild';
import ts_ from 'typescript';
import { preloadDependencies } from './scripts/rollup-preload.mjs';

/** Sources import `./x.js` as TypeScript does; point those at `./x.ts`. */
const tsExtensions = () => ({
  name: 'ts-extensions',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
    const ts = resolve(dirname(importer), source.replace(/\.js$/, '.ts'));
    return existsSync(ts) ? ts : null;
  },
});

/**
 * TypeScript → JavaScript with esbuild, transform only. (rollup-plugin-esbuild also resolves modules, which
 * loses node-resolve's `sideEffects` data and with it the tree-shaking of dependencies such as ECharts.)
 */
const ts = () => ({
  name: 'esbuild-ts',
  async transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    const r = await transform(code, {
      loader: 'ts', target: 'es2022', format: 'esm', sourcemap: true, sourcefile: id,
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    });
    return { code: r.code, map: r.map };
  },
});
const isExternal = (deps) => (id) => deps.some((d) => id === d || id.startsWith(`${d}/`));
const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  // A self-contained bundle with an import left unresolved would fail on a portal: stop the build.
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
  warn(warning);
};

/** Per-package ESM build. */
const pkg = (name, input, deps) => ({
  input,
  external: isExternal(deps),
  plugins: [tsExtensions(), ts(), workerBeside()],
  onwarn,
  output: { dir: `packages/${name}/dist`, format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
});

/**
 * MapLibre stays a separate file next to the all-in-one bundle (`vendor/maplibre-gl.js`, copied by the build
 * with its worker as `vendor/maplibre-gl-worker.js`), imported only when a map connects; the map runtime tells
 * MapLibre where its worker is.
 */
export const maplibreVendor = () => ({
  name: 'maplibre-vendor',
  resolveId(source) {
    if (source === 'maplibre-gl') return { id: VENDOR_ID, external: true };
    return null;
  },
  // Written as paths relative to each chunk, so the dist folder can be copied under any name. `.js`, never `.mjs`:
  // servers that do not know `.mjs` send it as application/octet-stream and browsers refuse to run it.
  renderChunk(code, chunk) {
    if (!code.includes(VENDOR_ID)) return null;
    const relative = (file) => {
      const rel = posix.relative(posix.dirname(chunk.fileName), file);
      return rel.startsWith('.') ? rel : `./${rel}`;
    };
    const out = code.split(VENDOR_WORKER_ID).join(relative('vendor/maplibre-gl-worker.js')).split(VENDOR_ID).join(relative('vendor/maplibre-gl.js'));
    return { code: out, map: null };
  },
});
const VENDOR_ID = 'chiso-vendor:maplibre-gl';
const VENDOR_WORKER_ID = 'chiso-vendor:maplibre-gl-worker';

/**
 * The BTS coverage worker is its own file at the root of a dist folder; a chunk that starts it (in
 * `chunks/`) gets the path to it relative to itself.
 */
export const workerBeside = () => ({
  name: 'worker-beside',
  renderChunk(code, chunk) {
    const needle = "'./coverage.worker.js'";
    if (!code.includes(needle) && !code.includes('"./coverage.worker.js"')) return null;
    let rel = posix.relative(posix.dirname(chunk.fileName), 'coverage.worker.js');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return { code: code.split(needle).join(`'${rel}'`).split('"./coverage.worker.js"').join(`"${rel}"`), map: null };
  },
});

/**
 * The atlas files sit beside the all-in-one bundle (`atlas/`, copied by the build): the atlas module's
 * `'../data/'` (right for the package itself) becomes a path from each chunk to that folder.
 */
export const atlasBeside = () => ({
  name: 'atlas-beside',
  transform(code, id) {
    if (!/packages\/atlas\/src\/index\.ts$/.test(id)) return null;
    return { code: code.replace("const DATA_DIR = '../data/';", `const DATA_DIR = '${ATLAS_TOKEN}';`), map: null };
  },
  renderChunk(code, chunk) {
    if (!code.includes(ATLAS_TOKEN)) return null;
    let rel = posix.relative(posix.dirname(chunk.fileName), 'atlas/');
    rel = `${rel.startsWith('.') ? rel : `./${rel}`}/`;
    return { code: code.split(ATLAS_TOKEN).join(rel), map: null };
  },
});
const ATLAS_TOKEN = '__chiso_atlas_dir__';

/**
 * The markup in lit's html`…` and svg`…` literals, with each run of white space that holds a line break made one
 * space (terser keeps template text as written, indentation included). HTML reads such a run as one space
 * anyway, outside `<pre>` and `white-space: pre`, which no chiso template uses. The literals are found with
 * TypeScript's parser, so text inside `${…}` (nested templates included) is never mistaken for markup.
 */
export const minifyHtmlLiterals = () => ({
  name: 'minify-html-literals',
  transform(code, id) {
    if (!/\/packages\/[\w-]+\/src\/.*\.ts$/.test(id) || !/\b(html|svg)`/.test(code)) return null;
    const file = ts_.createSourceFile(id, code, ts_.ScriptTarget.Latest, false, ts_.ScriptKind.TS);
    const edits = [];
    const visit = (node) => {
      if (ts_.isTaggedTemplateExpression(node) && ts_.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'svg')) {
        const t = node.template;
        const parts = ts_.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
        for (const p of parts) {
          // The literal's text between its delimiters: ` or } before, ` or ${ after.
          const start = p.getStart(file) + 1;
          const end = p.getEnd() - (p.kind === ts_.SyntaxKind.TemplateHead || p.kind === ts_.SyntaxKind.TemplateMiddle ? 2 : 1);
          const text = code.slice(start, end);
          const min = text.replace(/[ \t]*\n\s*/g, ' ');
          if (min !== text) edits.push([start, end, min]);
        }
      }
      ts_.forEachChild(node, visit);
    };
    visit(file);
    if (!edits.length) return null;
    let out = code;
    for (const [s, e, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, s) + text + out.slice(e);
    return { code: out, map: null };
  },
});

/**
 * The CSS in lit's css`…` literals, minified (terser leaves template text alone): comments out, runs of white
 * space to one, none around braces, semicolons and commas, no last semicolon in a block, no leading zero, no
 * quotes around a plain attribute value. Interpolations (`${…}`) and quoted strings are kept
 * as they are.
 */
export const minifyCssLiterals = () => ({
  name: 'minify-css-literals',
  transform(code, id) {
    if (!/\/packages\/[\w-]+\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
    const out = code.replace(/\bcss`([^`]*)`/g, (all, body) => {
      // Interpolations and quoted strings (odd positions after the split) are kept as they are.
      // Comments first, over the whole text: an apostrophe in a comment ("the arc's end") is not a string.
      // An attribute selector's value that is a plain name needs no quotes: [part='value'] is [part=value].
      const parts = body.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\[([\w-]+)([~|^$*]?=)'([A-Za-z_][\w-]*)'\]/g, '[$1$2$3]')
        .split(/(\$\{[^}]*\}|"[^"\n]*"|'[^'\n]*')/);
      const min = parts.map((p, i) => (i % 2 ? p : p
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,])\s*/g, '$1')
        .replace(/([{;](?:--)?[\w-]+):\s/g, '$1:') // a declaration's "prop: value" (never a selector's ":")
        .replace(/;\}/g, '}') // the last declaration needs no semicolon
        .replace(/([:\s,(*/+-])0\.(\d)/g, '$1.$2'))); // 0.25rem is .25rem
      return `css\`${min.join('').trim()}\``;
    });
    return out === code ? null : { code: out, map: null };
  },
});

/** The modules every chiso tag loads at once (see chiso.js below); the lazy readers, maps and colours stay apart. */
const CORE_FIRST = /\/(node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/|packages\/core\/src\/(chiso-element|policy-violations|themes|format|dates|i18n|bands|feed-controller|feed\/(values|native|text|lazy|load|early|model|errors|period|select))\.ts)/;
export function coreChunk(id) {
  return CORE_FIRST.test(id) ? 'core' : undefined;
}

/** A self-contained minified bundle (also used by the bench to measure sizes). */
export const bundle = (input, outDir, entryName = '[name].js', { vendorMaplibre = true } = {}) => ({
  input,
  plugins: [
    ...(vendorMaplibre ? [maplibreVendor()] : []),
    workerBeside(),
    atlasBeside(),
    tsExtensions(),
    minifyCssLiterals(),
    minifyHtmlLiterals(),
    nodeResolve({ exportConditions: ['source', 'browser', 'module', 'import', 'default'], extensions: ['.ts', '.mjs', '.js'] }),
    // Production builds of dependencies that read NODE_ENV (ECharts in the bench); lit picks its own by condition.
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
    ts(),
  ],
  onwarn,
  output: {
    dir: outDir, format: 'es', sourcemap: true, entryFileNames: entryName,
    // A package's own chunk is named after it (chunks/gauge-….js), so a webmaster reading the network log or a
    // 404 knows what it is.
    chunkFileNames: (chunk) => {
      // Its entry module (or, for a chunk of several, the last package index it runs: the dependents come last).
      const own = /packages\/([\w-]+)\/src\/([\w-]+)\.ts$/;
      const indexes = chunk.moduleIds.filter((id) => /packages\/[\w-]+\/src\/index\.ts$/.test(id));
      const m = own.exec(chunk.facadeModuleId ?? '') ?? own.exec(indexes.at(-1) ?? '');
      // A chunk with no package entry of its own keeps rollup's name, an entry's without its define- prefix.
      if (!m) return `chunks/${chunk.name.replace(/^define-/, '')}-[hash].js`;
      const name = m[2] === 'index' ? m[1] : m[2].replace(/^define-/, '');
      return `chunks/${name}-[hash].js`;
    },
    plugins: [terser({ format: { comments: false }, ecma: 2020, module: true })],
  },
});

export default [
  pkg('core', { index: 'packages/core/src/index.ts', element: 'packages/core/src/element.ts', colors: 'packages/core/src/colors.ts', 'load-diagnosis': 'packages/core/src/load-diagnosis.ts', download: 'packages/core/src/download.ts', clipboard: 'packages/core/src/clipboard.ts', picture: 'packages/core/src/picture.ts' }, ['lit', 'd3-dsv']),
  pkg('gauge', { index: 'packages/gauge/src/index.ts', 'define-gauge': 'packages/gauge/src/define-gauge.ts', 'define-gauge-group': 'packages/gauge/src/define-gauge-group.ts', 'define-stat': 'packages/gauge/src/define-stat.ts', 'stat-model': 'packages/gauge/src/stat-model.ts', 'define-ranking': 'packages/gauge/src/define-ranking.ts', 'ranking-model': 'packages/gauge/src/ranking-model.ts', 'define-progress': 'packages/gauge/src/define-progress.ts', 'progress-model': 'packages/gauge/src/progress-model.ts' }, ['lit', '@chiso/core']),
  pkg('atlas', { index: 'packages/atlas/src/index.ts', crosswalk: 'packages/atlas/src/crosswalk.ts', communes: 'packages/atlas/src/communes.ts' }, ['@chiso/core']),
  pkg('map', { index: 'packages/map/src/index.ts', classify: 'packages/map/src/classify.ts', palette: 'packages/map/src/palette.ts', model: 'packages/map/src/choropleth-model.ts' },
    ['lit', '@chiso/core', '@chiso/atlas', 'maplibre-gl', 'topojson-client', 'pmtiles', 'd3-scale-chromatic', 'd3-geo']),
  pkg('bts', { index: 'packages/bts/src/index.ts', coverage: 'packages/bts/src/coverage.ts', 'coverage-client': 'packages/bts/src/coverage-client.ts', points: 'packages/bts/src/points.ts' },
    ['lit', '@chiso/core', '@chiso/map', 'maplibre-gl', 'topojson-client', '@turf/area', '@turf/bbox', '@turf/bearing', '@turf/boolean-point-in-polygon', '@turf/destination', '@turf/distance']),
  pkg('chart', { index: 'packages/chart/src/index.ts', geometry: 'packages/chart/src/chart-geometry.ts' }, ['lit', '@chiso/core', 'd3-array', 'd3-shape']),
  pkg('cases', { index: 'packages/cases/src/index.ts', model: 'packages/cases/src/case-model.ts' },
    ['lit', '@chiso/core', '@chiso/atlas', '@chiso/map', '@chiso/chart', 'maplibre-gl', '@turf/bbox', '@turf/boolean-point-in-polygon']),
  // The worker is self-contained, beside the module that starts it.
  bundle({ 'coverage.worker': 'packages/bts/src/coverage.worker.ts' }, 'packages/bts/dist', '[name].js', { vendorMaplibre: false }),
  (() => {
    // chiso.js: what every tag needs first (lit, the base element, the feed loader and the figures' words) is one
    // chunk, so a page with one gauge downloads a few files, not seven small ones each compressed on its own.
    const config = bundle({ chiso: 'packages/chiso/src/index.ts' }, 'packages/chiso/dist');
    // Each tag's package asks for its chunks as it is asked for (scripts/rollup-preload.mjs).
    // A map near the viewport also has what it draws with asked for: its canvas runtime (with the stylesheet MapLibre
    // and the canvas share) and the choropleth's engine and palettes.
    const drawingChunks = /^(canvas-runtime|maplibre-css|choropleth-model|palette)$/;
    return { ...config, output: { ...config.output, manualChunks: coreChunk, plugins: [preloadDependencies({ drawingChunks }), ...config.output.plugins] } };
  })(),
  // The self-check page's feed reader: one file, sharing no chunk with chiso.js.
  (() => {
    const config = bundle({ 'kiem-tra-doc': 'packages/chiso/self-check/read-feed.ts' }, 'packages/chiso/dist', '[name].js', { vendorMaplibre: false });
    return { ...config, output: { ...config.output, inlineDynamicImports: true } };
  })(),
  bundle({ 'coverage.worker': 'packages/bts/src/coverage.worker.ts' }, 'packages/chiso/dist', '[name].js', { vendorMaplibre: false }),
];
