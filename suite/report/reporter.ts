// The conformance reporter: turns test outcomes into reports/conformance.json and .md (and .html),
// with the target, seed, profile, suite version, exact request figures and the requirement matrix.
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult, TestStep } from '@playwright/test/reporter';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, ROOT } from '../config/config';
import { readJson, type RunInfo } from '../state/journal';
import { redact, redactValue } from '../transport/redact';
import { nextSteps, recordedCleanup } from '../run/next-steps';
import { PROGRESS_PREFIX } from '../run/progress';
import { publishedSettings } from '../run/run-context';
import { sumStats } from '../transport/stats';
import { readAnnotations } from '../judging/annotations';
import { messageOf } from '../judging/verify';
import { loadExpectations, type Expectation } from './expectations';
import { judge, type TestOutcome } from './matrix';
import { badge } from './badge';
import type { ConformanceReport } from './types';
import { verdictLine } from './verdict';
import { markExpectedFailures } from './junit';
import { describeRestoration, restorations } from '../state/zone-guard';
import { renderHtml } from './html';
import { requirementsDocHref } from './links';
import { renderMarkdown } from './markdown';

export default class ConformanceReporter implements Reporter {
  private readonly outcomes = new Map<string, TestOutcome>();
  private readonly errors: string[] = [];

  private shard: string | null = null;

  /** The run this reporter judges when one invocation holds several (selftest/multi-reporter.ts):
   * its run file; undefined: the run global setup published. */
  runFile?: string;

  onBegin(config: FullConfig, _suite: Suite): void {
    if (config.shard) this.shard = `${config.shard.current}/${config.shard.total}`;
  }

  /** A long phase's progress line (suite/run/progress.ts), sent by a worker as a test step. */
  onStepBegin(_test: TestCase, _result: TestResult, step: TestStep): void {
    if (step.category === 'test.step' && step.title.startsWith(PROGRESS_PREFIX)) process.stdout.write(`  ${redact(step.title.slice(PROGRESS_PREFIX.length))}\n`);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    // Runtime annotations show up both on the test and on its result: count each once.
    const seen = new Set<string>();
    const annotations = [...test.annotations, ...result.annotations].filter((a) => {
      const key = `${a.type}\u0000${a.description ?? ''}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    const evidence = result.attachments
      .filter((a) => a.name.startsWith('evidence-') && a.body)
      .map((a) => {
        try {
          return JSON.parse(a.body!.toString('utf8')) as unknown;
        } catch {
          return undefined;
        }
      })
      .filter(Boolean);
    const skip = annotations.find((a) => a.type === 'skip')?.description;
    this.outcomes.set(test.id, {
      title: test.titlePath().slice(3).join(' › ') || test.title,
      file: path.relative(ROOT, test.location.file).split(path.sep).join('/'),
      line: test.location.line,
      status: result.status === 'skipped' ? 'skipped' : result.status === 'passed' ? 'passed' : 'failed',
      ...readAnnotations(annotations),
      error: result.error ? redact(firstLines(messageOf(result.error.message ?? result.error.value ?? ''))) : undefined,
      skipReason: result.status === 'skipped' ? skip || 'skipped' : undefined,
      evidence: redactValue(evidence),
    });
  }

  onError(error: TestError): void {
    this.errors.push(redact(firstLines(messageOf(error.message ?? error.value ?? 'error'))));
  }

  async onEnd(result: FullResult): Promise<void> {
    // `playwright test --list` (used to check shards) runs no test and no global setup: no report.
    if (process.argv.includes('--list')) return;
    // The run's settings come from its run file; without one, global setup stopped at the
    // configuration, and reading it again names the error.
    const run = publishedSettings(this.runFile);
    let expectations: Expectation[] = [];
    try {
      if (!run && this.runFile) this.errors.push('the run ended in global setup before it began');
      else if (!run) loadConfig();
      if (run) expectations = loadExpectations(run.expectationsFile);
    } catch (e) {
      if (e instanceof ConfigError) this.errors.push(e.message);
      else throw e;
    }
    const runDir = run?.runDir;
    const reportsDir = run?.reportsDir ?? path.join(ROOT, 'reports');
    const strict = run?.strict ?? false;
    const requireAll = run?.requireAll ?? false;
    const info = runDir && fs.existsSync(path.join(runDir, 'run.json')) ? readJson<RunInfo>(path.join(runDir, 'run.json')) : undefined;
    const stats = runDir ? sumStats(runDir) : sumStats('/nonexistent');
    const judged = judge([...this.outcomes.values()], expectations, { strict, requireAll });
    if (result.status === 'interrupted' || result.status === 'timedout') this.errors.push(`the run was ${result.status}`);
    const summary: Record<string, number> = {};
    for (const r of judged.requirements) summary[`${r.level} ${r.status}`] = (summary[`${r.level} ${r.status}`] ?? 0) + 1;
    const report: ConformanceReport = {
      verdict: this.errors.length || !info ? 'error' : judged.verdict,
      target: info ? { baseUrl: redact(info.baseUrl), embedded: info.embedded, zones: info.zones } : null,
      suiteVersion: (readJson<{ version: string }>(path.join(ROOT, 'package.json'))).version,
      seed: run?.seed ?? null,
      profile: run?.profile ?? null,
      strict,
      requireAll,
      shard: this.shard,
      startedAt: info?.startedAt ?? null,
      finishedAt: new Date().toISOString(),
      requests: stats.requests,
      requestsByKind: stats.byKind,
      rateLimit: { responses429: stats.rateLimited, waitedMs: stats.waitedMs },
      transportRetries: stats.transportRetries,
      summary,
      requirements: judged.requirements,
      staleExpectations: judged.staleExpectations,
      expiredExpectations: judged.expiredExpectations,
      skippedMust: judged.skippedMust,
      restoredFromSnapshot: runDir ? restorations(runDir) : [],
      unattributedFailures: judged.unattributed,
      errors: this.errors,
    };
    fs.mkdirSync(reportsDir, { recursive: true });
    if (info?.dryRunOf) {
      writeDryRun(reportsDir, info.dryRunOf, report);
      return;
    }
    fs.writeFileSync(path.join(reportsDir, 'conformance.json'), `${JSON.stringify(redactValue(report), null, 2)}\n`);
    fs.writeFileSync(path.join(reportsDir, 'conformance.md'), redact(renderMarkdown(report, requirementsDocHref(reportsDir))));
    fs.writeFileSync(path.join(reportsDir, 'conformance.html'), redact(renderHtml(redactValue(report), requirementsDocHref(reportsDir))));
    fs.writeFileSync(path.join(reportsDir, 'badge.json'), `${JSON.stringify(badge(report))}\n`);
    markExpectedFailures(path.join(reportsDir, 'junit.xml'), this.expectedFailures(judged.requirements));
    printSummary(report, reportsDir, result.status, runDir);
  }

  /** Tests that failed only on requirements the expectations file excuses: title -> why they count as skipped. */
  private expectedFailures(rows: ConformanceReport['requirements']): Map<string, string> {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const out = new Map<string, string>();
    for (const o of this.outcomes.values()) {
      if (o.status !== 'failed' || !o.violations.length) continue;
      const ids = [...new Set(o.violations.map((v) => v.requirement))];
      if (!ids.every((id) => byId.get(id)?.status === 'expected-failure')) continue;
      out.set(o.title, `expected failure (expectations file): ${ids.map((id) => `${id}: ${byId.get(id)!.reason ?? ''}`).join('; ')}`);
    }
    return out;
  }

  printsToStdio(): boolean {
    return true;
  }
}

const MUTATING = /^(PUT|DELETE|POST|PATCH) /;

/** The dry run's answer: every kind of mutating request the real run would send, and how many. */
function writeDryRun(reportsDir: string, target: string, r: ConformanceReport): void {
  const mutating = Object.fromEntries(Object.entries(r.requestsByKind).filter(([k]) => MUTATING.test(k)).sort());
  const total = Object.values(mutating).reduce((a, b) => a + b, 0);
  const out = {
    dryRun: true,
    target: redact(target),
    profile: r.profile,
    seed: r.seed,
    mutatingRequests: mutating,
    mutatingTotal: total,
    readRequests: r.requests - total,
    note: 'Counted against an embedded twin of the zone (its mappings and supported regions read with GETs); the real run sends the same requests for the same seed unless the target answers differently.',
  };
  fs.writeFileSync(path.join(reportsDir, 'dry-run.json'), `${JSON.stringify(out, null, 2)}\n`);
  const lines = [
    `Dry run against ${out.target} (profile ${r.profile}, seed ${r.seed}): nothing that changes the zone was sent.`,
    `Mutating requests the run would send (${total}):`,
    ...Object.entries(mutating).map(([k, n]) => `  ${String(n).padStart(6)}  ${k}`),
    `Reads it would send: ${out.readRequests}`,
    `Written to ${path.join(path.relative(process.cwd(), reportsDir) || '.', 'dry-run.json')} (the reports of the last real run are untouched)`,
  ];
  fs.writeFileSync(path.join(reportsDir, 'dry-run.md'), `${lines.join('\n')}\n`);
  console.log(`\n${lines.join('\n')}`);
}

function printSummary(r: ConformanceReport, reportsDir: string, status: FullResult['status'], runDir: string | undefined): void {
  const failed = r.requirements.filter((x) => x.status === 'failed');
  const lines = [
    '',
    `Conformance verdict: ${verdictLine(r.verdict, r.skippedMust, { requireAll: r.requireAll })}`,
    `  seed ${r.seed ?? '-'}, profile ${r.profile ?? '-'}${r.shard ? `, shard ${r.shard}` : ''}, ${r.requests} requests`,
  ];
  for (const f of failed) lines.push(`  ${f.level} ${f.id} failed: ${f.failures?.[0] ?? ''}`);
  if (r.restoredFromSnapshot.length) {
    lines.push(`  ZONE RESTORED: the target lost or changed ${r.restoredFromSnapshot.length} mapping(s) the suite never wrote; put back from the preflight snapshot:`);
    for (const x of r.restoredFromSnapshot) lines.push(`    ${describeRestoration(x)}`);
  }
  for (const e of r.errors) lines.push(`  error: ${e}`);
  if (r.staleExpectations.length)
    lines.push(`  stale expectations (now passing): ${r.staleExpectations.join(', ')}: listed as failing but passed, remove them from the expectations file`);
  for (const id of r.expiredExpectations) {
    const q = r.requirements.find((x) => x.id === id);
    lines.push(`  expired expectation: ${id} is past its "expires" date and excuses nothing${q?.status === 'failed' ? ' (it failed, so the run fails)' : ''}`);
  }
  // Where they are, relative to the working directory when inside it (CONFORMANCE_REPORTS_DIR moves them).
  const rel = path.relative(process.cwd(), reportsDir);
  const dir = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : reportsDir;
  const files = ['conformance.json', 'conformance.md', 'conformance.html', 'badge.json', 'junit.xml', 'html/'].map((f) => path.join(dir, f));
  lines.push(`  reports: ${files.join(', ')}`);
  lines.push(...nextSteps({ ...r, status, page: path.join(dir, 'conformance.html'), cleanup: recordedCleanup(runDir) }));
  console.log(lines.join('\n'));
}

function firstLines(s: string, n = 6): string {
  return s.split('\n').slice(0, n).join('\n');
}
