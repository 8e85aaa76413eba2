// Per-process request statistics, flushed to disk after every request so that the figure in
// conformance.json is exact even when a worker dies: the reporter sums every process's file.
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

/** Where this process writes its figures; unset means in-memory only (unit tests, tools). */
export function statsFileFor(runDir: string): string {
  return path.join(runDir, `stats-${process.pid}.json`);
}

export function bindStats(runDir: string | undefined): void {
  file = runDir ? statsFileFor(runDir) : undefined;
  if (file && fs.existsSync(file)) current = JSON.parse(fs.readFileSync(file, 'utf8')) as Stats;
}

export function stats(): Readonly<Stats> {
  return current;
}

export function record(update: (s: Stats) => void): void {
  update(current);
  if (file) fs.writeFileSync(file, JSON.stringify(current));
}

export function sumStats(runDir: string): Stats {
  const total = emptyStats();
  if (!fs.existsSync(runDir)) return total;
  for (const f of fs.readdirSync(runDir)) {
    if (!/^stats-\d+\.json$/.test(f)) continue;
    const s = JSON.parse(fs.readFileSync(path.join(runDir, f), 'utf8')) as Stats;
    total.requests += s.requests;
    total.rateLimited += s.rateLimited;
    total.waitedMs += s.waitedMs;
    total.transportRetries += s.transportRetries;
    for (const [k, n] of Object.entries(s.byKind)) total.byKind[k] = (total.byKind[k] ?? 0) + n;
  }
  return total;
}
