// Run-scoped data that survives a crash. Layout of a run directory (.conformance/<runId>/):
//   run.json           target, zones, start time; "completed" once cleanup has finished
//   context.json       the run context and supported regions for the workers (suite/run/run-context.ts)
//   snapshot.json      the zones' mappings at preflight: what "restore exactly" restores
//   journal-<pid>.jsonl one line per address, written (appendFileSync) BEFORE a request may change it,
//                       and a "settled" line once the address is back as it was
//   leases/<zone>-<key> address claims: O_EXCL file creation is atomic across worker processes
//   stats-<pid>.json    request figures (stats.ts)
// conformance:cleanup (suite/state/cleanup.ts) replays the journals of any run that did not complete.
import fs from 'node:fs';
import path from 'node:path';
import type { Mapping } from '../../contract';
import { canonicalOf, laxReadings } from '../ip/oracle';

export interface RunInfo {
  runId: string;
  baseUrl: string;
  embedded: boolean;
  zones: string[];
  startedAt: string;
  completed?: string;
  /** Set on a dry run: the real target it rehearsed (run.baseUrl is then the embedded twin). */
  dryRunOf?: string;
}

export interface JournalLine {
  t: 'touch' | 'settled';
  zone: string;
  /** Canonical text when the input parses, else the raw text as sent. */
  key: string;
  /** The mapping the zone held at preflight, or null when the run created it. */
  prev: Mapping | null;
  at: number;
  seq: number;
}

export type Snapshot = Record<string, Mapping[]>;

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export function writeJsonAtomic(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value, null, 1));
  fs.renameSync(tmp, file);
}

/** Every key a request naming `text` may change on a target: its canonical form, or, for text that
 * is not a plain address, the text itself and every address a lax parser could store for it. */
export function keysFor(text: string): string[] {
  const c = canonicalOf(text);
  if (c !== null) return [c];
  return [...new Set([text, ...laxReadings(text)])];
}

let seq = 0;

export class Journal {
  private readonly file: string;
  private readonly snapshotIndex = new Map<string, Map<string, Mapping>>();
  /** Keys this process has an unsettled touch line for. */
  private readonly open = new Set<string>();

  constructor(readonly runDir: string) {
    this.file = path.join(runDir, `journal-${process.pid}.jsonl`);
    const snap = readJson<Snapshot>(path.join(runDir, 'snapshot.json'));
    for (const [zone, mappings] of Object.entries(snap)) {
      const m = new Map<string, Mapping>();
      for (const x of mappings) m.set(canonicalOf(x.origin_ip) ?? x.origin_ip, x);
      this.snapshotIndex.set(zone, m);
    }
    fs.mkdirSync(path.join(runDir, 'leases'), { recursive: true });
  }

  /** The zone's mapping at preflight, if any. */
  preexisting(zone: string, key: string): Mapping | undefined {
    return this.snapshotIndex.get(zone)?.get(key);
  }

  /**
   * Claims an address for this test alone. False when another test of this run holds it, or when
   * it existed in the zone before the run (other people's data is never a test address).
   */
  claim(zone: string, canonical: string): boolean {
    if (this.preexisting(zone, canonical)) return false;
    try {
      fs.closeSync(fs.openSync(this.leaseFile(zone, canonical), 'wx'));
      return true;
    } catch {
      return false;
    }
  }

  release(zone: string, canonical: string): void {
    fs.rmSync(this.leaseFile(zone, canonical), { force: true });
  }

  private leaseFile(zone: string, key: string): string {
    return path.join(this.runDir, 'leases', `${zone}-${Buffer.from(key).toString('hex')}`);
  }

  /** Records, before the request goes out, every key that a write naming these texts may change. */
  touch(zone: string, texts: Iterable<string>): void {
    const lines: string[] = [];
    for (const text of texts) {
      for (const key of keysFor(text)) {
        const id = `${zone} ${key}`;
        if (this.open.has(id)) continue;
        this.open.add(id);
        lines.push(this.line('touch', zone, key));
      }
    }
    if (lines.length) fs.appendFileSync(this.file, lines.join(''));
  }

  /** True while this process has touched the key and not seen it back to its preflight state. */
  isOpen(zone: string, key: string): boolean {
    return this.open.has(`${zone} ${key}`);
  }

  /** Records that these keys are back to their preflight state (deleted, or restored). */
  settle(zone: string, keys: Iterable<string>): void {
    const lines: string[] = [];
    for (const key of keys) {
      const id = `${zone} ${key}`;
      if (!this.open.delete(id)) continue;
      lines.push(this.line('settled', zone, key));
    }
    if (lines.length) fs.appendFileSync(this.file, lines.join(''));
  }

  private line(t: JournalLine['t'], zone: string, key: string): string {
    const l: JournalLine = { t, zone, key, prev: this.preexisting(zone, key) ?? null, at: Date.now(), seq: seq++ };
    return `${JSON.stringify(l)}\n`;
  }
}

/**
 * Every line of the run's per-process JSON-lines files named `<name>-<pid>.jsonl`, over every
 * process. A line cut short by kill -9 names nothing complete and is left out (the line before it
 * still counts).
 */
export function processLines<T>(runDir: string, name: string): T[] {
  if (!fs.existsSync(runDir)) return [];
  const file = new RegExp(`^${name}-\\d+\\.jsonl$`);
  const out: T[] = [];
  for (const f of fs.readdirSync(runDir)) {
    if (!file.test(f)) continue;
    for (const text of fs.readFileSync(path.join(runDir, f), 'utf8').split('\n')) {
      if (!text.trim()) continue;
      try {
        out.push(JSON.parse(text) as T);
      } catch {
        // cut short by a kill
      }
    }
  }
  return out;
}

/** Every journal line of the run, over every process, in time order. */
export function journalLines(runDir: string): JournalLine[] {
  return processLines<JournalLine>(runDir, 'journal').sort((a, b) => a.at - b.at || a.seq - b.seq);
}

/** The last line of each key: a "touch" means the run may have left it changed. */
export function lastLines(runDir: string): JournalLine[] {
  const last = new Map<string, JournalLine>();
  for (const l of journalLines(runDir)) last.set(`${l.zone} ${l.key}`, l);
  return [...last.values()];
}
