// Runs every test (Node tests of the built packages, then the browser tests in Chromium) and ends with
// one line `N passed, N failed, N skipped`. Exits non-zero when anything failed or nothing ran.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { vendorFrameworks } from './vendor-frameworks.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };

// 0. Storybook, so its smoke test below checks the stories as designers get them.
const sb = spawnSync('node_modules/.bin/storybook', ['build', '-c', 'stories/.storybook', '--disable-telemetry', '--quiet', '-o', 'storybook-static'], {
  encoding: 'utf8', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
});
if (sb.status !== 0) {
  process.stdout.write(sb.stdout.slice(-4000) + sb.stderr.slice(-4000));
  totals.failed += 1;
  console.log('not ok - Storybook build failed');
} else console.log('ok - Storybook built');

// 1. Node: the built packages as a Node user imports them (no DOM), and the Storybook smoke test.
const nodeTests = readdirSync('test/node').filter((f) => f.endsWith('.test.mjs')).map((f) => `test/node/${f}`);
if (nodeTests.length) {
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=tap', ...nodeTests], { encoding: 'utf8' });
  // Full TAP when something failed; one line a test otherwise.
  process.stdout.write(r.status === 0 ? r.stdout.split('\n').filter((l) => /^(ok|not ok) /.test(l)).join('\n') + '\n' : r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  const num = (name) => Number(r.stdout.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0);
  totals.passed += num('pass');
  totals.failed += num('fail') + (r.status !== 0 && num('fail') === 0 ? 1 : 0);
  totals.skipped += num('skipped') + num('skip'); // node 20 prints `# skipped N`
}

// 2. Browser: @web/test-runner on the system Chromium (React, Vue and Angular bundled first, for test/interop).
await vendorFrameworks();
rmSync('test/.out/browser-summary.json', { force: true });
const wtr = spawnSync('node_modules/.bin/web-test-runner', ['--config', 'test/web-test-runner.config.mjs'], { stdio: 'inherit' });
if (existsSync('test/.out/browser-summary.json')) {
  const s = JSON.parse(readFileSync('test/.out/browser-summary.json', 'utf8'));
  totals.passed += s.passed;
  totals.failed += s.failed + s.sessionErrors;
  totals.skipped += s.skipped;
} else {
  totals.failed += 1; // the runner did not finish: that is a failure, not an empty run
}
if (wtr.status !== 0 && totals.failed === 0) totals.failed += 1;

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
