// Merges the conformance.json of several shards (`--shard i/n`, one machine each) into one report.
// Each shard ran a part of the tests, so a requirement its tests did not reach is "skipped" there:
// the merged status is the most telling one over the shards (failed > expected-failure > passed >
// skipped), request figures are summed, and the verdict is judged again on the merged matrix.
import type { CellRow, RequirementRow, RequirementStatus } from './matrix';
import type { ConformanceReport } from './types';
import { decide, skippedMusts } from './verdict';

const RANK: Record<RequirementStatus, number> = { skipped: 0, passed: 1, 'expected-failure': 2, failed: 3 };

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

function mergeRows(rows: RequirementRow[]): RequirementRow {
  const worst = rows.reduce((a, b) => (RANK[b.status] > RANK[a.status] ? b : a));
  const merged: RequirementRow = {
    id: worst.id,
    level: worst.level,
    operation: worst.operation,
    status: worst.status,
    title: worst.title,
    source: worst.source,
    tests: uniq(rows.flatMap((r) => r.tests)),
  };
  const failures = rows.flatMap((r) => r.failures ?? []);
  if (failures.length) merged.failures = failures;
  const evidence = rows.flatMap((r) => r.evidence ?? []);
  if (evidence.length) merged.evidence = evidence;
  const observations = uniq(rows.flatMap((r) => r.observations ?? []));
  if (observations.length) merged.observations = observations;
  // A skip reason only matters when no shard ran the requirement; an expectation's reason always.
  const telling = merged.status === 'skipped' ? rows : rows.filter((r) => r.status !== 'skipped');
  const reasons = uniq(telling.map((r) => r.reason).filter((x): x is string => !!x));
  if (reasons.length) merged.reason = reasons.join('; ');
  if (merged.status === 'passed' && rows.some((r) => r.stale)) merged.stale = true;
  if (merged.status === 'skipped' && rows.every((r) => r.notApplicable)) merged.notApplicable = true;
  if (rows.some((r) => r.expired)) merged.expired = true;
  const cells = mergeCells(rows);
  if (cells) merged.cells = cells;
  return merged;
}

/** A cell's merged status is its most telling one over the shards, like a requirement's. */
function mergeCells(rows: RequirementRow[]): CellRow[] | undefined {
  const withCells = rows.filter((r) => r.cells);
  if (!withCells.length) return undefined;
  const byId = new Map<string, CellRow[]>();
  for (const r of withCells) for (const c of r.cells!) byId.set(c.id, [...(byId.get(c.id) ?? []), c]);
  return [...byId.values()].map((cs) => {
    const worst = cs.reduce((a, b) => (RANK[b.status] > RANK[a.status] ? b : a));
    const merged: CellRow = { ...worst, tests: uniq(cs.flatMap((c) => c.tests)) };
    const telling = merged.status === 'skipped' ? cs : cs.filter((c) => c.status !== 'skipped');
    const reasons = uniq(telling.map((c) => c.reason).filter((x): x is string => !!x));
    if (reasons.length) merged.reason = reasons.join('; ');
    else delete merged.reason;
    return merged;
  });
}

export interface MergedReport extends ConformanceReport {
  shards: Array<{ source: string; shard: string | null; verdict: string; seed: number | null; requests: number; target: string | null }>;
  /** Merged knowingly without every shard (--partial): what is missing. The verdict covers only the shards given. */
  partial: string | null;
}

/**
 * Why a set of shard reports is not one whole run: a report that records no shard, shards of
 * different totals, a shard given twice or missing. Undefined when the set is complete.
 */
export function shardSetProblem(inputs: Array<{ source: string; report: Pick<ConformanceReport, 'shard'> }>): string | undefined {
  const parsed = inputs.map(({ source, report }) => ({ source, m: /^(\d+)\/(\d+)$/.exec(report.shard ?? '') }));
  const unsharded = parsed.filter((p) => !p.m).map((p) => p.source);
  if (unsharded.length) return `${unsharded.join(', ')} ${unsharded.length > 1 ? 'record' : 'records'} no shard (a run with --shard i/n records it)`;
  const totals = [...new Set(parsed.map((p) => Number(p.m![2])))];
  if (totals.length > 1) return `the reports come from splits into ${totals.join(' and ')} shards`;
  const n = totals[0]!;
  const seen = new Map<number, string>();
  const problems: string[] = [];
  for (const p of parsed) {
    const i = Number(p.m![1]);
    if (seen.has(i)) problems.push(`shard ${i}/${n} is given twice (${seen.get(i)} and ${p.source})`);
    seen.set(i, p.source);
  }
  const missing = Array.from({ length: n }, (_, k) => k + 1).filter((i) => !seen.has(i));
  if (missing.length) problems.push(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`);
  return problems.length ? problems.join('; ') : undefined;
}

export function mergeReports(inputs: Array<{ source: string; report: ConformanceReport }>, opts: { partial?: string } = {}): MergedReport {
  if (!inputs.length) throw new Error('nothing to merge');
  const reports = inputs.map((i) => i.report);
  const first = reports[0]!;
  const byId = new Map<string, RequirementRow[]>();
  for (const r of reports) for (const row of r.requirements) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
  const requirements = [...byId.values()].map(mergeRows);
  const strict = reports.some((r) => r.strict);
  const requireAll = reports.some((r) => r.requireAll);
  const summary: Record<string, number> = {};
  for (const q of requirements) summary[`${q.level} ${q.status}`] = (summary[`${q.level} ${q.status}`] ?? 0) + 1;
  const errors = reports.flatMap((r, i) => r.errors.map((e) => `${inputs[i]!.source}: ${e}`));
  const sameIds = reports.every((r) => r.requirements.length === first.requirements.length);
  if (!sameIds) errors.push('the shards were run by different suite versions: their requirement catalogues differ');
  const byKind: Record<string, number> = {};
  for (const r of reports) for (const [k, n] of Object.entries(r.requestsByKind)) byKind[k] = (byKind[k] ?? 0) + n;
  const targets = reports.map((r) => r.target).filter((t): t is NonNullable<typeof t> => !!t);
  const seeds = uniq(reports.map((r) => r.seed));
  const started = reports.map((r) => r.startedAt).filter((s): s is string => !!s).sort();
  return {
    verdict: errors.length || reports.some((r) => r.verdict === 'error') ? 'error' : decide(requirements, { strict, requireAll }),
    target: targets.length
      ? {
          baseUrl: uniq(targets.map((t) => t.baseUrl)).join(', '),
          embedded: targets.every((t) => t.embedded),
          zones: uniq(targets.flatMap((t) => t.zones)),
        }
      : null,
    suiteVersion: first.suiteVersion,
    seed: seeds.length === 1 ? seeds[0]! : first.seed,
    profile: uniq(reports.map((r) => r.profile)).join(', ') || null,
    strict,
    requireAll,
    shard: null,
    partial: opts.partial ?? null,
    startedAt: started[0] ?? null,
    finishedAt: reports.map((r) => r.finishedAt).sort().at(-1)!,
    requests: reports.reduce((a, r) => a + r.requests, 0),
    requestsByKind: byKind,
    rateLimit: {
      responses429: reports.reduce((a, r) => a + r.rateLimit.responses429, 0),
      waitedMs: reports.reduce((a, r) => a + r.rateLimit.waitedMs, 0),
    },
    transportRetries: reports.reduce((a, r) => a + r.transportRetries, 0),
    summary,
    requirements,
    staleExpectations: requirements.filter((q) => q.stale).map((q) => q.id),
    expiredExpectations: requirements.filter((q) => q.expired).map((q) => q.id),
    skippedMust: skippedMusts(requirements),
    restoredFromSnapshot: reports.flatMap((r) => r.restoredFromSnapshot ?? []),
    unattributedFailures: reports.flatMap((r) => r.unattributedFailures),
    errors,
    shards: inputs.map(({ source, report }) => ({
      source,
      shard: report.shard ?? null,
      verdict: report.verdict,
      seed: report.seed,
      requests: report.requests,
      target: report.target?.baseUrl ?? null,
    })),
  };
}
