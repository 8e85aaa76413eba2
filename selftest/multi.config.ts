// Several self-test cases in one `playwright test` (selftest/multi.ts), written by selftest/run.ts
// into the batch file: one project whose test files are the cases, one file each, so that a worker
// that finishes a case takes the next one (a worker serves one project only: a project per case
// would start a worker for every case). Not fully parallel: a case's tests run in order in one
// worker, as a single run with one worker runs them. The suite's own config otherwise: no retries,
// no traces. `workers` is the whole invocation's (--workers).
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import type { ProjectRun } from '../fixtures';
import { batchGrep, readBatch, runFilePointer, stopFile } from './multi';
import { SHARED_WORKERS_VARIABLE } from '../suite/judging/verify';

// Before any case loads its specs, here and in every worker (they load this config too): no
// Playwright -exclusive- lock on zone-wide tests, which would stop every other case (suite/judging/verify.ts).
process.env[SHARED_WORKERS_VARIABLE] = '1';
const batch = readBatch();
const grep = batchGrep(batch.cases);

export default defineConfig({
  testDir: path.join(batch.dir, 'cases'),
  testMatch: /\.case\.ts$/,
  outputDir: path.join(batch.dir, 'test-results'),
  globalSetup: require.resolve('./multi-setup'),
  retries: 0,
  fullyParallel: false,
  timeout: 120_000,
  reporter: [['list'], [require.resolve('./multi-reporter')]],
  use: { trace: 'off', video: 'off', screenshot: 'off' },
  projects: [
    {
      name: 'cases',
      ...(grep ? { grep: new RegExp(grep) } : {}),
      metadata: {
        conformanceCases: Object.fromEntries(
          batch.cases.map((c) => [
            path.basename(c.file),
            {
              runPointer: runFilePointer(c),
              tokenVariable: c.tokenVariable,
              ...(c.stopAtFirstFailure ? { stopFile: stopFile(c) } : {}),
            },
          ]),
        ),
      } satisfies ProjectRun,
    },
  ],
});
