// npm run conformance:cleanup: finishes the cleanup of every run that did not complete (killed,
// even with kill -9): deletes the mappings it created, restores the pre-existing ones it changed,
// from its journal in .conformance/, and puts back from the run's preflight snapshot every mapping
// it never wrote that is gone or changed (a defective target's doing), saying which. Uses the same configuration as the run (token from the
// environment or .env). Exit 0: all clean; 1: something could not be restored; 2: configuration.
import { ApiClient } from '../transport/client';
import { cleanupRun, pendingRuns } from '../state/cleanup';
import { ConfigError, loadConfig } from '../config/config';
import { Transport } from '../transport/http';
import { readJson, writeJsonAtomic, type RunInfo } from '../state/journal';
import { redact, registerSecret } from '../transport/redact';
import { TransportError } from '../transport/http';
import { describeRestoration } from '../state/zone-guard';
import path from 'node:path';

async function main(): Promise<number> {
  let cfg;
  try {
    cfg = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`);
      return 2;
    }
    throw e;
  }
  registerSecret(cfg.token);
  const pending = pendingRuns(cfg.stateDir);
  if (!pending.length) {
    console.log(`Nothing to clean up: every run in ${cfg.stateDir} completed its cleanup.`);
    return 0;
  }
  let problems = 0;
  for (const { dir, info } of pending) {
    if (info.embedded) {
      // The embedded server lived and died with its run: there is no zone left to restore.
      writeJsonAtomic(path.join(dir, 'run.json'), { ...readJson<RunInfo>(path.join(dir, 'run.json')), completed: new Date().toISOString() });
      console.log(`Run ${info.runId}: embedded target, nothing to restore.`);
      continue;
    }
    if (!cfg.token) {
      console.error(`Configuration error: run ${info.runId} targeted ${info.baseUrl}: set CONFORMANCE_API_TOKEN to clean it up`);
      return 2;
    }
    const transport = new Transport({ baseUrl: info.baseUrl, token: cfg.token });
    try {
      const r = await cleanupRun(dir, new ApiClient(transport, info.zones[0]!), 'conformance:cleanup', cfg.concurrency);
      console.log(
        `Run ${info.runId} (${info.baseUrl}): deleted ${r.deleted}, restored ${r.restored}, restored from the preflight snapshot ${r.fromSnapshot.length}${r.problems.length ? `, ${r.problems.length} problem(s)` : ''}.`,
      );
      for (const x of r.fromSnapshot) console.log(`  restored from the snapshot: ${describeRestoration(x)}`);
      for (const p of r.problems) console.error(`  ${p}`);
      problems += r.problems.length;
    } finally {
      transport.close();
    }
  }
  return problems ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: Error) => {
    if (e instanceof TransportError) console.error(`Cleanup failed: the target could not be reached (${e.code ?? redact(e.message)}): ${redact(e.exchange.request.url)}`);
    else console.error(`Cleanup failed: ${redact(e.message)}`);
    process.exitCode = 1;
  },
);
