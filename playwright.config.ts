// The conformance suite. `npm run conformance` runs it through suite/cli/run.ts (exit codes, dry
// run); `npx playwright test` works too. With no configuration the target is the embedded reference
// server, started by global setup on a free port of 127.0.0.1.
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { loadEnv, reportsDirFor } from './suite/config/config';

// Relative to the working directory, like suite/config/config.ts (the runner pins it to an absolute path);
// .env as the suite reads it (dotenv never overrides a variable already set); a dry run's in a
// folder of its own.
const env = loadEnv();
const reports = reportsDirFor(env);

export default defineConfig({
  testDir: './specs',
  outputDir: path.join(reports, 'test-results'),
  globalSetup: require.resolve('./suite/run/global-setup'),
  // Honest statuses: a retry would hide an intermittent defect.
  retries: 0,
  fullyParallel: true,
  // The embedded target is CPU-bound (its server shares the runner's core): 2. A non-embedded target
  // is mostly waiting on the network: 4 (pacing and the per-IP ceiling still hold across them).
  workers: env.CONFORMANCE_WORKERS ? Number(env.CONFORMANCE_WORKERS) : env.CONFORMANCE_BASE_URL ? 4 : 2,
  timeout: 120_000,
  reporter: [
    ['list'],
    ['junit', { outputFile: path.join(reports, 'junit.xml') }],
    ['html', { outputFolder: path.join(reports, 'html'), open: 'never' }],
    // Shards (--shard i/n) each leave reports/blob/report-<i>.zip: `npx playwright merge-reports` joins them (docs/ci.md).
    ['blob', { outputDir: path.join(reports, 'blob') }],
    ['./suite/report/reporter.ts'],
  ],
  // No traces, videos or screenshots: they would carry request headers, and API tests have no page.
  use: { trace: 'off', video: 'off', screenshot: 'off' },
  // One project: tests that read zone-wide figures (list counts, the limit) are tagged @zone-wide and
  // take the zone lock exclusively (fixtures/index.ts), so they run one at a time, alone, in whichever
  // worker. (A project of their own cost every run a second round of worker start-up.)
});
