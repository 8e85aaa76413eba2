// Per-process request statistics, flushed to disk after every request so that the figure in
// conformance.json is exact even when a worker dies: the reporter sums every process's file.
// The file stays open and is rewritten in place (one positional write): a write(2) reaches the page
// cache and outlives a killed process just as well, without writeFileSync's open-truncate-write-close,
// which costs milliseconds on ext4 (a truncated-then-rewritten file is flushed on close) and left a
// moment where a killed worker's file was empty.
import fs from 'node:fs';
import path from 'node:path';

export interface Stats {
  requests: number;
  /** Requests by kind, "METHOD /route-template" (the dry run lists the mutating ones). */
  byKind: Record<string, number>;
  rateLimited: number;
  waitedMs: number;
  transportRetries: number;
}

export function emptyStats(): Stats {
  return { requests: 0, byKind: {}, rateLimited: 0, waitedMs: 0, transportRetries: 0 };
}

let current: Stats = emptyStats();
let file: string | undefined;
let fd: number | undefined;
/** Bytes of the file's current content: a shorter rewrite truncates the rest. */
let written = 0;

/** Where this process writes its figures; unset means in-memory only (unit tests, tools). */
export function statsFileFor(runDir: string): string {
  return path.join(runDir, `stats-${process.pid}.json`);
}

export function bindStats(runDir: string | undefined): void {
  if (fd !== undefined) fs.closeSync(fd);
  fd = undefined;
  written = 0;
  file = runDir ? statsFileFor(runDir) : undefined;
  if (!file) return;
  // A process that binds to another run (global setup of several runs in one invocation) starts
  // that run's figures from its file, or from zero: never from the previous run's.
  current = emptyStats();
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8');
    if (text.trim()) current = JSON.parse(text) as Stats;
  }
  fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o644);
  written = fs.fstatSync(fd).size;
}

export function stats(): Readonly<Stats> {
  return current;
}

export function record(update: (s: Stats) => void): void {
  update(current);
  flush();
}

function flush(): void {
  if (fd === undefined) return;
  const data = Buffer.from(JSON.stringify(current));
  fs.writeSync(fd, data, 0, data.length, 0);
  if (data.length < written) fs.ftruncateSync(fd, data.length);
  written = data.length;
}

export function sumStats(runDir: string): Stats {
  const total = emptyStats();
  if (!fs.existsSync(runDir)) return total;
  for (const f of fs.readdirSync(runDir)) {
    if (!/^stats-\d+\.json$/.test(f)) continue;
    // A worker that stopped before its first request leaves an empty file: it sent nothing.
    const text = fs.readFileSync(path.join(runDir, f), 'utf8');
    if (!text.trim()) continue;
    const s = JSON.parse(text) as Stats;
    total.requests += s.requests;
    total.rateLimited += s.rateLimited;
    total.waitedMs += s.waitedMs;
    total.transportRetries += s.transportRetries;
    for (const [k, n] of Object.entries(s.byKind)) total.byKind[k] = (total.byKind[k] ?? 0) + n;
  }
  return total;
}
