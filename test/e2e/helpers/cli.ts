// Runs the suite's real command-line tools as child processes, the way a user or CI does, against a
// target the test started on 127.0.0.1, with reports and run state in a temporary directory.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, launchEnv, NODE_TS } from '../../../suite/run/launch';

export const ROOT = path.resolve(__dirname, '../../..');

export interface Dirs {
  root: string;
  reports: string;
  state: string;
}

/**
 * Temporary directories live in memory where the machine has /dev/shm: the limit scenario writes
 * 3,500 lease files, which take seconds on a slow disk and milliseconds on tmpfs.
 */
const TMP = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

/** Everything this worker process makes goes under one directory, removed when it exits (keep it with E2E_KEEP_TMP=1). */
let parent: string | undefined;
function workDir(): string {
  if (!parent) {
    const dir = fs.mkdtempSync(path.join(TMP, 'e2e-'));
    parent = dir;
    if (!process.env.E2E_KEEP_TMP) process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return parent;
}

export function tempDirs(prefix: string): Dirs {
  const root = fs.mkdtempSync(path.join(workDir(), `${prefix}-`));
  return { root, reports: path.join(root, 'reports'), state: path.join(root, 'state') };
}

/** The zone the external-target tests write in (32 hex digits). */
export const ZONE = '0e2e0000000000000000000000000001';

export interface Target {
  url: string;
  token: string;
  zone?: string;
}

/**
 * The environment of a run: the launcher's (suite/run/launch.ts: every CONFORMANCE_* variable of the parent
 * dropped, each the suite reads set empty so the repo's .env cannot fill it in), plus what the test sets.
 */
export function runEnv(dirs: Dirs, target: Target | undefined, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return launchEnv({
    CONFORMANCE_REPORTS_DIR: dirs.reports,
    CONFORMANCE_STATE_DIR: dirs.state,
    CONFORMANCE_EXPECTATIONS: path.join(dirs.root, 'conformance.expectations.json'),
    CONFORMANCE_SEED: '20261128',
    CONFORMANCE_NUM_RUNS: '3',
    // One worker: the selections are small, and the e2e tests themselves run two at a time.
    CONFORMANCE_WORKERS: '1',
    ...(target ? { CONFORMANCE_BASE_URL: target.url, CONFORMANCE_API_TOKEN: target.token, CONFORMANCE_ZONE_ID: target.zone ?? ZONE } : {}),
    ...extra,
  });
}

export interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface Running {
  child: ChildProcess;
  done: Promise<Result>;
  /** SIGKILL to the whole process group (npm, tsx, the Playwright runner and its workers) and to a --spawn target's. */
  killGroup(): void;
}

/** The kill of every command still running: a failed test's worker stops, and its runs must not live
 * on beside the retry (they would compete for the cores and write in removed directories). */
const running = new Set<() => void>();
let killOnExit = false;

/** Starts a command in a process group of its own (so kill -9 reaches every process of the run). */
export function start(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000, cwd = ROOT): Running {
  const t0 = Date.now();
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const killGroup = () => {
    // The group of a target that `run --spawn` started is its own (suite/cli/spawn.ts): named in the
    // run's first line, and killed too, so that a timed-out test leaves no server behind.
    const spawned = /process group (\d+)/.exec(stdout);
    const stopped = stdout.includes('Stopped the implementation under test');
    for (const pgid of [child.pid!, ...(spawned && !stopped ? [Number(spawned[1])] : [])]) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  const timer = setTimeout(killGroup, timeoutMs);
  running.add(killGroup);
  if (!killOnExit) {
    killOnExit = true;
    process.on('exit', () => running.forEach((kill) => kill()));
  }
  const done = new Promise<Result>((resolve) => {
    child.on('close', (code, signal) => {
      running.delete(killGroup);
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 });
    });
  });
  return { child, done, killGroup };
}

/** `node --import tsx suite/cli/<tool>.ts ...args` (no npx: it adds a second of start-up). */
export function tool(name: 'run' | 'cleanup' | 'merge', args: string[], env: NodeJS.ProcessEnv, timeoutMs?: number): Running {
  return start(process.execPath, [...NODE_TS, `suite/cli/${name}.ts`, ...args], env, timeoutMs);
}

/** `npm run conformance -- ...args` through the launcher (env: runEnv's, on top of its clean environment). */
export const conformance = (args: string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<Result> =>
  launch({ entry: 'cli', args, settings: definedOnly(env), timeoutMs }).done;

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** The run's conformance.json. */
export function report(dirs: Dirs): Report {
  return JSON.parse(fs.readFileSync(path.join(dirs.reports, 'conformance.json'), 'utf8')) as Report;
}

export interface Row {
  id: string;
  level: string;
  status: string;
  failures?: string[];
  evidence?: Array<{
    requirement: string;
    level: string;
    expected: string;
    detail: string;
    replay: string;
    exchanges: Array<{
      request: { method: string; url: string; headers: Record<string, string>; body?: string };
      response?: { status: number; headers: Record<string, string>; body: string };
      curl: string;
    }>;
  }>;
  stale?: boolean;
  expired?: boolean;
  reason?: string;
  observations?: string[];
}

export interface Report {
  verdict: string;
  requests: number;
  seed: number;
  rateLimit: { responses429: number; waitedMs: number };
  transportRetries: number;
  requirements: Row[];
  staleExpectations: string[];
  errors: string[];
  unattributedFailures: string[];
}

export const row = (r: Report, id: string): Row => {
  const found = r.requirements.find((q) => q.id === id);
  if (!found) throw new Error(`no requirement ${id} in the report`);
  return found;
};

/** Shown when an expectation on a run fails: what the run printed. */
export function transcript(r: Result): string {
  const tail = (s: string) => s.split('\n').slice(-60).join('\n');
  return `exit ${r.code ?? r.signal} after ${r.ms} ms\n--- stdout ---\n${tail(r.stdout)}\n--- stderr ---\n${tail(r.stderr)}`;
}
