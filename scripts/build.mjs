// Builds every package: rollup (ESM + the all-in-one bundle), .d.ts with tsc, custom-elements.json.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { sep } from 'node:path';
import { vendorFrameworks } from './vendor-frameworks.mjs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const bin = (name) => `node_modules/.bin/${name}`;
const packages = ['core', 'atlas', 'gauge', 'map', 'bts', 'chart', 'cases', 'chiso'];

for (const p of packages) rmSync(`packages/${p}/dist`, { recursive: true, force: true });
run('node', ['scripts/gen-maplibre-css.mjs']);
run('node', ['scripts/demo-data.mjs']);
// Rollup and the declarations at once (two cores; tsc reads no bundle): each package's tsc reads the .d.ts of
// the packages it depends on, so they go by level, two at a time.
const started = (cmd, args) => new Promise((resolve, reject) => spawn(cmd, args, { stdio: 'inherit' })
  .on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}`)))));
const rollup = started(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent']);
const declarations = (async () => {
  for (const level of [['core'], ['atlas', 'gauge', 'chart'], ['map'], ['bts', 'cases'], ['chiso']]) {
    await Promise.all(level.map((p) => started(bin('tsc'), ['-p', `packages/${p}/tsconfig.build.json`])));
  }
})();
try {
  await Promise.all([rollup, declarations]);
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
// React, Vue and Angular as ES modules for the framework example pages (examples/vendor, ignored by git).
await vendorFrameworks('examples/vendor');
// MapLibre and its worker beside the all-in-one bundle (see maplibreVendor in rollup.config.mjs).
mkdirSync('packages/chiso/dist/vendor', { recursive: true });
// Renamed .js: a server that does not know .mjs (IIS, older nginx) sends it as application/octet-stream.
for (const f of ['maplibre-gl', 'maplibre-gl-worker']) {
  // Without the source-map comment: the map file does not ship, and a browser's devtools would ask for it.
  writeFileSync(`packages/chiso/dist/vendor/${f}.js`, readFileSync(`node_modules/maplibre-gl/dist/${f}.mjs`, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
}
// Vietnam's boundaries beside it too (atlas/), with their licence: a map with no boundaries file draws them.
cpSync('packages/atlas/data', 'packages/chiso/dist/atlas', { recursive: true });
copyFileSync('packages/atlas/LICENSE-DATA.md', 'packages/chiso/dist/atlas/LICENSE-DATA.md');

// The self-check page beside chiso.js (kiem-tra.html): a webmaster opens it on the portal's server. It is told
// every file a page may load, to check each one's type.
{
  const dist = 'packages/chiso/dist';
  const files = readdirSync(dist, { recursive: true }).map(String).map((f) => f.split(sep).join('/'))
    .filter((f) => /\.(js|json)$/.test(f) && !/^kiem-tra/.test(f)).sort();
  for (const f of ['kiem-tra.html', 'kiem-tra.css', 'kiem-tra-worker.js']) copyFileSync(`packages/chiso/self-check/${f}`, `${dist}/${f}`);
  const script = readFileSync('packages/chiso/self-check/kiem-tra.js', 'utf8');
  writeFileSync(`${dist}/kiem-tra.js`, script.replace('/*CHISO_FILES*/[]/*END*/', JSON.stringify(files)));
}

// custom-elements.json, from the JSDoc and lit decorators. The analyzer resolves inherited members (lang,
// theme, state from ChisoElement) only when it reads the base class in the same run, so every element is
// analysed together; each package then ships the modules of its own sources.
run(bin('custom-elements-manifest'), ['analyze', '--litelement', '--quiet', '--outdir', 'packages/chiso',
  '--globs', 'packages/core/src/chiso-element.ts', '--globs', 'packages/map/src/layer-element.ts', '--globs', 'packages/gauge/src/chiso-*.ts', '--globs', 'packages/map/src/chiso-*.ts', '--globs', 'packages/bts/src/chiso-*.ts', '--globs', 'packages/chart/src/chiso-*.ts', '--globs', 'packages/cases/src/chiso-*.ts', '--globs', 'packages/gauge/src/feed-figure-element.ts', '--globs', 'packages/*/src/*-properties.ts', '--globs', 'packages/*/src/*/properties.ts', '--globs', 'packages/map/src/map/map-base.ts', '--exclude', '**/*.styles.ts']);
const all = JSON.parse(readFileSync('packages/chiso/custom-elements.json', 'utf8'));
// The base class's generic emit() shows up as an event with no name; the real ones are in each @fires.
for (const d of all.modules.flatMap((m) => m.declarations ?? [])) {
  if (d.events) d.events = d.events.filter((e) => e.name);
}
writeFileSync('packages/chiso/custom-elements.json', JSON.stringify(all, null, 2));
for (const p of ['core', 'gauge', 'map', 'bts', 'chart', 'cases']) {
  const own = { ...all, modules: all.modules.filter((m) => m.path.startsWith(`packages/${p}/`)) };
  writeFileSync(`packages/${p}/custom-elements.json`, JSON.stringify(own, null, 2));
}
console.log('built: packages/{core,atlas,gauge,map,bts,chart,cases,chiso}/dist, custom-elements.json');
