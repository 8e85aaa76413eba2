// npm run conformance: runs the suite and turns its verdict into the documented exit code.
//   0  no MUST failed (SHOULD failures too, in strict mode)
//   1  a MUST failed
//   2  configuration or harness error (the run proves nothing about the target)
// Extra arguments go to `playwright test` (a file:line, --grep @ID, --shard 1/3, ...).
// --dry-run is the same as CONFORMANCE_DRY_RUN=1. The packaged CLI (suite/cli/main.ts, `run`) adds
// flags for the variables and --spawn, then calls runSuite().
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pendingRuns } from '../state/cleanup';
import { ConfigError, loadConfig } from '../config/config';
import { CLEANUP_HINT } from '../run/next-steps';
import { loadExpectations } from '../report/expectations';
import { readRunError } from '../run/run-context';
import { suiteRoot } from './package-root';
import { interruptPlaywright } from './interrupt';

export const EXIT = { pass: 0, fail: 1, error: 2 } as const;

export interface RunHooks {
  /** Called with the Playwright process once started (the caller forwards signals to it). */
  onStart?: (child: ChildProcess) => void;
}

export async function runSuite(argv: string[], hooks: RunHooks = {}): Promise<number> {
  const args = [...argv];
  if (args.includes('--dry-run')) {
    process.env.CONFORMANCE_DRY_RUN = '1';
    args.splice(args.indexOf('--dry-run'), 1);
  }
  let cfg;
  try {
    cfg = loadConfig();
    loadExpectations(cfg.expectationsFile);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`);
      return EXIT.error;
    }
    throw e;
  }
  const report = path.join(cfg.reportsDir, cfg.dryRun ? 'dry-run.json' : 'conformance.json');
  fs.rmSync(report, { force: true });
  // The caller's paths, resolved against the caller's directory before Playwright starts in the
  // suite's own directory.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONFORMANCE_REPORTS_DIR: cfg.reportsDir,
    CONFORMANCE_STATE_DIR: cfg.stateDir,
    CONFORMANCE_EXPECTATIONS: cfg.expectationsFile,
  };
  const root = suiteRoot();
  if (root.dir !== root.packageDir) env.ORIGIN_CONFORMANCE_PACKAGE_DIR = root.packageDir;
  const cli = require.resolve('@playwright/test/cli', { paths: [root.packageDir] });
  // Ctrl-C reaches Playwright too (one process group): it stops the tests and restores the zone;
  // this process stays to say how the run ended, and sees that the stop does not hang (interrupt.ts).
  let child: ChildProcess | undefined;
  // A SIGINT sent to this process alone interrupts the run too, so the watchdog only ever sees a
  // runner that was really interrupted.
  const stay = () => {
    if (child) interruptPlaywright(child);
  };
  process.on('SIGINT', stay);
  const r = await new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child = spawn(process.execPath, [cli, 'test', ...args], { stdio: 'inherit', cwd: root.dir, env });
    hooks.onStart?.(child);
    child.on('error', (e) => {
      console.error(`Could not start Playwright: ${e.message}`);
      resolve({ status: null, signal: null });
    });
    child.on('exit', (status, signal) => resolve({ status, signal }));
  }).finally(() => {
    process.off('SIGINT', stay);
    root.dispose();
  });
  // --list runs no test and writes no report.
  if (args.includes('--list')) return r.status === 0 ? EXIT.pass : EXIT.error;
  const runError = readRunError(cfg.reportsDir);
  if (runError) {
    console.error(runError);
    return EXIT.error;
  }
  if (!fs.existsSync(report)) {
    console.error(`The run ended (playwright exit ${r.status ?? r.signal}) without writing ${path.relative(process.cwd(), report)}: harness error`);
    if (pendingRuns(cfg.stateDir).some((p) => !p.info.embedded)) console.error(`It stopped before restoring the zone: ${CLEANUP_HINT}.`);
    return EXIT.error;
  }
  if (cfg.dryRun) return EXIT.pass;
  const verdict = (JSON.parse(fs.readFileSync(report, 'utf8')) as { verdict: string }).verdict;
  return verdict === 'pass' ? EXIT.pass : verdict === 'fail' ? EXIT.fail : EXIT.error;
}

if (require.main === module) {
  runSuite(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: Error) => {
      console.error(`Harness error: ${e.message}`);
      process.exitCode = EXIT.error;
    },
  );
}
