// Global setup composes the run's three steps: resolve the target (suite/run/target.ts: start the
// embedded reference server when no base URL is set), the preflight (suite/run/preflight.ts: the zone
// snapshot and the supported regions), and the run file the workers read (suite/run/run-context.ts).
// Its teardown restores the zone from the journal (suite/state/cleanup.ts) and stops what it started.
import type { FullConfig } from '@playwright/test';
import path from 'node:path';
import { ConfigError, loadConfig, loadEnv, reportsDirFor, type Config } from '../config/config';
import { cleanupRun } from '../state/cleanup';
import { describeRestoration } from '../state/zone-guard';
import { ApiClient } from '../transport/client';
import { startGate } from '../transport/gate';
import { Transport, TransportError } from '../transport/http';
import { perIpCeiling } from '../transport/throttle';
import { recordCleanup } from './next-steps';
import { finishKilledRuns, preflight } from './preflight';
import { forgetRun, publishedSettings, publishRunContext, recordRunInfo, refuse, startRun, unreachable } from './run-context';
import { resolveTarget } from './target';

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  try {
    return await setup(config);
  } catch (e) {
    // Unreachable target or DNS failure during the preflight: a run error in one line.
    if (e instanceof TransportError) {
      const url = process.env.CONFORMANCE_BASE_URL || 'the target';
      unreachable(publishedSettings()?.reportsDir ?? path.resolve('reports'), url, e);
    }
    throw e;
  }
}

async function setup(_config: FullConfig): Promise<() => Promise<void>> {
  forgetRun(reportsDirFor(loadEnv()));
  let cfg: Config;
  try {
    cfg = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) refuse(path.resolve('reports'), e.message);
    throw e;
  }
  const stopping: Array<() => Promise<void>> = [];
  const run = startRun(cfg);
  await finishKilledRuns(cfg);
  const target = await resolveTarget(cfg);
  stopping.push(() => target.stop());

  const gate = await startGate(cfg.rateLimit, perIpCeiling(target.baseUrl));
  stopping.push(() => gate.close());
  // Only a real target is paced: the embedded server (or a dry run's twin) has no rate limit to respect.
  const paced = !cfg.embedded && !cfg.dryRun;
  const transport = new Transport({ baseUrl: target.baseUrl, token: target.token, gateUrl: paced ? gate.url : undefined });
  const info = recordRunInfo(cfg, run, target);
  const found = await preflight(cfg, run, target, new ApiClient(transport, target.zoneId));
  publishRunContext(cfg, run, target, gate.url, found);

  return async () => {
    try {
      const result = await cleanupRun(run.runDir, new ApiClient(transport, target.zoneId), undefined, cfg.concurrency);
      recordCleanup(run.runDir, info.embedded, result);
      for (const w of result.warnings) console.error(`Cleanup: ${w}`);
      if (result.fromSnapshot.length)
        console.error(
          `\nZONE RESTORED FROM THE PREFLIGHT SNAPSHOT at the end of the run: ${result.fromSnapshot.length} mapping(s) the suite never wrote were gone or changed:\n  ${result.fromSnapshot.map(describeRestoration).join('\n  ')}\n`,
        );
      if (result.problems.length)
        console.error(`Cleanup left problems (run npm run conformance:cleanup):\n  ${result.problems.join('\n  ')}`);
    } finally {
      transport.close();
      for (const stop of stopping.reverse()) await stop();
    }
  };
}
