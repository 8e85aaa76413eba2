// npm run selftest: the suite proves itself.
//   mutants   each mutant is the reference server with one defect, made through createServer's
//             options; the suite must fail at least one of the requirements the mutant names
//             (a mutant caught only by other requirements counts as survived);
//   variants  each variant is the reference server with variation the spec allows; the suite must
//             pass (verdict pass: no MUST failed; a variant's declared SHOULD failures must show).
// Every case gets its own server on 127.0.0.1 (in this process) and its own run of the suite
// (suite/run/launch.ts: playwright test, the suite's config) against it as a non-embedded target, with
// its own reports and state under reports/selftest/. See selftest/README.md.
// Writes reports/selftest.json and reports/selftest.md; exits 1 when a mutant survives or a
// variant fails, 2 when the self-test itself cannot run.
//
// Options: --mutants | --variants (one kind only), --only id,id, --jobs N (suites at a time),
// --seed N, --num-runs N (property depth for every case), --profiles full,budget (every case in
// each profile listed, all in one invocation; default full), --budget (= --profiles budget), --full (mutants run the whole suite, not only the tests citing their
// requirements), --keep-other (with one kind: keep the other kind's entries of an existing
// reports/selftest.json; npm test runs the variants and the mutants as two stages).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createServer } from '../server';
import { ROOT } from '../suite/config/config';
import { launch, stopLaunchedOnSignal } from '../suite/run/launch';
import type { ConformanceReport } from '../suite/report/types';
import { REQUIREMENTS } from '../suite/judging/requirements';
import { catalogueProblems, loadMutants, loadVariants, uncoveredMusts } from './catalogue';
import { listTests, selectFor, type Selection } from './selection';
import type { Hooks } from '../server';
import { renderMarkdown, type SelftestReport } from './report';
import { allSpecFiles, BATCH_VARIABLE, caseFileName, caseResultFile, type Batch, type CaseOutcome } from './multi';
import type { CaseOptions, CaseResult, Mutant, Variant } from './types';

/** Property depth (CONFORMANCE_NUM_RUNS; a full run uses 100). The clean reference run of npm test
 * keeps the full depth; the defects and variations here are systematic, not rare inputs (a variant
 * changes every response of its kind, so 10 runs of each property meet it many times). */
export const NUM_RUNS = { mutant: 25, variant: 10 } as const;

export const DEFAULT_SEED = 20261128;
/** A suite run that takes longer is stopped and judged from what it reported (nothing: an error). */
const RUN_TIMEOUT_MS = 15 * 60_000;

// Suite runs in flight are stopped with the runner (they run detached, in process groups of their own).
stopLaunchedOnSignal();

type Profile = 'full' | 'budget';
const PROFILES: Profile[] = ['full', 'budget'];

interface Case {
  kind: 'mutant' | 'variant';
  id: string;
  hooks: Hooks;
  options?: CaseOptions;
  selection: Selection;
  profile: Profile;
  /** CONFORMANCE_NUM_RUNS; undefined: the profile's own depth. */
  numRuns?: number;
  /** Extra suite environment (a variant's tuning knobs). */
  env?: Record<string, string>;
}

interface Args {
  kinds: Set<'mutant' | 'variant'>;
  only?: Set<string>;
  jobs: number;
  seed: number;
  full: boolean;
  keepOther: boolean;
  /** The profiles every case runs in (the budget one at its own depth, as a non-embedded target
   * gets by default); a case is judged in each on its own. */
  profiles: Profile[];
  /** Overrides NUM_RUNS for both kinds. */
  numRuns?: number;
  /** One playwright invocation per case (the former runner), instead of one for all. */
  single?: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { kinds: new Set(['mutant', 'variant']), jobs: 3, seed: DEFAULT_SEED, full: false, keepOther: false, profiles: ['full'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--mutants') args.kinds = new Set(['mutant']);
    else if (a === '--variants') args.kinds = new Set(['variant']);
    else if (a === '--only') args.only = new Set(value().split(','));
    else if (a === '--jobs') args.jobs = Math.max(1, Number(value()) || 1);
    else if (a === '--seed') args.seed = Number(value());
    else if (a === '--full') args.full = true;
    else if (a === '--keep-other') args.keepOther = true;
    else if (a === '--num-runs') args.numRuns = Math.max(1, Number(value()) || 1);
    else if (a === '--budget') args.profiles = ['budget'];
    else if (a === '--profiles') {
      const list = [...new Set(value().split(','))];
      const bad = list.filter((p) => p !== 'full' && p !== 'budget');
      if (bad.length || !list.length) throw new Error(`--profiles takes full, budget or both (full,budget), not ${bad.join(',')}`);
      args.profiles = list as Profile[];
    }
    else if (a === '--single') args.single = true;
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

const SELFTEST_DIR = path.join(ROOT, 'reports', 'selftest');

/** A case's own reports and state: reports/selftest/<kind>s/<id>/ in the full profile,
 * reports/selftest/<kind>s/<id>@budget/ in the budget one (a mutant runs in both). */
function caseDir(c: Case): string {
  return path.join(SELFTEST_DIR, `${c.kind}s`, c.profile === 'full' ? c.id : `${c.id}@${c.profile}`);
}

/** Starts the case's server, runs the suite against it, reads its conformance.json. */
async function runCase(c: Case, seed: number, extraArgs: string[] = []): Promise<CaseResult> {
  const dir = caseDir(c);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const token = crypto.randomBytes(24).toString('hex');
  const server = await createServer({ ...c.options, token, hooks: c.hooks, log: false });
  const logFile = path.join(dir, 'run.log');
  // playwright test with the suite's own config (the launcher's 'playwright' entry: no tsx wrapper,
  // about 2 s of CPU less per run); the verdict is read from conformance.json, as run.ts reads it.
  // Only the conformance reporter and a log: no HTML, JUnit or blob reports for hundreds of runs.
  const args = ['--reporter=list,./suite/report/reporter.ts', ...extraArgs];
  if (c.selection.grep) args.push('--grep', c.selection.grep);
  args.push(...c.selection.files);
  const settings: Record<string, string> = { ...caseSettings(c, server.url, seed, dir), CONFORMANCE_API_TOKEN: token, FORCE_COLOR: '0' };
  const started = Date.now();
  let exitCode: number | null;
  try {
    exitCode = (await launch({ entry: 'playwright', settings, args, output: { file: logFile }, timeoutMs: RUN_TIMEOUT_MS }).done).code;
  } finally {
    await server.close();
  }
  const seconds = (Date.now() - started) / 1000;
  return judgeReport(c, path.join(dir, 'conformance.json'), { exitCode, seconds, log: path.relative(ROOT, logFile) });
}

/**
 * Runs several cases in one `playwright test` (selftest/multi.config.ts): a test file per case, each
 * with its own server, settings, run directory, reports and test selection, its tests in order in one
 * worker; `jobs` workers in all, each taking case after case. Each case is judged from its own
 * conformance.json, as runCase judges a single run.
 */
async function runBatch(cases: Case[], seed: number, jobs: number, label: string, stopAtFirstFailure: boolean): Promise<CaseResult[]> {
  if (!cases.length) return [];
  const dir = path.join(SELFTEST_DIR, 'batches', label);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const servers: Array<{ close(): Promise<void> }> = [];
  const tokens: Record<string, string> = {};
  const batch: Batch = { dir, cases: [] };
  const specs = allSpecFiles(path.join(ROOT, 'specs'));
  fs.mkdirSync(path.join(dir, 'cases'));
  try {
    for (const [i, c] of cases.entries()) {
      const reportsDir = caseDir(c);
      fs.rmSync(reportsDir, { recursive: true, force: true });
      fs.mkdirSync(reportsDir, { recursive: true });
      const token = crypto.randomBytes(24).toString('hex');
      const server = await createServer({ ...c.options, token, hooks: c.hooks, log: false });
      servers.push(server);
      const tokenVariable = `SELFTEST_TOKEN_${i}`;
      tokens[tokenVariable] = token;
      // A single run's file arguments are regular expressions on the path: a spec file runs when one matches.
      const files = c.selection.files.length ? specs.filter((f) => c.selection.files.some((arg) => new RegExp(arg).test(f))) : specs;
      const file = path.join(dir, 'cases', caseFileName(i, caseName(c)));
      fs.writeFileSync(
        file,
        `// ${caseName(c)}: its spec files (selftest/multi-case.ts)\n` +
          `import { loadSpecs } from ${JSON.stringify(path.join(ROOT, 'selftest', 'multi-case'))};\n` +
          `loadSpecs(${JSON.stringify(files)});\n`,
      );
      batch.cases.push({
        name: caseName(c),
        file,
        specs: files,
        tokenVariable,
        grep: c.selection.grep,
        stopAtFirstFailure,
        settings: {
          ...caseSettings(c, server.url, seed, reportsDir),
          CONFORMANCE_API_TOKEN: '',
        },
      });
    }
    const batchFile = path.join(dir, 'batch.json');
    fs.writeFileSync(batchFile, `${JSON.stringify(batch, null, 2)}\n`);
    const logFile = path.join(dir, 'run.log');
    const started = Date.now();
    const run = await launch({
      entry: 'playwright',
      settings: { ...tokens, [BATCH_VARIABLE]: batchFile, FORCE_COLOR: '0' },
      args: ['-c', path.join(ROOT, 'selftest', 'multi.config.ts'), `--workers=${jobs}`],
      output: { file: logFile },
      timeoutMs: RUN_TIMEOUT_MS * Math.max(1, Math.ceil(cases.length / jobs)),
    }).done;
    const seconds = (Date.now() - started) / 1000;
    return cases.map((c, i) => {
      const bc = batch.cases[i]!;
      const outcomeFile = caseResultFile(bc);
      const outcome = fs.existsSync(outcomeFile) ? (JSON.parse(fs.readFileSync(outcomeFile, 'utf8')) as CaseOutcome) : undefined;
      return judgeReport(c, path.join(bc.settings.CONFORMANCE_REPORTS_DIR!, 'conformance.json'), {
        exitCode: outcome ? outcome.exitCode : run.code,
        seconds: outcome?.seconds ?? seconds,
        log: path.relative(ROOT, logFile),
      });
    });
  } finally {
    for (const s of servers) await s.close();
  }
}

/** The case's project name in a shared invocation (and its name in the log). */
const caseName = (c: Case) => `${c.kind}:${c.id}${c.profile === 'full' ? '' : `@${c.profile}`}`;

/** A case's CONFORMANCE_* settings (its token apart). */
function caseSettings(c: Case, url: string, seed: number, dir: string): Record<string, string> {
  return {
    CONFORMANCE_BASE_URL: url,
    CONFORMANCE_ZONE_ID: crypto.randomBytes(16).toString('hex'),
    CONFORMANCE_ZONE_ID_B: crypto.randomBytes(16).toString('hex'),
    CONFORMANCE_ALLOW_DESTRUCTIVE: '1',
    CONFORMANCE_PROFILE: c.profile,
    CONFORMANCE_SEED: String(seed),
    CONFORMANCE_NUM_RUNS: c.numRuns === undefined ? '' : String(c.numRuns),
    CONFORMANCE_WORKERS: '1',
    CONFORMANCE_REPORTS_DIR: dir,
    CONFORMANCE_STATE_DIR: path.join(dir, 'state'),
    CONFORMANCE_EXPECTATIONS: path.join(dir, 'no-expectations.json'),
    ...c.env,
  };
}

/** A case's result from its conformance.json (none: an error of the run). */
function judgeReport(c: Case, reportFile: string, base0: { exitCode: number | null; seconds: number; log: string }): CaseResult {
  const base = { kind: c.kind, id: c.id, profile: c.profile, ...base0, selection: c.selection.why };
  if (!fs.existsSync(reportFile))
    return { ...base, verdict: 'error', failed: [], failures: [], requests: 0, errors: [`no conformance.json (exit ${base.exitCode}); see ${base.log}`] };
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ConformanceReport;
  return {
    ...base,
    verdict: report.verdict,
    failed: report.requirements.filter((r) => r.status === 'failed').map((r) => r.id),
    failures: report.requirements
      .filter((r) => r.status === 'failed')
      .map((r) => `${r.id}: ${(r.failures?.[0] ?? 'failed').replace(/\s+/g, ' ').slice(0, 300)}`),
    requests: report.requests,
    errors: report.errors,
  };
}

/** Runs the cases `jobs` at a time, in catalogue order, printing one line per finished case. */
async function runAll(cases: Case[], jobs: number, run: (c: Case) => Promise<CaseResult>, judge: (r: CaseResult) => string): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array(cases.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await run(cases[i]!);
      done++;
      const r = results[i];
      const verdict = judge(r);
      console.log(`  [${String(done).padStart(3)}/${cases.length}] ${r.kind} ${r.id} (${r.profile}): ${verdict} (${r.seconds.toFixed(1)} s, ${r.requests} requests)`);
      if (/^(FAILED|SURVIVED)/.test(verdict)) for (const f of r.failures) console.log(`        ${f}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, cases.length) }, worker));
  return results;
}

/** One invocation per case (--single: runAll), or every case in one invocation, one line per case at the end. */
async function runKind(
  single: boolean,
  cases: Case[],
  jobs: number,
  one: (c: Case) => Promise<CaseResult>,
  all: (cs: Case[]) => Promise<CaseResult[]>,
  judge: (r: CaseResult) => string,
): Promise<CaseResult[]> {
  if (single) return runAll(cases, jobs, one, judge);
  const results = await all(cases);
  results.forEach((r, i) => {
    const verdict = judge(r);
    console.log(`  [${String(i + 1).padStart(3)}/${cases.length}] ${r.kind} ${r.id} (${r.profile}): ${verdict} (${r.seconds.toFixed(1)} s in tests, ${r.requests} requests)`);
    if (/^(FAILED|SURVIVED)/.test(verdict)) for (const f of r.failures) console.log(`        ${f}`);
  });
  return results;
}

/** runMutant for a batch: every mutant stops at its first failed test; those whose first failure was
 * not one of their expected requirements run again, in full, in a second invocation. A mutant in
 * two profiles is two cases of the same invocations, judged each on its own. */
async function runMutantsInOne(cases: Case[], mutantOf: Map<string, Mutant>, seed: number, jobs: number): Promise<CaseResult[]> {
  const first = await runBatch(cases, seed, jobs, 'mutants', true);
  const againIndex = cases.flatMap((c, i) => (mutantKilled(mutantOf.get(c.id)!, first[i]!) || first[i]!.exitCode === 0 ? [] : [i]));
  const full = await runBatch(againIndex.map((i) => cases[i]!), seed, jobs, 'mutants-again', false);
  return first.map((r, i) => {
    const j = againIndex.indexOf(i);
    if (j < 0) return r;
    const f = full[j]!;
    return { ...f, seconds: r.seconds + f.seconds, requests: r.requests + f.requests };
  });
}

/**
 * Most mutants fail their first failing test on an expected requirement, and every failed test
 * costs a worker restart: so the selection runs first with --max-failures=1, and again in full only
 * when that first failure was about something else.
 */
async function runMutant(m: Mutant, c: Case, seed: number): Promise<CaseResult> {
  const first = await runCase(c, seed, ['--max-failures=1']);
  if (mutantKilled(m, first) || first.exitCode === 0) return first;
  const full = await runCase(c, seed);
  return { ...full, seconds: first.seconds + full.seconds, requests: first.requests + full.requests };
}

export function mutantKilled(m: Mutant, r: CaseResult): boolean {
  return m.expected.some((id) => r.failed.includes(id));
}

/** A variant passes when the run's verdict is pass (no MUST failed), and its declared SHOULD failures showed. */
export function variantPassed(v: Variant, r: CaseResult): boolean {
  const mustFailed = r.failed.some((id) => REQUIREMENTS.get(id)?.level === 'MUST');
  return r.exitCode === 0 && r.verdict === 'pass' && !mustFailed && (v.shouldFailures ?? []).every((id) => r.failed.includes(id));
}

/** reports/selftest.json: an entry per mutant and variant; per profile it ran in, its own judgement.
 * `killed` (`passed`) holds when it holds in every profile; `failed` is the full profile's list (the
 * budget one's when only that ran). */
function buildReport(results: CaseResult[], allMutants: Mutant[], allVariants: Variant[]): SelftestReport {
  const ids = (kind: CaseResult['kind']) => [...new Set(results.filter((r) => r.kind === kind).map((r) => r.id))];
  const runsOf = (kind: CaseResult['kind'], id: string) =>
    results.filter((r) => r.kind === kind && r.id === id).sort((a, b) => PROFILES.indexOf(a.profile) - PROFILES.indexOf(b.profile));
  return {
    mutants: ids('mutant').flatMap((id) => {
      const m = allMutants.find((x) => x.id === id);
      if (!m) return [];
      const runs = runsOf('mutant', id);
      const profiles = Object.fromEntries(runs.map((r) => [r.profile, { killed: mutantKilled(m, r), failed: r.failed }]));
      return [{ id, killed: runs.every((r) => mutantKilled(m, r)), expected: m.expected, failed: runs[0]!.failed, profiles }];
    }),
    variants: ids('variant').flatMap((id) => {
      const v = allVariants.find((x) => x.id === id);
      if (!v) return [];
      const runs = runsOf('variant', id);
      const profiles = Object.fromEntries(runs.map((r) => [r.profile, { passed: variantPassed(v, r), failed: r.failed }]));
      return [{ id, passed: runs.every((r) => variantPassed(v, r)), profiles }];
    }),
  };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const allMutants = loadMutants();
  const allVariants = loadVariants();
  const problems = catalogueProblems(allMutants, allVariants);
  const uncovered = uncoveredMusts(allMutants);
  if (uncovered.length) problems.push(`no mutant expects these MUST requirements to fail: ${uncovered.join(', ')}`);
  if (problems.length) {
    console.error(`The self-test catalogue is broken:\n  ${problems.join('\n  ')}`);
    return 2;
  }
  const picked = <T extends { id: string }>(list: T[]) => (args.only ? list.filter((c) => args.only!.has(c.id)) : list);
  const mutants = args.kinds.has('mutant') ? picked(allMutants) : [];
  const variants = args.kinds.has('variant') ? picked(allVariants) : [];
  const tests = mutants.length && !args.full ? listTests() : [];

  const numRuns = args.numRuns ? { mutant: args.numRuns, variant: args.numRuns } : NUM_RUNS;
  // The budget profile at its own depth, as a non-embedded target runs it (unless --num-runs); the
  // full profile at the self-test's depth (NUM_RUNS, or a mutant's own numRuns).
  const depth = (profile: Profile, n: number) => (profile === 'budget' ? args.numRuns : n);
  const shownRuns = Object.fromEntries(
    args.profiles.map((p) => [p, { mutant: depth(p, numRuns.mutant) ?? 'of the profile', variant: depth(p, numRuns.variant) ?? 'of the profile' }]),
  ) as Partial<Record<Profile, { mutant: number | string; variant: number | string }>>;
  fs.mkdirSync(SELFTEST_DIR, { recursive: true });
  const started = Date.now();
  console.log(
    `Self-test: ${variants.length} variant(s) on the whole suite, ` +
      `${mutants.length} mutant(s) on the tests citing their requirements; ` +
      `profile(s) ${args.profiles.map((p) => `${p} (numRuns ${shownRuns[p]!.variant} for variants, ${shownRuns[p]!.mutant} for mutants)`).join(' and ')}, ` +
      `seed ${args.seed}, ${args.jobs} suite(s) at a time`,
  );
  const variantOf = new Map(variants.map((v) => [v.id, v]));
  const mutantOf = new Map(mutants.map((m) => [m.id, m]));
  // Every case in each profile asked for, profile by profile; in a shared invocation all of them at once.
  const variantResults = await runKind(args.single ?? false,
    args.profiles.flatMap((profile) =>
      variants.map((v): Case => ({
        kind: 'variant',
        id: v.id,
        hooks: v.hooks,
        options: v.options,
        env: v.env,
        selection: { files: [], why: 'whole suite' },
        profile,
        numRuns: depth(profile, numRuns.variant),
      })),
    ),
    args.jobs,
    (c) => runCase(c, args.seed),
    (cs) => runBatch(cs, args.seed, args.jobs, 'variants', false),
    (r) => (variantPassed(variantOf.get(r.id)!, r) ? 'passed' : `FAILED (verdict ${r.verdict}; failed: ${r.failed.join(', ') || '-'})`),
  );
  const selections = new Map(
    mutants.map((m) => [m.id, args.full ? { files: [], why: 'whole suite (--full)' } : selectFor(m.expected, tests)]),
  );
  const mutantResults = await runKind(args.single ?? false,
    args.profiles.flatMap((profile) =>
      mutants.map((m): Case => ({
        kind: 'mutant',
        id: m.id,
        hooks: m.hooks,
        options: m.options,
        // A strict mutant expects a SHOULD failure: its run is judged where that fails the verdict.
        env: m.strict ? { CONFORMANCE_STRICT: '1' } : undefined,
        selection: selections.get(m.id)!,
        profile,
        numRuns: depth(profile, args.numRuns ?? m.numRuns ?? numRuns.mutant),
      })),
    ),
    args.jobs,
    (c) => runMutant(mutantOf.get(c.id)!, c, args.seed),
    (cs) => runMutantsInOne(cs, mutantOf, args.seed, args.jobs),
    (r) => {
      const m = mutantOf.get(r.id)!;
      return mutantKilled(m, r)
        ? `killed by ${m.expected.filter((id) => r.failed.includes(id)).join(', ')}`
        : `SURVIVED (expected ${m.expected.join(', ')}; failed: ${r.failed.join(', ') || '-'}${r.errors.length ? `; errors: ${r.errors[0]}` : ''})`;
    },
  );

  const seconds = (Date.now() - started) / 1000;
  // The detailed results (selection, timings, logs) beside the report; with --keep-other the
  // other kind's come from the previous run of this file.
  let results = [...variantResults, ...mutantResults];
  const detailsFile = path.join(SELFTEST_DIR, 'results.json');
  if (args.keepOther && fs.existsSync(detailsFile)) {
    const previous = JSON.parse(fs.readFileSync(detailsFile, 'utf8')) as CaseResult[];
    results = [...previous.filter((r) => !args.kinds.has(r.kind)), ...results];
  }
  fs.writeFileSync(detailsFile, `${JSON.stringify(results, null, 2)}\n`);
  const report = buildReport(results, allMutants, allVariants);
  fs.writeFileSync(path.join(ROOT, 'reports', 'selftest.json'), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(
    path.join(ROOT, 'reports', 'selftest.md'),
    renderMarkdown(report, {
      mutants: allMutants,
      variants: allVariants,
      results,
      seed: args.seed,
      numRuns: shownRuns,
    }),
  );
  // The exit code and the summary judge what this invocation ran.
  const killed = mutantResults.filter((r) => mutantKilled(mutantOf.get(r.id)!, r)).length;
  const passed = variantResults.filter((r) => variantPassed(variantOf.get(r.id)!, r)).length;
  const ok = killed === mutantResults.length && passed === variantResults.length;
  // Counted per case: a mutant in two profiles is two cases, each to be killed.
  const inProfiles = args.profiles.length > 1 ? ` (in ${args.profiles.join(' and ')})` : ` (${args.profiles[0]})`;
  const parts = [
    ...(variants.length ? [`${passed}/${variantResults.length} variant runs passed${inProfiles}`] : []),
    ...(mutants.length ? [`${killed}/${mutantResults.length} mutant runs killed${inProfiles}`] : []),
  ];
  console.log(`Self-test ${ok ? 'PASSED' : 'FAILED'}: ${parts.join(', ')} in ${seconds.toFixed(0)} s (reports/selftest.json, reports/selftest.md)`);
  return ok ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.stack : e);
      process.exitCode = 2;
    },
  );
}
