// Global setup of a multi-case invocation (selftest/multi.config.ts): the suite's own global setup
// once per case, in turn, each with the case's settings in the environment, as a single run of the
// case would have them; the run file it writes is pointed to, in the case's reports directory, for the
// case's workers and reporter.
// A case whose setup fails is an error of that case only (recorded in its reports directory, as a
// single run records it), not of the others. The teardown cleans up every case's zones.
import type { FullConfig } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import globalSetup from '../suite/run/global-setup';
import { currentRunFile, publishedSettings, recordRunError } from '../suite/run/run-context';
import { bindStats } from '../suite/transport/stats';
import { readBatch } from './multi';

export default async function multiSetup(config: FullConfig): Promise<() => Promise<void>> {
  const { cases } = readBatch();
  const original = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('CONFORMANCE_')));
  const restoreEnv = () => {
    for (const k of Object.keys(process.env)) if (k.startsWith('CONFORMANCE_') && !(k in original)) delete process.env[k];
    Object.assign(process.env, original);
  };
  const teardowns: Array<{ name: string; runDir?: string; teardown: () => Promise<void> }> = [];
  for (const c of cases) {
    restoreEnv();
    Object.assign(process.env, c.settings, { CONFORMANCE_API_TOKEN: process.env[c.tokenVariable] ?? '' });
    const reportsDir = c.settings.CONFORMANCE_REPORTS_DIR!;
    fs.mkdirSync(reportsDir, { recursive: true });
    try {
      const teardown = await globalSetup(config);
      teardowns.push({ name: c.name, runDir: publishedSettings(currentRunFile())?.runDir, teardown });
    } catch (e) {
      // A ConfigError was recorded by the suite's setup (config-error.json); anything else is recorded here.
      if (!fs.existsSync(path.join(reportsDir, 'config-error.json'))) recordRunError(reportsDir, e instanceof Error ? e.message : String(e), 'Run error');
      console.error(`${c.name}: global setup failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  restoreEnv();
  return async () => {
    for (const t of teardowns) {
      // The cleanup's requests count to the case's run, as in a single run.
      bindStats(t.runDir);
      try {
        await t.teardown();
      } catch (e) {
        console.error(`${t.name}: global teardown failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  };
}
