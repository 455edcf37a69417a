// Browser tests: @web/test-runner on the system Chromium (never a downloaded browser).
import { existsSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { summaryReporter } from './summary-reporter.mjs';
import { feedServer } from './feed-server.mjs';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, executablePath, openPage } from './support/browser.mjs';

if (!executablePath) {
  throw new Error('No Chromium found: install the Debian package (apt-get install -y chromium) or set CHROME_PATH.');
}

export default {
  rootDir: '.',
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/**/*.test.ts'],
  // The TypeScript sources, with Lit's production build (what portals get; its dev-mode notices would flood the log).
  nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
  // Several pages at once in one browser; the flags below keep a page that is not in front from being throttled.
  concurrency: Number(process.env.WTR_CONCURRENCY) || 3,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  middleware: [
    // A module worker started with `new URL('./x.worker.js', import.meta.url)` from a source file: serve the
    // TypeScript source (the build emits the .js; the dev server only compiles what exists).
    (ctx, next) => {
      const m = /^(\/packages\/[^?#]+)\.js(\?.*)?$/.exec(ctx.url);
      if (m && !existsSync(`.${m[1]}.js`) && existsSync(`.${m[1]}.ts`)) ctx.url = `${m[1]}.ts${m[2] ?? ''}`;
      return next();
    },
    feedServer(),
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      // Each test page in a window of its own (a browser context each), told it has focus: every page is the
      // front page of its window, so frames, ResizeObserver and focus work as they do for a reader.
      createPage: ({ browser }) => openPage(browser),
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), summaryReporter()],
};
