// Stopping Playwright early (Ctrl-C, or SIGTERM to the packaged CLI): SIGINT to the runner, which
// stops its workers, runs global teardown (the zone's cleanup) and writes the reports. One case never
// ends by itself: an interrupt while a worker is still starting leaves the runner waiting for that
// worker to exit and the worker waiting for a job (seen under load, about one in four interrupts that
// land as the tests begin). So a watchdog: still running `graceMs` after the interrupt, the
// runner's workers are killed. Their requests are journaled before they go out (suite/state), so
// nothing a killed worker wrote escapes the teardown's cleanup, which then runs as usual.
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { statFields } from '../run/proc-stat';

/** How long Playwright gets to stop its workers before they are killed. */
export const INTERRUPT_GRACE_MS = 20_000;

/** Process ids of `pid`'s Playwright worker processes (their command names workerProcessEntry). */
export function workerPids(pid: number): number[] {
  if (fs.existsSync('/proc/self/stat')) {
    const found: number[] = [];
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const ppid = Number(statFields(fs.readFileSync(`/proc/${d}/stat`, 'utf8'))[1]); // field 4
        if (ppid === pid && fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('workerProcessEntry')) found.push(Number(d));
      } catch {
        // gone meanwhile
      }
    }
    return found;
  }
  try {
    return execFileSync('pgrep', ['-P', String(pid), '-f', 'workerProcessEntry'], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Runners whose watchdog is armed: one per process, however many signals come. */
const watched = new WeakSet<ChildProcess>();

/**
 * Interrupts `playwright` (SIGINT: it stops its workers, runs global teardown, writes the reports) and
 * arms the watchdog: if it is still running after `graceMs`, its workers get SIGKILL and `say`
 * explains why. Playwright ignores a second SIGINT within a second of the first, so a terminal's
 * Ctrl-C that reached it too counts once.
 */
export function interruptPlaywright(playwright: ChildProcess, say: (line: string) => void = (l) => console.error(l), graceMs = INTERRUPT_GRACE_MS): void {
  if (playwright.exitCode !== null || playwright.signalCode !== null || playwright.pid === undefined) return;
  playwright.kill('SIGINT');
  if (watched.has(playwright)) return;
  watched.add(playwright);
  const timer = setTimeout(() => {
    if (playwright.exitCode !== null || playwright.signalCode !== null) return;
    const workers = workerPids(playwright.pid!);
    if (!workers.length) return;
    say(`Playwright's workers had not stopped ${graceMs / 1000} s after the interrupt: killed them (${workers.join(', ')}); the zone's cleanup follows.`);
    for (const w of workers) {
      try {
        process.kill(w, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }, graceMs);
  timer.unref();
  playwright.once('exit', () => clearTimeout(timer));
}
