// Counts passed, failed and skipped tests over every browser session and writes them for scripts/test.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, acc) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite?.suites ?? []) count(s, acc);
  return acc;
}

export function summaryReporter({ file = 'test/.out/browser-summary.json' } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
      for (const s of sessions) {
        count(s.testResults, acc);
        // A file that failed to load or threw outside a test counts as one failure, never as nothing.
        if (!s.passed && (s.errors?.length || !s.testResults)) acc.sessionErrors++;
      }
      mkdirSync('test/.out', { recursive: true });
      writeFileSync(file, JSON.stringify(acc));
    },
  };
}
