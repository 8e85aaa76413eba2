// Progress of the long zone-wide phases (the limit fill, the list walk): a long silence reads as a
// hang. The phase counts what it has done; at most every 2 seconds that becomes one line, sent as a
// Playwright test step with a recognizable title, which the conformance reporter prints
// (suite/report/reporter.ts) and every other reporter ignores or files with the test's steps: no
// console output from the workers. A phase done within 2 seconds prints nothing.
import { test } from '@playwright/test';

/** The title prefix that marks a progress step. */
export const PROGRESS_PREFIX = 'progress: ';
export const PROGRESS_INTERVAL_MS = 2000;

const number = (n: number) => n.toLocaleString('en-US');

export class Progress {
  private done = 0;
  private last: number;

  /** `label`: what the line says, e.g. "limit fill: filled" gives "limit fill: filled 1,200 / 3,499". */
  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly emit: (title: string) => Promise<void> = (title) => test.step(title, async () => {}),
    private readonly now: () => number = Date.now,
  ) {
    this.last = now();
  }

  /** Counts `n` more done (safe from concurrent lanes); emits a line when 2 s have passed since the last. */
  async advance(n = 1): Promise<void> {
    this.done += n;
    const t = this.now();
    if (t - this.last < PROGRESS_INTERVAL_MS) return;
    this.last = t;
    await this.emit(`${PROGRESS_PREFIX}${this.label} ${number(this.done)} / ${number(this.total)}`);
  }
}
