// npm run conformance: runs the suite and turns its verdict into the documented exit code.
//   0  no MUST failed (SHOULD failures too, in strict mode)
//   1  a MUST failed
//   2  configuration or harness error (the run proves nothing about the target)
// Extra arguments go to `playwright test` (a file:line, --grep @ID, --shard 1/3, ...).
// --dry-run is the same as CONFORMANCE_DRY_RUN=1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, ROOT } from '../config';
import { loadExpectations } from '../report/expectations';

export const EXIT = { pass: 0, fail: 1, error: 2 } as const;

function main(): number {
  const args = process.argv.slice(2);
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
  const cli = require.resolve('@playwright/test/cli');
  const r = spawnSync(process.execPath, [cli, 'test', ...args], { stdio: 'inherit', cwd: ROOT });
  const configError = path.join(cfg.reportsDir, 'config-error.json');
  if (fs.existsSync(configError)) {
    console.error(`Configuration error: ${(JSON.parse(fs.readFileSync(configError, 'utf8')) as { error: string }).error}`);
    return EXIT.error;
  }
  if (!fs.existsSync(report)) {
    console.error(`The run ended (playwright exit ${r.status ?? r.signal}) without writing ${path.relative(ROOT, report)}: harness error`);
    return EXIT.error;
  }
  if (cfg.dryRun) return EXIT.pass;
  const verdict = (JSON.parse(fs.readFileSync(report, 'utf8')) as { verdict: string }).verdict;
  return verdict === 'pass' ? EXIT.pass : verdict === 'fail' ? EXIT.fail : EXIT.error;
}

process.exitCode = main();
