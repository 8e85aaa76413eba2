// npm run bench: each test's file, duration, status, the requirements it cites and the requests it
// sent (the 'requests' annotation of fixtures/index.ts), written to $BENCH_TESTS_FILE.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import fs from 'node:fs';
import path from 'node:path';
import { readAnnotations } from '../suite/judging/annotations';

export interface BenchTest {
  file: string;
  title: string;
  status: string;
  durationMs: number;
  /** When the test started, ms after the runner began (onBegin), and the worker that ran it. */
  startMs: number;
  worker: number;
  requests: number | null;
  requirements: string[];
}

export default class BenchReporter implements Reporter {
  private readonly tests: BenchTest[] = [];
  private begun = Date.now();

  onBegin(): void {
    this.begun = Date.now();
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const annotations = [...test.annotations, ...result.annotations];
    const requests = result.annotations.find((a) => a.type === 'requests')?.description;
    this.tests.push({
      file: path.relative(path.resolve(__dirname, '..', 'specs'), test.location.file).split(path.sep).join('/'),
      title: test.titlePath().slice(3).join(' › ') || test.title,
      status: result.status,
      durationMs: result.duration,
      startMs: result.startTime.getTime() - this.begun,
      worker: result.workerIndex,
      requests: requests === undefined ? null : Number(requests),
      requirements: readAnnotations(annotations).cited,
    });
  }

  onEnd(): void {
    const file = process.env.BENCH_TESTS_FILE;
    if (!file) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(this.tests, null, 1)}\n`);
    const lastEnd = Math.max(0, ...this.tests.map((t) => t.startMs + t.durationMs));
    fs.writeFileSync(file.replace(/\.json$/, '.phases.json'), `${JSON.stringify({ runnerMs: Date.now() - this.begun, firstTestMs: Math.min(...this.tests.map((t) => t.startMs)), lastTestEndMs: lastEnd })}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
