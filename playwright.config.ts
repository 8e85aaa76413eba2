// The conformance suite. `npm run conformance` runs it through suite/cli/run.ts (exit codes, dry
// run); `npx playwright test` works too. With no configuration the target is the embedded reference
// server, started by global setup on a free port of 127.0.0.1.
import { defineConfig } from '@playwright/test';
import path from 'node:path';

// Relative to the working directory, like suite/config.ts (the runner pins it to an absolute path).
const reports = path.resolve(process.env.CONFORMANCE_REPORTS_DIR || 'reports');

export default defineConfig({
  testDir: './specs',
  outputDir: path.join(reports, 'test-results'),
  globalSetup: require.resolve('./suite/global-setup'),
  // Honest statuses: a retry would hide an intermittent defect.
  retries: 0,
  fullyParallel: true,
  workers: process.env.CONFORMANCE_WORKERS ? Number(process.env.CONFORMANCE_WORKERS) : 2,
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
  projects: [
    // Tests that read zone-wide figures (list counts, the limit) are tagged @zone-wide: they take the
    // zone lock exclusively (fixtures/index.ts) and run one at a time, in file order.
    { name: 'address-scoped', grepInvert: /@zone-wide/ },
    { name: 'zone-wide', grep: /@zone-wide/, fullyParallel: false },
  ],
});
