// The one rule that turns a requirement matrix into a verdict, used by the reporter (matrix.ts) and by
// the merge of shard reports (merge.ts): a MUST failed (or a SHOULD in strict mode) fails the run; with
// CONFORMANCE_REQUIRE_ALL a MUST that no test showed (skipped) fails it too. The verdict never claims
// more than was checked: every report and the console line list the MUSTs that were skipped, each with
// its reason.
import type { Level } from '../judging/requirements';

export interface VerdictRow {
  id: string;
  level: Level;
  status: string;
  reason?: string;
  notApplicable?: boolean;
}

export interface VerdictOptions {
  strict?: boolean;
  /** A skipped MUST fails the run (CONFORMANCE_REQUIRE_ALL). */
  requireAll?: boolean;
}

export interface SkippedMust {
  id: string;
  reason: string;
}

export function skippedMusts(rows: VerdictRow[]): SkippedMust[] {
  return rows
    .filter((r) => r.level === 'MUST' && r.status === 'skipped')
    .map((r) => ({ id: r.id, reason: r.reason ?? 'no test ran it' }));
}

/** pass or fail for a run that completed; an error of the run is decided by its caller. */
export function decide(rows: VerdictRow[], opts: VerdictOptions = {}): 'pass' | 'fail' {
  const failing = rows.some((r) => r.status === 'failed' && (r.level === 'MUST' || (opts.strict && r.level === 'SHOULD')));
  if (failing) return 'fail';
  // A MUST the target gives nothing to show (it omits an optional field) is not a gap of the run.
  if (opts.requireAll && rows.some((r) => r.level === 'MUST' && r.status === 'skipped' && !r.notApplicable)) return 'fail';
  return 'pass';
}

/**
 * "PASS (6 MUST skipped: ZONE-ISOLATION, AUTH-ZONE needs a second zone: set CONFORMANCE_ZONE_ID_B; ...)":
 * the verdict with what it does not cover, the skipped MUSTs grouped by reason.
 */
export function verdictLine(verdict: string, skipped: SkippedMust[], opts: VerdictOptions = {}): string {
  const head = verdict.toUpperCase();
  if (!skipped.length) return head;
  const byReason = new Map<string, string[]>();
  for (const s of skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.id]);
  const parts = [...byReason].map(([reason, ids]) => `${ids.join(', ')}: ${reason}`);
  const tail = opts.requireAll ? '; CONFORMANCE_REQUIRE_ALL=1 counts each as a failure' : '';
  return `${head} (${skipped.length} MUST skipped: ${parts.join('; ')}${tail})`;
}
