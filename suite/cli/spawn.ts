// `run --spawn "<command>"`: the implementation under test as a child of the run. It starts in a
// process group of its own (a shell command may start more processes), the run waits until the
// target URL answers at all (any HTTP status), and the whole group is stopped at the end: SIGTERM,
// then SIGKILL after a grace period. Its output goes to a log file, with the token redacted.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { redact } from '../transport/redact';
import { sleep } from '../transport/throttle';

export interface Spawned {
  child: ChildProcess;
  /** Output kept so far (redacted), for error messages. */
  tail(lines?: number): string;
  /** Resolves when the shell has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops the whole process group (idempotent). */
  stop(graceMs?: number): Promise<void>;
  /** Last resort on process exit: SIGKILL to the group, synchronously. */
  killNow(): void;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone
  }
}

export function startTarget(command: string, logFile: string, env: NodeJS.ProcessEnv = process.env): Spawned {
  const log = fs.openSync(logFile, 'w');
  const kept: string[] = [];
  const partial = { stdout: '', stderr: '' };
  // Line by line, so that a token split across two chunks is still redacted.
  let closed = false;
  const write = (text: string) => {
    if (closed) return;
    const clean = redact(text);
    fs.writeSync(log, clean);
    kept.push(...clean.split('\n').filter(Boolean));
    if (kept.length > 200) kept.splice(0, kept.length - 200);
  };
  const child = spawn(command, { shell: true, detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream]!.on('data', (d: Buffer) => {
      const text = partial[stream] + d.toString('utf8');
      const cut = text.lastIndexOf('\n') + 1;
      partial[stream] = text.slice(cut);
      if (cut) write(text.slice(0, cut));
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('error', (e) => {
      write(`could not start: ${e.message}\n`);
      resolve({ code: null, signal: null });
    });
    child.on('close', (code, signal) => {
      for (const stream of ['stdout', 'stderr'] as const) if (partial[stream]) write(`${partial[stream]}\n`);
      partial.stdout = partial.stderr = '';
      resolve({ code, signal });
    });
  });
  let stopping: Promise<void> | undefined;
  const pid = child.pid;
  const killNow = () => {
    if (pid) signalGroup(pid, 'SIGKILL');
  };
  const stop = (graceMs = 5000) =>
    (stopping ??= (async () => {
      if (pid && groupAlive(pid)) {
        signalGroup(pid, 'SIGTERM');
        const deadline = Date.now() + graceMs;
        while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
        if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
      }
      // The pipes close once every process of the group is gone.
      await Promise.race([exited, sleep(2000)]);
      closed = true;
      fs.closeSync(log);
    })());
  return { child, tail: (n = 20) => kept.slice(-n).join('\n'), exited, stop, killNow };
}

/** How long an answering target's command must stay alive before the run trusts the answer. */
const SETTLE_MS = 500;

/** Asks `url` once: undefined when it answers at all (any HTTP status), else why not. */
async function ask(url: string, attemptMs: number): Promise<string | undefined> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(attemptMs) });
    await r.body?.cancel();
    return undefined;
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? (e as Error).message;
  }
}

/** Whether anything answers at `url` now (any HTTP status), asked once. */
export async function answersNow(url: string, attemptMs = 1000): Promise<boolean> {
  return (await ask(url, attemptMs)) === undefined;
}

/**
 * Waits until `url` answers with any HTTP response (each attempt given `attemptMs`). Rejects with the
 * last connection error on timeout, or as soon as the target's process exits.
 */
export async function waitForUrl(url: string, timeoutMs: number, target: Spawned, attemptMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no attempt made';
  let exit: string | undefined;
  void target.exited.then(({ code, signal }) => (exit = String(code ?? signal)));
  for (;;) {
    if (exit !== undefined) throw new Error(`the command exited (${exit}) before ${url} answered`);
    const error = await ask(url, Math.max(100, Math.min(attemptMs, deadline - Date.now())));
    if (error === undefined) {
      // A command that cannot bind its port dies a moment after its first try: give it that moment.
      if (exit === undefined) await sleep(SETTLE_MS);
      // The command died (its port already taken, say) while another process answers there.
      if (exit !== undefined) throw new Error(`the command exited (${exit}), yet ${url} answers: another process holds that port`);
      return;
    }
    lastError = error;
    if (Date.now() >= deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (last error: ${lastError})`);
    await sleep(200);
  }
}
