// Runs the tests and ends with one line `N passed, N failed, N skipped`.
//
//   npm test                          everything: build, Storybook, Node tests, browser tests, stories, demo
//   npm test -- test/map/chiso-map.test.ts test/node/feeds.test.mjs     just those files (no build when none
//                                     of them needs one: pure modules and browser tests run the sources)
//
// What can run at once does (the Node tests, the browser tests in several pages of one Chromium, the stories in
// several pages of another); timing-sensitive files run alone at the end. Every skipped test is listed with its
// reason, and the five slowest files with their times. Exits non-zero when anything failed or nothing ran.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { vendorFrameworks } from './vendor-frameworks.mjs';

const started = Date.now();
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const only = args.length ? args : null;
const totals = { passed: 0, failed: 0, skipped: 0 };
const skips = [];
const times = [];
const testTimes = [];
const failures = [];
const phases = [];
let phaseStart = Date.now();
/** Marks the end of a phase of the run, for the timing summary. */
const phase = (name) => { phases.push(`${name} ${((Date.now() - phaseStart) / 1000).toFixed(0)} s`); phaseStart = Date.now(); };

/** Node test files that import the built packages or pages (the rest run the TypeScript sources). */
const NEEDS_BUILD = new Set(['test/node/firefox.test.mjs', 'test/node/core-import.test.mjs', 'test/node/manifest.test.mjs', 'test/node/examples.test.mjs', 'test/node/storybook.test.mjs', 'test/node/deploy.test.mjs']);
/** Browser test files that measure main-thread time: they run alone, after the others. */
const ALONE = new Set(['test/bts/coverage-worker.test.ts']);

const nodeFiles = readdirSync('test/node').filter((f) => f.endsWith('.test.mjs')).map((f) => `test/node/${f}`);
const browserFiles = (function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? (d.name.startsWith('.') || d.name === 'node' ? [] : walk(`${dir}/${d.name}`))
    : d.name.endsWith('.test.ts') ? [`${dir}/${d.name}`] : []));
})('test').sort();
const pick = (files) => (only ? files.filter((f) => only.some((o) => f === o || f.endsWith(o) || f.includes(o))) : files);
const wantNode = pick(nodeFiles);
const wantBrowser = pick(browserFiles);
if (only && !wantNode.length && !wantBrowser.length) {
  console.error(`no test file matches ${only.join(' ')}`);
  process.exit(1);
}

function run(cmd, argv, options = {}) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(cmd, argv, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; if (options.echo) process.stdout.write(d); });
    child.stderr.on('data', (d) => { err += d; if (options.echo) process.stderr.write(d); });
    child.on('close', (status) => resolve({ status, out, err, ms: Date.now() - t0 }));
  });
}

/** A Node test file's TAP: counts, failures printed in full, skips with their reasons. */
function readTap(file, r) {
  const num = (name) => Number(r.out.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0);
  const passed = num('pass');
  const failed = num('fail') + num('cancelled');
  totals.passed += passed;
  totals.failed += failed + (r.status !== 0 && failed === 0 ? 1 : 0);
  for (const m of r.out.matchAll(/^ok \d+ - (.*?) # SKIP ?(.*)$/gm)) skips.push({ file, name: m[1], reason: m[2] || 'no reason given' });
  totals.skipped += num('skipped') + num('skip');
  for (const line of r.out.split('\n').filter((l) => /^(ok|not ok) /.test(l))) console.log(`${line.replace(/ # SKIP.*/, ' (skipped)')}  [${file}]`);
  if (r.status !== 0) {
    failures.push(file);
    process.stdout.write(r.out.split('\n').filter((l) => !/^\s*duration_ms|^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms)/.test(l)).join('\n').slice(-6000));
    if (r.err) process.stderr.write(r.err.slice(-3000));
  }
  times.push({ file, ms: r.ms });
}

async function nodeTests(files, { source }) {
  // Two at a time: the pure ones take a second, the browser-driving ones most of a core.
  const queue = [...files];
  const flags = source ? ['--conditions=source', '--import', './test/support/register-ts.mjs'] : [];
  await Promise.all([0, 1].map(async () => {
    for (let f = queue.shift(); f; f = queue.shift()) readTap(f, await run(process.execPath, [...flags, '--test', '--test-reporter=tap', f]));
  }));
}

async function browserTests(files, { concurrency }) {
  if (!files.length) return;
  const summary = `test/.out/browser-summary-${concurrency}.json`;
  // Longest first (by the last run's times, when there was one): a long file started last would run alone
  // at the end, with one core idle.
  const last = existsSync(summary) ? JSON.parse(readFileSync(summary, 'utf8')).files ?? {} : {};
  files = [...files].sort((a, b) => (last[b]?.testsMs ?? 0) - (last[a]?.testsMs ?? 0));
  rmSync(summary, { force: true });
  const r = await run('node_modules/.bin/web-test-runner', ['--config', 'test/web-test-runner.config.mjs'], {
    env: { ...process.env, WTR_FILES: files.join(','), WTR_CONCURRENCY: String(concurrency), WTR_SUMMARY: summary },
  });
  // The runner's own report, without the progress lines.
  const report = r.out.split('\n').filter((l) => l.trim() && !/^\s*(\u001b\[[0-9;]*[A-Za-z])+\s*$/.test(l)).join('\n');
  if (r.status !== 0 || /❌/.test(report)) process.stdout.write(`${report.slice(-12000)}\n`);
  if (!existsSync(summary)) {
    totals.failed += 1; // the runner did not finish: a failure, never an empty run
    failures.push('web-test-runner did not finish');
    process.stdout.write(r.err.slice(-3000));
    return;
  }
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  totals.passed += s.passed;
  totals.failed += s.failed + s.sessionErrors;
  totals.skipped += s.skipped;
  skips.push(...s.skips);
  for (const [file, t] of Object.entries(s.files)) times.push({ file, ms: t.testsMs });
  testTimes.push(...(s.tests ?? []));
  if (r.status !== 0 && s.failed + s.sessionErrors === 0) totals.failed += 1;
}

// 1. Build, when a chosen file needs the built packages, the examples or Storybook.
const needsBuild = !only || wantNode.some((f) => NEEDS_BUILD.has(f)) || wantBrowser.some((f) => /hardening|interop|lazy|chiso-gauge\.test/.test(f));
if (needsBuild && !process.argv.includes('--no-build')) {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (b.status !== 0) {
    console.log('\n0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }
}
await vendorFrameworks(); // React, Vue and Angular as modules, for test/interop
phase('build');

// 2. Storybook, for the story test and the deployment test (the static Storybook on a server that knows no .mjs).
const storybook = (async () => {
  if (!wantNode.includes('test/node/storybook.test.mjs') && !wantNode.includes('test/node/deploy.test.mjs')) return;
  const sb = await run('node_modules/.bin/storybook', ['build', '-c', 'stories/.storybook', '--disable-telemetry', '--quiet', '-o', 'storybook-static'], {
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  if (sb.status !== 0) {
    process.stdout.write(sb.out.slice(-4000) + sb.err.slice(-4000));
    totals.failed += 1;
    failures.push('Storybook build');
    console.log('not ok - Storybook build failed');
  }
})();

// 3. The Node tests while the browser tests run (two pages at a time: this machine has two cores, and the maps'
// software WebGL keeps both busy; more pages at once only make each slower), then the stories and the demo.
const pages = ['test/node/storybook.test.mjs', 'test/node/examples.test.mjs', 'test/node/deploy.test.mjs', 'test/node/firefox.test.mjs'];
await Promise.all([
  (async () => {
    await nodeTests(wantNode.filter((f) => !NEEDS_BUILD.has(f)), { source: true });
    await nodeTests(wantNode.filter((f) => NEEDS_BUILD.has(f) && !pages.includes(f)), { source: false });
  })(),
  browserTests(wantBrowser.filter((f) => !ALONE.has(f)), { concurrency: Number(process.env.WTR_CONCURRENCY) || 2 }),
]);
phase('node and browser tests');
await storybook;
phase('waiting for Storybook');
// Longest first (the list's order), or the story test would start last and run alone at the end.
await nodeTests(pages.filter((f) => wantNode.includes(f)), { source: false });
phase('pages');
// 4. Alone: files that measure how long the main thread is busy.
await browserTests(wantBrowser.filter((f) => ALONE.has(f)), { concurrency: 1 });
phase('alone');

if (skips.length) {
  console.log(`\nSkipped (${skips.length}):`);
  for (const s of skips) console.log(`  - ${s.file}: ${s.name} — ${s.reason}`);
}
console.log('\nSlowest files:');
for (const t of times.sort((a, b) => b.ms - a.ms).slice(0, 5)) console.log(`  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.file}`);
if (testTimes.length) {
  console.log('Slowest browser tests:');
  for (const t of testTimes.sort((a, b) => b.ms - a.ms).slice(0, 5)) console.log(`  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.file}: ${t.name}`);
}
console.log(`Phases: ${phases.join(', ')}`);
console.log(`Total: ${((Date.now() - started) / 1000).toFixed(0)} s${failures.length ? `; failed: ${[...new Set(failures)].join(', ')}` : ''}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
