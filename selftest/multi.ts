// Several self-test cases in one Playwright invocation: the batch file the runner writes and the
// config, global setup, reporter and case files read (selftest/multi.config.ts, multi-setup.ts,
// multi-reporter.ts, multi-case.ts). A case is one test file of the invocation's single project
// (`file`, generated: it loads the case's spec files): its own target, zones, settings, run
// directory and reports, its own test selection, its tests in order in one worker. The workers are
// shared: one that finishes a case takes the next, with no new process (fixtures/index.ts serves
// one run at a time and switches on the test's file).
import fs from 'node:fs';
import path from 'node:path';
import { runFilePointer as pointerIn } from '../suite/run/run-context';

export interface BatchCase {
  /** `<kind>:<id>` (`@budget` appended in the budget profile). */
  name: string;
  /** The case's test file (absolute); its basename keys the case in the project's metadata. */
  file: string;
  /** The spec files it loads (absolute), in the order a single run would run them. */
  specs: string[];
  /** The case's CONFORMANCE_* settings, as a single run gets them in its environment, minus the token. */
  settings: Record<string, string>;
  /** The environment variable of the Playwright process that holds the case's token (never a file). */
  tokenVariable: string;
  /** --grep pattern of a single run; undefined: every test. */
  grep?: string;
  /** Stop the case at its first failed test (--max-failures=1 of a single run). */
  stopAtFirstFailure: boolean;
}

export interface Batch {
  cases: BatchCase[];
  /** Where the invocation's own files go (Playwright's output directory, the case files under cases/). */
  dir: string;
}

export const BATCH_VARIABLE = 'SELFTEST_BATCH';

export function readBatch(): Batch {
  const file = process.env[BATCH_VARIABLE];
  if (!file) throw new Error(`${BATCH_VARIABLE} is not set: selftest/multi.config.ts runs only under selftest/run.ts`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Batch;
}

/** The case file's name: `c<index>-<name>.case.ts`, the index first so that files sort in batch order. */
export function caseFileName(index: number, name: string): string {
  return `c${String(index).padStart(4, '0')}-${name.replace(/[^\w.-]+/g, '-')}.case.ts`;
}

/**
 * The project's grep: each case's own (a single run's --grep) applied to its own file's tests only.
 * Playwright matches a project's grep against the test's title path, which starts with its file's
 * name, and its tags; so per case a lookahead for the file name, and one for the case's pattern.
 */
export function batchGrep(cases: BatchCase[]): string | undefined {
  if (!cases.some((c) => c.grep)) return undefined;
  const fileName = (c: BatchCase) => path.basename(c.file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `^(?:${cases.map((c) => `(?=[^]*(?:^|[\\s/])${fileName(c)})${c.grep ? `(?=[^]*${c.grep})` : ''}`).join('|')})`;
}

/** Every spec file of the suite, in the order Playwright collects them (a directory's entries by name, depth first). */
export function allSpecFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    const entries = fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (/\.(spec|test)\.ts$/.test(e.name)) out.push(p);
    }
  };
  visit(dir);
  return out;
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
