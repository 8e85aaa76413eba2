// suite/run/progress.ts with a fake clock: a line only when 2 s have passed since the last one (or since
// the phase began), counting what was done, with thousands separators.
import { expect, test } from '@playwright/test';
import { Progress, PROGRESS_PREFIX } from '../../suite/run/progress';

test('progress lines come at most every 2 seconds and count up; a phase under 2 s prints none', async () => {
  let now = 1_000_000;
  const lines: string[] = [];
  const p = new Progress('limit fill: filled', 3499, async (title) => void lines.push(title), () => now);
  for (let i = 0; i < 35; i++) {
    now += 300;
    await p.advance(100);
  }
  // 35 steps of 0.3 s: a line at 2.1 s, 4.2 s, 6.3 s, 8.4 s and 10.5 s.
  expect(lines).toEqual([700, 1400, 2100, 2800, 3500].map((n) => `${PROGRESS_PREFIX}limit fill: filled ${n.toLocaleString('en-US')} / 3,499`));
  const quiet: string[] = [];
  const fast = new Progress('list walk: listed', 50, async (title) => void quiet.push(title), () => now);
  for (let i = 0; i < 10; i++) {
    now += 199;
    await fast.advance(5);
  }
  expect(quiet).toEqual([]);
});
