// From test outcomes to the requirement matrix and the verdict. Pure: the reporter feeds it, the
// unit tests drive it directly.
import type { Finding } from '../judging/annotations';
import { REQUIREMENTS, type Level, type MatrixCell, type Operation } from '../judging/requirements';
import { isExpired, type Expectation } from './expectations';
import { decide, skippedMusts, type SkippedMust, type VerdictOptions } from './verdict';

export type RequirementStatus = 'passed' | 'failed' | 'skipped' | 'expected-failure';

export interface TestOutcome {
  title: string;
  file: string;
  line: number;
  /** passed: ran to the end; failed: stopped by an error; skipped: not run (with a reason). */
  status: 'passed' | 'failed' | 'skipped';
  cited: string[];
  violations: Finding[];
  observations: Finding[];
  /** Every requirement the test could not show because the target omits what it is about (message: why). */
  notApplicable?: Finding[];
  error?: string;
  skipReason?: string;
  evidence: unknown[];
  /** Matrix cells the test declares ("<ID> <cell>", suite/judging/verify.ts cells()). */
  cells?: string[];
  /** Matrix cell outcomes it recorded ("<ID> <cell> passed|failed|skipped[ <reason>]"). */
  cellResults?: string[];
}

/** One cell of a requirement's rule x operation matrix, as the run left it. */
export interface CellRow {
  id: string;
  operation: string;
  position: string;
  input?: string;
  status: RequirementStatus;
  /** Why it was skipped (or the expectation that excuses its failure). */
  reason?: string;
  /** The tests that declare it: "file:line title". */
  tests: string[];
}

export interface RequirementRow {
  id: string;
  level: Level;
  operation: Operation;
  status: RequirementStatus;
  title: string;
  source: string;
  tests: string[];
  failures?: string[];
  observations?: string[];
  reason?: string;
  /** Skipped because the target omits what the requirement is about (reason says what). */
  notApplicable?: boolean;
  stale?: boolean;
  expired?: boolean;
  evidence?: unknown[];
  /** The requirement's matrix cells with their status (cross-cutting requirements only). */
  cells?: CellRow[];
}

export interface Verdict {
  verdict: 'pass' | 'fail';
  requirements: RequirementRow[];
  staleExpectations: string[];
  /** Expectations past their date: they excuse nothing any more. */
  expiredExpectations: string[];
  /** The MUSTs no test showed, with the reason: the verdict does not cover them. */
  skippedMust: SkippedMust[];
  unattributed: string[];
}

/**
 * A requirement fails when a test recorded a violation of it, or when a test citing it stopped on
 * an error no requirement claimed (the error counts against every requirement the test names).
 * It passes when a test citing it ran to the end without violating it; otherwise it is skipped.
 */
export function judge(outcomes: TestOutcome[], expectations: Expectation[], opts: VerdictOptions & { today?: Date } = {}): Verdict {
  const rows: RequirementRow[] = [];
  const unattributed: string[] = [];
  for (const o of outcomes)
    if (o.status === 'failed' && o.violations.length === 0)
      unattributed.push(`${o.title} (${o.file}:${o.line}): ${o.error ?? 'failed'}`);
  const stale: string[] = [];
  const expired: string[] = [];
  for (const req of REQUIREMENTS.values()) {
    const citing = outcomes.filter((o) => o.cited.includes(req.id));
    const failures: string[] = [];
    const evidence: unknown[] = [];
    for (const o of citing) {
      const own = o.violations.filter((v) => v.requirement === req.id);
      for (const v of own) failures.push(`${o.title}: ${v.message.trim()}`);
      if (own.length)
        evidence.push(...o.evidence.filter((e) => (e as { requirement?: string })?.requirement === req.id));
      if (o.status === 'failed' && o.violations.length === 0) failures.push(`${o.title}: ${o.error ?? 'failed'}`);
    }
    const na = (o: TestOutcome) => (o.notApplicable ?? []).filter((f) => f.requirement === req.id).map((f) => f.message);
    // A passing test that could not show the requirement (the target omits its field) does not count.
    const ranClean = citing.some((o) => o.status === 'passed' && na(o).length === 0);
    const naReasons = [...new Set(outcomes.flatMap(na))];
    let status: RequirementStatus = failures.length ? 'failed' : ranClean ? 'passed' : 'skipped';
    const exp = expectations.find((e) => e.id === req.id);
    const row: RequirementRow = {
      id: req.id,
      level: req.level,
      operation: req.operation,
      status,
      title: req.title,
      source: req.source,
      tests: [...new Set(citing.map((o) => `${o.file}:${o.line} ${o.title}`))],
    };
    if (failures.length) row.failures = failures;
    if (evidence.length) row.evidence = evidence;
    const obs = citing.flatMap((o) => o.observations.filter((x) => x.requirement === req.id).map((x) => x.message.trim()));
    if (obs.length) row.observations = [...new Set(obs)];
    if (status === 'skipped') {
      const reasons = [...new Set(citing.map((o) => o.skipReason ?? (o.status === 'failed' ? 'stopped before this check by another failure' : undefined)).filter(Boolean))];
      row.reason = reasons.length ? reasons.join('; ') : 'no test ran it';
      if (naReasons.length) {
        row.reason = `not applicable: ${naReasons.join('; ')}`;
        row.notApplicable = true;
      }
    }
    if (exp) {
      row.reason = exp.reason;
      if (isExpired(exp, opts.today)) {
        row.expired = true;
        expired.push(req.id);
      }
      else if (status === 'failed') status = row.status = 'expected-failure';
      else if (status === 'passed') {
        row.stale = true;
        stale.push(req.id);
      }
    }
    if (req.matrix) row.cells = judgeCells(req.id, req.matrix, outcomes, exp && !isExpired(exp, opts.today) ? exp.reason : undefined);
    rows.push(row);
  }
  return {
    verdict: decide(rows, opts),
    requirements: rows,
    staleExpectations: stale,
    expiredExpectations: expired,
    skippedMust: skippedMusts(rows),
    unattributed,
  };
}

/**
 * A cell failed when a check recorded it failed, passed when one recorded it passed and none failed;
 * otherwise it is skipped, with the first telling reason: the catalogue's (a cell no check can
 * exercise), a recorded skip, the declaring test's skip, or that the test stopped before reaching it.
 */
export function judgeCells(id: string, matrix: MatrixCell[], outcomes: TestOutcome[], excused?: string): CellRow[] {
  return matrix.map((cell) => {
    const key = `${id} ${cell.id}`;
    const declaring = outcomes.filter((o) => o.cells?.includes(key));
    const results = outcomes.flatMap((o) => (o.cellResults ?? []).filter((r) => r.startsWith(`${key} `)).map((r) => r.slice(key.length + 1)));
    const row: CellRow = { id: cell.id, operation: cell.operation, position: cell.position, status: 'skipped', tests: declaring.map((o) => `${o.file}:${o.line} ${o.title}`) };
    if (cell.input) row.input = cell.input;
    if (results.includes('failed')) {
      row.status = excused ? 'expected-failure' : 'failed';
      if (excused) row.reason = excused;
    } else if (results.includes('passed')) row.status = 'passed';
    else {
      const skips = results.filter((r) => r.startsWith('skipped')).map((r) => r.slice('skipped'.length).trim() || 'skipped');
      const reasons = [
        ...(cell.reason ? [cell.reason] : []),
        ...skips,
        ...declaring.filter((o) => o.status === 'skipped').map((o) => o.skipReason ?? 'skipped'),
        ...declaring.filter((o) => o.status === 'failed').map(() => 'the test stopped before this cell: another check failed first'),
      ];
      row.reason = [...new Set(reasons)].join('; ') || (declaring.length ? 'declared by a test that did not record it' : 'no test ran it');
    }
    return row;
  });
}
