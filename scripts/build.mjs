// Builds every package: rollup (ESM + the all-in-one bundle), .d.ts with tsc, custom-elements.json.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const bin = (name) => `node_modules/.bin/${name}`;
const packages = ['core', 'gauge', 'chiso'];

for (const p of packages) rmSync(`packages/${p}/dist`, { recursive: true, force: true });
run(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent']);
for (const p of packages) run(bin('tsc'), ['-p', `packages/${p}/tsconfig.build.json`]);

// custom-elements.json per package, from the JSDoc and lit decorators; chiso's lists every element.
const analyze = (globs, outdir) =>
  run(bin('custom-elements-manifest'), ['analyze', '--litelement', '--quiet', '--outdir', outdir, ...globs.flatMap((g) => ['--globs', g])]);
analyze(['packages/core/src/chiso-element.ts'], 'packages/core');
analyze(['packages/gauge/src/chiso-gauge.ts', 'packages/gauge/src/chiso-gauge-group.ts'], 'packages/gauge');
const merged = { schemaVersion: '1.0.0', readme: '', modules: [] };
for (const p of ['core', 'gauge']) {
  merged.modules.push(...JSON.parse(readFileSync(`packages/${p}/custom-elements.json`, 'utf8')).modules);
}
writeFileSync('packages/chiso/custom-elements.json', JSON.stringify(merged, null, 2));
console.log('built: packages/{core,gauge,chiso}/dist, custom-elements.json');
