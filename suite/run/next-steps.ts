// What the console says at the end of a run: where to look and what to run next. A failed run names
// the report page and the replay command of its first failure; an interrupted run says what its
// cleanup restored (global teardown records it in the run directory before the reporter prints), and
// a run that could not clean up says how the zone gets restored.
import fs from 'node:fs';
import path from 'node:path';
import type { CleanupResult } from '../state/cleanup';
import type { RequirementRow } from '../report/matrix';

const CLEANUP_FILE = 'cleanup-result.json';

export interface RecordedCleanup {
  embedded: boolean;
  deleted: number;
  restored: number;
  /** Mappings the run never wrote, found gone or changed and put back from the preflight snapshot. */
  fromSnapshot: number;
  problems: string[];
  /** Mappings the run's zone held at preflight (what "restored" restores), when the snapshot was read. */
  before?: number;
}

/** Global teardown: what the cleanup did, for the summary the reporter prints after it. */
export function recordCleanup(runDir: string, embedded: boolean, r: CleanupResult): void {
  const out: RecordedCleanup = { embedded, deleted: r.deleted, restored: r.restored, fromSnapshot: r.fromSnapshot.length, problems: r.problems };
  // The tests' own teardown (Playwright runs it on Ctrl-C too) may have deleted most of what the run
  // wrote before this last cleanup: the zone's size before the run says where it is back to.
  try {
    // The run's zone comes first (a second zone, for isolation checks, after it).
    const snapshot = JSON.parse(fs.readFileSync(path.join(runDir, 'snapshot.json'), 'utf8')) as Record<string, unknown[]>;
    const zone = Object.values(snapshot)[0];
    if (Array.isArray(zone)) out.before = zone.length;
  } catch {
    // no snapshot (the run stopped before its preflight): the counts alone
  }
  fs.writeFileSync(path.join(runDir, CLEANUP_FILE), JSON.stringify(out));
}

export function recordedCleanup(runDir: string | undefined): RecordedCleanup | undefined {
  const file = runDir && path.join(runDir, CLEANUP_FILE);
  if (!file || !fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as RecordedCleanup;
  } catch {
    return undefined;
  }
}

const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

/** "deleted 3 mappings the run created, restored 1 mapping it had changed" (and the snapshot's part). */
export function restoredText(r: { deleted: number; restored: number; fromSnapshot: number | unknown[] }): string {
  const snap = typeof r.fromSnapshot === 'number' ? r.fromSnapshot : r.fromSnapshot.length;
  return `deleted ${count(r.deleted, 'mapping')} the run created, restored ${count(r.restored, 'mapping')} it had changed${
    snap ? `, put back ${count(snap, 'mapping')} it never wrote from the preflight snapshot` : ''
  }`;
}

// From the installed package the commands are the package's own (suite/cli/main.ts sets the variable).
const INSTALLED = Boolean(process.env.ORIGIN_CONFORMANCE_COMMAND);
const RUN_COMMAND = process.env.ORIGIN_CONFORMANCE_COMMAND || 'npm run conformance --';

/** The command that replays one test with the run's seed, printed with every failure. */
export function replayCommand(ctx: { seed: number }, testInfo: { file: string; line: number }, extra = ''): string {
  const file = path.relative(process.cwd(), testInfo.file).split(path.sep).join('/');
  return `${extra}CONFORMANCE_SEED=${ctx.seed} ${RUN_COMMAND} ${file}:${testInfo.line}`;
}

export const CLEANUP_HINT = INSTALLED
  ? 'npx origin-cloud-regions-conformance cleanup (same configuration) restores the zone now; the next run does it first'
  : 'npm run conformance:cleanup (same configuration) restores the zone now; the next npm run conformance does it first';

/** The failure to look at first: the first failed MUST in catalogue order, else the first failed requirement. */
export function firstFailure(rows: RequirementRow[]): RequirementRow | undefined {
  const failed = rows.filter((q) => q.status === 'failed');
  return failed.find((q) => q.level === 'MUST') ?? failed[0];
}

/** Its replay command: the evidence's, else the first citing test's file:line with the run's seed. */
export function replayOf(q: RequirementRow, seed: number | null): string | undefined {
  const recorded = (q.evidence as Array<{ replay?: unknown }> | undefined)?.find((e) => typeof e?.replay === 'string')?.replay;
  if (typeof recorded === 'string') return recorded;
  const at = /^(\S+:\d+) /.exec(q.tests[0] ?? '')?.[1];
  return at ? `${seed === null ? '' : `CONFORMANCE_SEED=${seed} `}${RUN_COMMAND} ${at}` : undefined;
}

export interface EndOfRun {
  verdict: string;
  seed: number | null;
  requirements: RequirementRow[];
  /** Playwright's status: 'interrupted' after Ctrl-C. */
  status: string;
  /** The report page, as the user can open it (relative to the working directory when inside it). */
  page: string;
  cleanup: RecordedCleanup | undefined;
}

export function nextSteps(r: EndOfRun): string[] {
  const lines: string[] = [];
  if (r.status === 'interrupted') {
    const c = r.cleanup;
    if (!c) lines.push(`The run was interrupted before its cleanup finished: ${CLEANUP_HINT}.`);
    else if (c.embedded) lines.push('The run was interrupted. Its target was the embedded reference server, which stopped with it: nothing to restore.');
    else if (c.problems.length) lines.push(`The run was interrupted. Its cleanup ${restoredText(c)}, but ${count(c.problems.length, 'problem')} remain: ${CLEANUP_HINT}.`);
    else
      lines.push(
        `The run was interrupted. The zone is restored${c.before === undefined ? '' : ` to the ${count(c.before, 'mapping')} it held before the run`}: the final cleanup ${restoredText(c)}.`,
      );
  }
  const first = firstFailure(r.requirements);
  if (r.verdict === 'fail' || first) {
    lines.push('Next steps:', `  open the report:          ${r.page}`);
    const replay = first && replayOf(first, r.seed);
    if (first && replay) lines.push(`  replay the first failure (${first.level} ${first.id}):`, `    ${replay}`);
  }
  return lines;
}
