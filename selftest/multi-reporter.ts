// Reporter of a multi-case invocation (selftest/multi.config.ts): the suite's conformance reporter
// once per case, fed only that case's tests (its file's), writing the case's conformance.json in
// the case's reports directory as a single run would; plus case.json: the exit code a single run of
// the case would have had (Playwright's: 1 when one of its tests failed or the run had an error).
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult, TestStep } from '@playwright/test/reporter';
import fs from 'node:fs';
import path from 'node:path';
import ConformanceReporter from '../suite/report/reporter';
import { readRunError } from '../suite/run/run-context';
import { caseResultFile, readBatch, runFilePointer, type BatchCase, type CaseOutcome } from './multi';

interface PerCase {
  c: BatchCase;
  reporter: ConformanceReporter;
  failedTests: number;
  ms: number;
  /** The error its global setup recorded ('' none), once read. */
  setupError?: string;
}

export default class MultiCaseReporter implements Reporter {
  private readonly cases = new Map<string, PerCase>();

  constructor() {
    for (const c of readBatch().cases) this.cases.set(path.basename(c.file), { c, reporter: new ConformanceReporter(), failedTests: 0, ms: 0 });
  }

  /** The case a test belongs to: its file's. */
  private of(test: TestCase): PerCase | undefined {
    let s: Suite | undefined = test.parent;
    while (s && s.type !== 'file') s = s.parent;
    return s?.location ? this.cases.get(path.basename(s.location.file)) : undefined;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    for (const p of this.cases.values()) p.reporter.onBegin(config, suite);
  }

  onStepBegin(test: TestCase, result: TestResult, step: TestStep): void {
    this.of(test)?.reporter.onStepBegin(test, result, step);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const p = this.of(test);
    // A case whose global setup failed is an error of the run, as in a single run, where no test of it
    // would have run: its tests (failing for want of a run context) are not its outcomes, so that no
    // requirement of it counts as failed and a mutant breaking the preflight is never "killed".
    if (!p || this.setupFailed(p)) return;
    p.reporter.onTestEnd(test, result);
    p.ms += result.duration;
    // The status, not the expected status: a case that stops at its first failure marks that failure
    // expected (fixtures/index.ts), and a single run of the case would still have exited 1.
    if (result.status !== 'skipped' && result.status !== 'passed') p.failedTests++;
  }

  private setupFailed(p: PerCase): boolean {
    p.setupError ??= readRunError(p.c.settings.CONFORMANCE_REPORTS_DIR!) ?? '';
    return p.setupError !== '';
  }

  /** An error outside any test (a worker's, the invocation's): every case's, as it would be in a single run. */
  onError(error: TestError): void {
    for (const p of this.cases.values()) p.reporter.onError(error);
  }

  async onEnd(result: FullResult): Promise<void> {
    for (const p of this.cases.values()) {
      const pointer = runFilePointer(p.c);
      if (fs.existsSync(pointer)) p.reporter.runFile = fs.readFileSync(pointer, 'utf8').trim();
      else p.reporter.runFile = `${pointer}.none`;
      const setupError = readRunError(p.c.settings.CONFORMANCE_REPORTS_DIR!);
      if (setupError) p.reporter.onError({ message: setupError });
      await p.reporter.onEnd(result);
      const outcome: CaseOutcome = {
        exitCode: p.failedTests || setupError || result.status !== 'passed' && result.status !== 'failed' ? 1 : 0,
        seconds: p.ms / 1000,
      };
      fs.writeFileSync(caseResultFile(p.c), `${JSON.stringify(outcome)}\n`);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}
