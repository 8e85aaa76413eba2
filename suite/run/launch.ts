// The one way a program starts the suite (the self-test, the bench, the end-to-end tests): a clean
// environment (no CONFORMANCE_* of the caller and none from .env: a developer's .env pointing at
// staging never leaks into a launched run), the settings the caller names, a process group of its own
// (a timeout or a kill stops the runner and its workers together), and the run's conformance.json.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanEnv, ROOT } from '../config/config';
import type { ConformanceReport } from '../report/types';

export interface LaunchOptions {
  /** Variables on top of the clean environment: CONFORMANCE_* settings and any other. */
  settings?: Record<string, string>;
  /** Arguments after the entry: spec files, --grep, --max-failures, -c ... */
  args?: string[];
  /**
   * cli: suite/cli/run.ts through tsx, exit codes as a user gets them (0 pass, 1 fail, 2 error);
   * playwright: `playwright test` itself, without the tsx wrapper (about 2 s of CPU less a run: the
   * self-test's hundred runs), judged from conformance.json.
   */
  entry?: 'cli' | 'playwright';
  /** Where the output goes: a log file, kept in memory ('pipe', the default), or the caller's. */
  output?: { file: string } | 'pipe' | 'inherit' | 'ignore';
  /** The run is stopped (its whole process group) after this long; default 15 minutes. */
  timeoutMs?: number;
  /** Also measure the CPU (user and system) of every process of the run: it runs under bash's `times`. */
  cpu?: boolean;
}

export interface LaunchResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** With output 'pipe'. */
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
  /** With cpu: seconds of user and system time of the run's processes. */
  cpu?: { user: number; sys: number };
  /** The run's reports directory (CONFORMANCE_REPORTS_DIR of the settings, or reports/). */
  reportsDir: string;
  /** Its conformance.json; undefined when the run wrote none (a configuration or harness error). */
  report(): ConformanceReport | undefined;
}

export interface Launched {
  child: ChildProcess;
  done: Promise<LaunchResult>;
  /** SIGKILL to the whole process group: the runner, its workers, anything they started. */
  kill(): void;
}

type StdioTarget = number | 'pipe' | 'inherit' | 'ignore';

/**
 * Node's arguments that run a TypeScript entry in this very process. Not the tsx CLI: it wraps the
 * entry in a second process and relays SIGINT/SIGTERM with a 30 ms deadline, then SIGKILLs an entry
 * that misses it (a loaded machine does), which orphans the runner's own children and skips its cleanup.
 */
export const NODE_TS: readonly string[] = ['--import', pathToFileURL(require.resolve('tsx')).href];
const PLAYWRIGHT = require.resolve('@playwright/test/cli');

/** The environment of a launched run. Variables of an enclosing Playwright run (a test that launches
 * the suite) are dropped too: the inner runner must not take them for its own; so is the self-test's
 * shared-workers flag, which would take the zone-wide tests' exclusive lock away (suite/judging/verify.ts). */
export function launchEnv(settings: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = cleanEnv();
  for (const k of Object.keys(env)) if (/^(PLAYWRIGHT_|PW_|TEST_)|^FORCE_COLOR$|^CI$|^ORIGIN_CONFORMANCE_SHARED_WORKERS$/.test(k)) delete env[k];
  return { ...env, ...settings };
}

export function launch(options: LaunchOptions = {}): Launched {
  const env = launchEnv(options.settings);
  const entry = options.entry === 'playwright' ? [PLAYWRIGHT, 'test'] : [...NODE_TS, path.join(ROOT, 'suite', 'cli', 'run.ts')];
  let command = process.execPath;
  let args = [...entry, ...(options.args ?? [])];
  if (options.cpu) {
    args = ['-c', '"$@"; rc=$?; times >&3; exit $rc', 'launch', command, ...args];
    command = 'bash';
  }
  const output = options.output ?? 'pipe';
  const fd = typeof output === 'object' ? fs.openSync(output.file, 'w') : undefined;
  const out: StdioTarget = fd ?? (output as Exclude<typeof output, { file: string }>);
  const stdio: StdioTarget[] = ['ignore', out, out, ...(options.cpu ? ['pipe' as const] : [])];
  const t0 = Date.now();
  const child: ChildProcess = spawn(command, args, { cwd: ROOT, env, detached: true, stdio });
  let stdout = '';
  let stderr = '';
  let times = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdio[3]?.on('data', (d: Buffer) => (times += d.toString()));
  const kill = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  running.add(kill);
  let timedOut = false;
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const timer = setTimeout(() => {
    timedOut = true;
    if (typeof output === 'object') fs.appendFileSync(output.file, `\nlaunch: stopped after ${timeoutMs} ms\n`);
    kill();
  }, timeoutMs);
  const reportsDir = path.resolve(ROOT, env.CONFORMANCE_REPORTS_DIR || 'reports');
  const done = new Promise<LaunchResult>((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      running.delete(kill);
      if (fd !== undefined) fs.closeSync(fd);
      resolve({
        code,
        signal,
        stdout,
        stderr,
        ms: Date.now() - t0,
        timedOut,
        ...(options.cpu ? { cpu: parseTimes(times) } : {}),
        reportsDir,
        report: () => {
          const file = path.join(reportsDir, 'conformance.json');
          return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ConformanceReport) : undefined;
        },
      });
    };
    child.on('error', (e: Error) => {
      stderr += `launch: could not start ${command}: ${e.message}\n`;
      finish(null, null);
    });
    child.on('close', finish);
  });
  return { child, done, kill };
}

/** bash's `times`: the second line is the children's user and system time, e.g. "0m12.345s 0m1.234s". */
function parseTimes(text: string): { user: number; sys: number } {
  const secs = (t: string | undefined) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t ?? '');
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  const [user, sys] = (text.trim().split('\n')[1] ?? '').trim().split(/\s+/);
  return { user: secs(user), sys: secs(sys) };
}

/** Runs in flight, stopped with the launching process (they are detached: a signal to it does not reach them). */
const running = new Set<() => void>();
let hooked = false;
/** Stops every launched run when this process gets SIGINT or SIGTERM (then exits 130). */
export function stopLaunchedOnSignal(): void {
  if (hooked) return;
  hooked = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      for (const kill of running) kill();
      process.exit(130);
    });
}
