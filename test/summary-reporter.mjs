// Counts passed, failed and skipped tests over every browser session, and writes them for scripts/test.mjs
// with every skipped test's name and reason (given by the test through `skipBecause`, test/helpers/skip.ts)
// and each file's time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

function count(suite, acc, file, path = []) {
  for (const t of suite?.tests ?? []) {
    const name = [...path, t.name].join(' > ');
    if (t.skipped) acc.skips.push({ file, name });
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite?.suites ?? []) count(s, acc, file, s.name ? [...path, s.name] : path);
}

/** `chiso-skip <json>` lines a test logs when it skips (see test/helpers/skip.ts). */
function reasons(session) {
  const out = new Map();
  for (const args of session.logs ?? []) {
    const line = args.map(String).join(' ');
    const m = /^chiso-skip (.*)$/.exec(line);
    if (!m) continue;
    try {
      const { name, reason } = JSON.parse(m[1]);
      out.set(name, reason);
    } catch { /* not ours */ }
  }
  return out;
}

export function summaryReporter({ file = process.env.WTR_SUMMARY || 'test/.out/browser-summary.json' } = {}) {
  const started = new Map();
  const times = {};
  return {
    onTestRunStarted() {
      this.t0 = Date.now();
    },
    reportTestFileResults({ testFile }) {
      times[relative(process.cwd(), testFile)] = Date.now();
    },
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0, skips: [], files: {}, tests: [] };
      for (const s of sessions) {
        const name = relative(process.cwd(), s.testFile);
        const before = acc.skips.length;
        count(s.testResults, acc, name);
        const why = reasons(s);
        for (const skip of acc.skips.slice(before)) {
          const short = skip.name.split(' > ').at(-1);
          skip.reason = why.get(skip.name) ?? why.get(short) ?? 'skipped without a reason (a test must say why: skipBecause)';
        }
        // A file that failed to load or threw outside a test counts as one failure, never as nothing.
        if (!s.passed && (s.errors?.length || !s.testResults)) acc.sessionErrors++;
        const durations = [];
        const walk = (suite) => {
          for (const t of suite?.tests ?? []) {
            if (!t.duration) continue;
            durations.push(t.duration);
            acc.tests.push({ file: name, name: t.name, ms: t.duration });
          }
          for (const x of suite?.suites ?? []) walk(x);
        };
        walk(s.testResults);
        acc.files[name] = { testsMs: durations.reduce((a, b) => a + b, 0), doneAt: times[name] ? times[name] - (this.t0 ?? 0) : undefined };
      }
      acc.skipped = acc.skips.length;
      void started;
      mkdirSync('test/.out', { recursive: true });
      writeFileSync(file, JSON.stringify(acc, null, 1));
    },
  };
}
