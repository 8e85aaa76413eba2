// Several self-test cases in one Playwright invocation: the batch file the runner writes and the
// config, global setup and reporter read (selftest/multi.config.ts, multi-setup.ts, multi-reporter.ts).
// A case is a Playwright project: its own target, zones, settings, run directory and reports, its own
// test selection, one worker at a time (a worker serves one project only, so it reads only its own run).
import fs from 'node:fs';
import path from 'node:path';
import { runFilePointer as pointerIn } from '../suite/run/run-context';

export interface BatchCase {
  /** Project name: `<kind>:<id>`. */
  name: string;
  /** The case's CONFORMANCE_* settings, as a single run gets them in its environment, minus the token. */
  settings: Record<string, string>;
  /** The environment variable of the Playwright process that holds the case's token (never a file). */
  tokenVariable: string;
  /** Spec files (relative to the repository root); empty: all. */
  files: string[];
  /** --grep pattern of a single run; undefined: every test. */
  grep?: string;
  /** Stop the case at its first failed test (--max-failures=1 of a single run). */
  stopAtFirstFailure: boolean;
}

export interface Batch {
  cases: BatchCase[];
  /** Where the invocation's own files go (Playwright's output directory). */
  dir: string;
}

export const BATCH_VARIABLE = 'SELFTEST_BATCH';

export function readBatch(): Batch {
  const file = process.env[BATCH_VARIABLE];
  if (!file) throw new Error(`${BATCH_VARIABLE} is not set: selftest/multi.config.ts runs only under selftest/run.ts`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Batch;
}

/** The file the suite's global setup writes a case's run file path to, in the case's reports directory
 * (the case's reporter and workers read it). */
export const runFilePointer = (c: BatchCase) => pointerIn(c.settings.CONFORMANCE_REPORTS_DIR!);
/** The marker a case's first failed test leaves when it stops there. */
export const stopFile = (c: BatchCase) => path.join(c.settings.CONFORMANCE_REPORTS_DIR!, 'stopped-at-first-failure.txt');
/** Per case, what a single run's exit code says: 0 when no test failed and the invocation had no error. */
export const caseResultFile = (c: BatchCase) => path.join(c.settings.CONFORMANCE_REPORTS_DIR!, 'case.json');

export interface CaseOutcome {
  exitCode: number;
  /** Sum of the case's test durations (its workers' time; start-up shared by the batch is not in it). */
  seconds: number;
}
