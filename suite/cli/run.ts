// npm run conformance: runs the suite and turns its verdict into the documented exit code.
//   0  no MUST failed (SHOULD failures too, in strict mode)
//   1  a MUST failed
//   2  configuration or harness error (the run proves nothing about the target)
// Extra arguments go to `playwright test` (a file:line, --grep @ID, --shard 1/3, ...).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, ROOT } from '../config';
import { loadExpectations } from '../report/expectations';

export const EXIT = { pass: 0, fail: 1, error: 2 } as const;

function main(): number {
  let reportsDir: string;
  try {
    const cfg = loadConfig();
    loadExpectations(cfg.expectationsFile);
    reportsDir = cfg.reportsDir;
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`);
      return EXIT.error;
    }
    throw e;
  }
  const report = path.join(reportsDir, 'conformance.json');
  fs.rmSync(report, { force: true });
  const cli = require.resolve('@playwright/test/cli');
  const r = spawnSync(process.execPath, [cli, 'test', ...process.argv.slice(2)], { stdio: 'inherit', cwd: ROOT });
  const configError = path.join(reportsDir, 'config-error.json');
  if (fs.existsSync(configError)) {
    console.error(`Configuration error: ${(JSON.parse(fs.readFileSync(configError, 'utf8')) as { error: string }).error}`);
    return EXIT.error;
  }
  if (!fs.existsSync(report)) {
    console.error(`The run ended (playwright exit ${r.status ?? r.signal}) without writing ${path.relative(ROOT, report)}: harness error`);
    return EXIT.error;
  }
  const verdict = (JSON.parse(fs.readFileSync(report, 'utf8')) as { verdict: string }).verdict;
  return verdict === 'pass' ? EXIT.pass : verdict === 'fail' ? EXIT.fail : EXIT.error;
}

process.exitCode = main();
