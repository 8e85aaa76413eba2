// Global setup: resolve the target (start the embedded reference server when no base URL is set),
// check the configuration, take the preflight snapshot of the zone(s), fetch supported regions once
// for the whole run, start the shared gate, and publish all of it to the workers.
// Its teardown restores the zone from the journal (suite/state/cleanup.ts) and stops what it started.
import type { FullConfig } from '@playwright/test';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MAPPING_LIMIT, type SupportedRegions } from '../../contract';
import { createServer } from '../../server';
import { cleanupRun, pendingRuns, pruneStateDir } from '../state/cleanup';
import { listAll, ListingError } from '../state/listing';
import { ApiClient, errorCodes } from '../transport/client';
import { ConfigError, loadConfig, type Config } from '../config/config';
import { Transport, TransportError } from '../transport/http';
import { recordCleanup, restoredText } from './next-steps';
import { writeJsonAtomic, type RunInfo, type Snapshot } from '../state/journal';
import { registerSecret } from '../transport/redact';
import { knobs } from '../config/profile';
import { beginRun, clearRunError, publishedSettings, publishRunContext, recordRunError, runSettings, type RegionsAtPreflight, type RunContext } from './run-context';
import { bindStats } from '../transport/stats';
import { startGate } from '../transport/gate';
import { perIpCeiling } from '../transport/throttle';
import { checkResponse } from '../judging/validate';
import { describeRestoration } from '../state/zone-guard';

/** Free room the limit scenario needs: addresses of its own to fill, replace, delete and re-add. */
const LIMIT_SCENARIO_ROOM = 3;

/**
 * Mappings of others the zone guard re-lists after each probe that could lose them (10 pages of 100):
 * above this the probes would cost more than the budget profile's whole run, so they are skipped.
 */
export const GUARD_MAX = 1000;

/** Ends the run as an error of the run (exit 2): the launcher prints the recorded message. */
function refuse(reportsDir: string, message: string, label?: string): never {
  recordRunError(reportsDir, message, label);
  throw new ConfigError(message);
}

/** The target did not answer at all: one line naming it (exit 2), never a stack trace. */
function unreachable(reportsDir: string, url: string, e: TransportError): never {
  refuse(reportsDir, `the target ${url} could not be reached (${e.code ?? e.message}): check CONFORMANCE_BASE_URL, the network and the DNS name`, 'Run error');
}

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
  let cfg: Config;
  try {
    cfg = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) refuse(path.resolve('reports'), e.message);
    throw e;
  }
  const stopping: Array<() => Promise<void>> = [];
  const seed = cfg.seed ?? crypto.randomInt(1, 2 ** 31 - 1);
  const runId = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const runDir = path.join(cfg.stateDir, runId);
  fs.mkdirSync(runDir, { recursive: true });
  fs.mkdirSync(cfg.reportsDir, { recursive: true });
  clearRunError(cfg.reportsDir);
  bindStats(runDir);
  // The reporter finds the run's figures even when the preflight fails: an error run counts the
  // requests it did send. (publishRunContext below completes the run file.)
  beginRun(runSettings(cfg, { runId, runDir, seed }));
  pruneStateDir(cfg.stateDir, runDir);

  let baseUrl = cfg.baseUrl;
  let token = cfg.token;
  let zoneId = cfg.zoneId;
  let zoneIdB = cfg.zoneIdB;
  registerSecret(token);
  const zonesOf = () => [zoneId!, ...(zoneIdB ? [zoneIdB] : [])];

  if (!cfg.embedded && !cfg.dryRun) {
    // A killed earlier run against this target left its journal: finish its cleanup first, so its
    // leftovers are not mistaken for other people's data by this run's snapshot.
    const probe = new Transport({ baseUrl: baseUrl!, token: token! });
    try {
      for (const { dir, info } of pendingRuns(cfg.stateDir)) {
        if (info.embedded || info.baseUrl !== baseUrl) continue;
        console.log(`Finishing the cleanup of an earlier run that did not complete (${info.runId})`);
        const r = await cleanupRun(dir, new ApiClient(probe, info.zones[0]!), `the killed run ${info.runId}`, cfg.concurrency);
        console.log(`  ${restoredText(r)}${r.problems.length ? `; ${r.problems.length} problem(s)` : ''}`);
        for (const x of r.fromSnapshot) console.error(`  restored from its snapshot: ${describeRestoration(x)}`);
        if (r.problems.length) refuse(cfg.reportsDir, `the earlier run ${info.runId} could not be cleaned up: ${r.problems.join('; ')}`);
      }
    } finally {
      probe.close();
    }
  }

  let dryRunOf: string | undefined;
  if (cfg.embedded || cfg.dryRun) {
    // A fresh token per run: nothing outside this process knows it. A dry run rehearses against an
    // embedded twin of the target: the real zones' mappings and supported regions, read with GETs
    // only, so it counts the mutating requests the real run would send without sending any.
    let initialZones: Snapshot | undefined;
    let regions: unknown;
    if (cfg.dryRun && !cfg.embedded) {
      const real = new Transport({ baseUrl: baseUrl!, token: token!, gateUrl: undefined });
      try {
        const c = new ApiClient(real, zoneId!);
        initialZones = {};
        for (const z of zonesOf()) initialZones[z] = await listAll(z === zoneId ? c : c.inZone(z));
        const sr = await c.supportedRegions();
        if (sr.status === 200) regions = sr.json?.result;
      } finally {
        real.close();
      }
      dryRunOf = baseUrl;
    } else {
      zoneId = crypto.randomBytes(16).toString('hex');
      zoneIdB = crypto.randomBytes(16).toString('hex');
    }
    token = crypto.randomBytes(24).toString('hex');
    registerSecret(token);
    const server = await createServer({ token, log: false, initialZones, ...(regions ? { regions: regions as never } : {}) });
    baseUrl = server.url;
    stopping.push(() => server.close());
  }

  const gate = await startGate(cfg.rateLimit, perIpCeiling(baseUrl!));
  stopping.push(() => gate.close());
  const paced = !cfg.embedded && !cfg.dryRun;
  const transport = new Transport({ baseUrl: baseUrl!, token: token!, gateUrl: paced ? gate.url : undefined });
  const client = new ApiClient(transport, zoneId!);

  const zones = zonesOf();
  const info: RunInfo = {
    runId,
    baseUrl: baseUrl!,
    embedded: cfg.embedded || cfg.dryRun,
    zones,
    startedAt: new Date().toISOString(),
    ...(dryRunOf ? { dryRunOf } : {}),
  };
  writeJsonAtomic(path.join(runDir, 'run.json'), info);

  // Preflight: what the zones hold now is what the run must leave behind (and the zone guard puts
  // back: suite/state/zone-guard.ts). Without it the suite could not tell other people's mappings from
  // free addresses, so it writes nothing.
  const snapshot: Snapshot = {};
  for (const z of zones) {
    try {
      snapshot[z] = await listAll(z === zoneId ? client : client.inZone(z));
    } catch (e) {
      if (e instanceof ListingError)
        refuse(cfg.reportsDir, `zone ${z}: ${e.message}. The suite writes only in a zone it can snapshot and restore`);
      if (e instanceof TransportError) unreachable(cfg.reportsDir, cfg.baseUrl ?? baseUrl!, e);
      throw e;
    }
  }
  writeJsonAtomic(path.join(runDir, 'snapshot.json'), snapshot);
  const foreign = Object.values(snapshot).reduce((a, m) => a + m.length, 0);
  const restoreImpossible =
    foreign > GUARD_MAX
      ? `the zones hold ${foreign} mappings the suite did not write; comparing them with the snapshot after each such probe would cost ${Math.ceil(foreign / 100)} requests (the guard covers up to ${GUARD_MAX})`
      : undefined;
  const size = snapshot[zoneId!]!.length;
  const target = cfg.embedded ? `embedded reference server (${baseUrl})` : dryRunOf ? `DRY RUN of ${dryRunOf}: an embedded twin of its zone, no request that changes anything is sent to it` : baseUrl;
  console.log(
    `Conformance run ${runId}\n  target: ${target}\n  seed: ${seed}  profile: ${cfg.profile}\n  zone ${zoneId}: ${size} mapping(s) before the run${zoneIdB ? `; zone B: ${snapshot[zoneIdB]!.length}` : ''}`,
  );
  if (cfg.allowDestructive && size > MAPPING_LIMIT - LIMIT_SCENARIO_ROOM) {
    refuse(cfg.reportsDir, `the zone holds ${size} mappings: the limit scenario needs ${LIMIT_SCENARIO_ROOM} free of the ${MAPPING_LIMIT}. Free some, use another zone, or unset CONFORMANCE_ALLOW_DESTRUCTIVE`);
  }

  // Supported regions, once per run: every check validates against what the target lists now.
  const sr = await client.supportedRegions();
  if (sr.status >= 400 && sr.status < 500) {
    // openapi.json, supported_regions: "Requires the zone to have Tiered Cache enabled." Without the
    // list no mapping can be written, so this is the zone's setup, not a verdict on the target.
    const codes = errorCodes(sr).join(', ');
    refuse(
      cfg.reportsDir,
      `GET supported_regions of zone ${zoneId} answered ${sr.status}${codes ? ` (code ${codes})` : ''}: the suite writes only the ` +
        'vendor/region pairs it lists, so it cannot run without it. The endpoint "Requires the zone to have Tiered Cache enabled" ' +
        '(openapi.json): enable Tiered Cache for this zone, or use another zone',
    );
  }
  const problems = checkResponse('supported-regions', sr);
  const regions: RegionsAtPreflight = {
    regions: sr.status === 200 && problems.length === 0 ? (sr.json?.result as SupportedRegions) : undefined,
    status: sr.status,
    problems,
  };

  const ctx: RunContext = {
    ...runSettings(cfg, { runId, runDir, seed }),
    baseUrl: baseUrl!,
    token: token!,
    zoneId: zoneId!,
    zoneIdB,
    embedded: cfg.embedded || cfg.dryRun,
    dryRun: cfg.dryRun,
    allowDestructive: cfg.allowDestructive,
    gateUrl: gate.url,
    numRuns: cfg.numRuns ?? knobs(cfg.profile).propertyRuns,
    limit: MAPPING_LIMIT,
    ...(restoreImpossible ? { restoreImpossible } : {}),
    concurrency: cfg.concurrency,
    addressBias: cfg.addressBias,
  };
  publishRunContext(ctx, regions);

  return async () => {
    try {
      const result = await cleanupRun(runDir, new ApiClient(transport, zoneId!), undefined, cfg.concurrency);
      recordCleanup(runDir, info.embedded, result);
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
