// The project's own tests (npm test), separate from the conformance suite (../playwright.config.ts).
// Plain Node tests on Playwright's runner: no browser is started unless a test launches one itself.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.test.ts',
  outputDir: '../reports/test-results-selftest',
  // The digest repeats each failure's reason where a CI log's tail shows it (npm test prints it last).
  reporter: [['list'], ['./failure-digest-reporter.ts']],
  timeout: 120_000,
  // Two cores: files in parallel (the e2e tests' own suite runs wait on I/O and child processes much
  // of the time, so two at once keep both cores busy). Three e2e workers were no faster inside
  // npm test and cost more CPU (BENCHMARKS.md, "Where npm test's time goes"), and crowd the tests
  // that time their runs.
  workers: 2,
  projects: [
    { name: 'unit', testDir: './unit' },
    { name: 'server', testDir: './server' },
    // Runs the real CLIs as child processes against reference servers on 127.0.0.1 (test/e2e/helpers).
    // One retry: each test drives several processes, servers and timers at once on a shared 2-core
    // machine. A test that passes only on its retry is listed as flaky by the reporter and as RETRIED
    // in reports/npm-test-failures.txt, which npm test prints.
    { name: 'e2e', testDir: './e2e', retries: 1 },
  ],
});
