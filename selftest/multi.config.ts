// Several self-test cases in one `playwright test`: a project per case (selftest/multi.ts), written
// by selftest/run.ts into the batch file. The suite's own config otherwise: same specs, timeout, no
// retries, fully parallel, no traces. `workers` is the whole invocation's; each project has one.
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import type { ProjectRun } from '../fixtures';
import { readBatch, runFilePointer, stopFile } from './multi';

const ROOT = path.resolve(__dirname, '..');
const batch = readBatch();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineConfig({
  testDir: path.join(ROOT, 'specs'),
  outputDir: path.join(batch.dir, 'test-results'),
  globalSetup: require.resolve('./multi-setup'),
  retries: 0,
  fullyParallel: true,
  timeout: 120_000,
  reporter: [['list'], [require.resolve('./multi-reporter')]],
  use: { trace: 'off', video: 'off', screenshot: 'off' },
  projects: batch.cases.map((c) => ({
    name: c.name,
    // One worker per case, as a single run of the self-test had: the case's tests in the same order.
    workers: 1,
    // A single run's file arguments are regular expressions on the path; so are these.
    ...(c.files.length ? { testMatch: c.files.map((f) => new RegExp(escape(f))) } : {}),
    ...(c.grep ? { grep: new RegExp(c.grep) } : {}),
    metadata: {
      conformanceRunPointer: runFilePointer(c),
      conformanceTokenVariable: c.tokenVariable,
      ...(c.stopAtFirstFailure ? { conformanceStopFile: stopFile(c) } : {}),
    } satisfies ProjectRun,
  })),
});
