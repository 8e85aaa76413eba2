// npm test: the project's own checks, in order, stopping at the first stage that fails.
//   1 typecheck       tsc --noEmit -p .
//   2 self-contained  selftest/self-contained.ts: the committed tree alone, copied where nothing sits
//                     beside it, passes the unit project (node_modules linked, not reinstalled)
//   3 unit            playwright test -c test/playwright.config.ts --project unit
//   4 server          playwright test -c test/playwright.config.ts --project server
//   5 e2e             playwright test -c test/playwright.config.ts --project e2e
//   6 conformance     npm run conformance: the full suite against the clean embedded reference server
//   7 variants        npm run selftest -- --variants: legitimate variation must pass
//   8 mutants         npm run selftest -- --mutants --profiles full,budget: every mutant must be
//                     killed by its requirements in the full profile and in the budget one (the
//                     default against real targets), both in one invocation; a survivor in either
//                     fails the stage. Variants run the full profile: the budget one runs a subset
//                     of its cases at a smaller depth (suite/config/profile.ts), and the whole budget
//                     profile runs against the reference server in the e2e stage (budget-run).
// Before the stage table it repeats why each failed test failed (test/failure-digest-reporter.ts).
// The last line is `selftest: N passed, M failed`, N and M counting these stages (a stage after a
// failed one does not run and is counted in neither, nor is a skipped one: unit, on a tree that is
// exactly HEAD, since the self-contained stage ran the same project on it); CI reads that line. Stage timings go to
// reports/npm-test.json. Every CONFORMANCE_* variable is cleared for stage 6, so that a developer's
// .env pointing at staging never turns `npm test` into a run against staging.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchEnv, NODE_TS } from '../suite/run/launch';
import { DIGEST_FILE } from '../test/failure-digest-reporter';
import { reapedChildrenCpu } from './cpu';

const ROOT = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
// A TypeScript entry in the stage's own node process (NODE_TS: a signal reaches it directly).
const ts = (entry: string, ...args: string[]) => [process.execPath, ...NODE_TS, entry, ...args];

interface Stage {
  name: string;
  command: string[];
  env?: NodeJS.ProcessEnv;
  /** Why the stage need not run, given the stages that passed before it; undefined: it runs. */
  skip?: (passed: ReadonlySet<string>) => string | undefined;
}

/** True when the working tree is exactly HEAD (nothing modified, nothing untracked): what a clean clone is. */
function treeIsHead(): boolean {
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: ROOT, encoding: 'utf8' });
  if (top.status !== 0 || path.resolve(top.stdout.trim()) !== ROOT) return false;
  const status = spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' });
  return status.status === 0 && status.stdout.trim() === '';
}

const STAGES: Stage[] = [
  { name: 'typecheck', command: [bin('tsc'), '--noEmit', '-p', '.'] },
  { name: 'self-contained', command: ts('selftest/self-contained.ts') },
  {
    name: 'unit',
    command: [bin('playwright'), 'test', '-c', 'test/playwright.config.ts', '--project', 'unit'],
    // The self-contained stage ran this very project on HEAD; with nothing changed beside HEAD (a
    // clean clone, as in CI) a second run would test the same files again.
    skip: (passed) => (passed.has('self-contained') && treeIsHead() ? 'the self-contained stage ran the unit project on this same tree (the working tree is HEAD)' : undefined),
  },
  { name: 'server', command: [bin('playwright'), 'test', '-c', 'test/playwright.config.ts', '--project', 'server'] },
  // End to end through the real CLIs: secrets, kill -9 and cleanup, rate limits, exit codes, the HTML
  // report in Debian's Chromium (scripts/ensure-chromium.sh installs it where missing), the packed
  // package installed offline and run with --spawn, the GitHub Action's steps.
  { name: 'e2e', command: [bin('playwright'), 'test', '-c', 'test/playwright.config.ts', '--project', 'e2e'] },
  // The launcher's clean environment: no CONFORMANCE_* of the caller, none from .env.
  { name: 'conformance', command: ts('suite/cli/run.ts'), env: launchEnv() },
  // Every cell of the rule x operation matrix ran and passed in that run (scripts/check-matrix.ts).
  { name: 'matrix', command: ts('scripts/check-matrix.ts', 'reports/conformance.json') },
  { name: 'variants', command: ts('selftest/run.ts', '--variants') },
  { name: 'mutants', command: ts('selftest/run.ts', '--mutants', '--profiles', 'full,budget', '--keep-other') },
];

function run(stage: Stage): Promise<number | null> {
  return new Promise((resolve) => {
    const [cmd, ...args] = stage.command;
    const child = spawn(cmd!, args, { cwd: ROOT, stdio: 'inherit', env: stage.env ?? process.env });
    child.on('error', (e) => {
      console.error(`${stage.name}: could not start ${cmd}: ${e.message}`);
      resolve(null);
    });
    child.on('exit', (code) => resolve(code));
  });
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const stages = only.length ? STAGES.filter((s) => only.includes(s.name)) : STAGES;
  // cpuSeconds: the stage's processes, user + system (selftest/cpu.ts): over the cores, a lower bound on its wall time.
  const timings: Array<{ stage: string; seconds: number; cpuSeconds?: number; passed: boolean; skipped?: string }> = [];
  const started = Date.now();
  fs.rmSync(DIGEST_FILE, { force: true });
  for (const stage of stages) {
    const why = stage.skip?.(new Set(timings.filter((t) => t.passed && !t.skipped).map((t) => t.stage)));
    if (why) {
      console.log(`\n=== npm test, stage ${stage.name}: skipped, ${why}`);
      timings.push({ stage: stage.name, seconds: 0, passed: true, skipped: why });
      continue;
    }
    console.log(`\n=== npm test, stage ${stage.name}: ${path.basename(stage.command[0]!)} ${stage.command.slice(1).join(' ')}`);
    const t0 = Date.now();
    const cpu0 = reapedChildrenCpu();
    const code = await run(stage);
    const cpu1 = reapedChildrenCpu();
    const cpuSeconds = cpu0 && cpu1 ? Math.round((cpu1.user + cpu1.sys - cpu0.user - cpu0.sys) * 10) / 10 : undefined;
    timings.push({ stage: stage.name, seconds: (Date.now() - t0) / 1000, ...(cpuSeconds === undefined ? {} : { cpuSeconds }), passed: code === 0 });
    if (code !== 0) break;
  }
  const total = (Date.now() - started) / 1000;
  const cpuTotal = timings.some((t) => t.cpuSeconds !== undefined) ? Math.round(timings.reduce((s, t) => s + (t.cpuSeconds ?? 0), 0) * 10) / 10 : undefined;
  fs.mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'reports', 'npm-test.json'), `${JSON.stringify({ totalSeconds: total, cpuSeconds: cpuTotal, cores: os.availableParallelism(), stages: timings }, null, 2)}\n`);
  // Why the failed tests failed, again here: a CI log that keeps only its tail still shows it.
  const digest = fs.existsSync(DIGEST_FILE) ? fs.readFileSync(DIGEST_FILE, 'utf8').trimEnd().split('\n') : [];
  if (digest.length) {
    console.log(`\nfailed test attempts (all of it in ${path.relative(ROOT, DIGEST_FILE)}):`);
    console.log(digest.slice(0, 24).join('\n') + (digest.length > 24 ? '\n...' : ''));
  }
  console.log('\nnpm test stages:');
  for (const t of timings)
    console.log(
      t.skipped
        ? `  skipped ${t.stage.padEnd(14)}   (${t.skipped})`
        : `  ${t.passed ? 'passed' : 'FAILED'}  ${t.stage.padEnd(14)} ${t.seconds.toFixed(1).padStart(7)} s${t.cpuSeconds === undefined ? '' : `, CPU ${t.cpuSeconds.toFixed(1)} s`}`,
    );
  for (const s of stages.slice(timings.length)) console.log(`  not run ${s.name}`);
  // The CPU this run spent, over the cores it may use: a lower bound on the wall time of that work here.
  const cores = os.availableParallelism();
  console.log(`  total ${total.toFixed(1)} s${cpuTotal === undefined ? '' : `, CPU ${cpuTotal.toFixed(1)} s (${cores} cores: at least ${Math.floor(cpuTotal / cores)} s of wall time)`}`);
  // A skipped stage counts in neither.
  const passed = timings.filter((t) => t.passed && !t.skipped).length;
  const failed = timings.filter((t) => !t.passed).length;
  console.log(`selftest: ${passed} passed, ${failed} failed`);
  return failed === 0 && timings.length === stages.length ? 0 : 1;
}

main().then((code) => (process.exitCode = code));
