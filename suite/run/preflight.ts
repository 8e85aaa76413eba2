// The preflight: before any test, the zone(s) must be in a state the run can restore, and the target's
// supported regions usable. It finishes the cleanup a killed earlier run left, takes the snapshot of
// the zones (what the run must leave behind), and fetches the supported regions once for the run.
// Whatever makes the run impossible ends it as an error of the run (exit 2), never as a test failure.
import path from 'node:path';
import { MAPPING_LIMIT, type SupportedRegions } from '../../contract';
import type { Config } from '../config/config';
import { checkResponse } from '../judging/validate';
import { cleanupRun, pendingRuns } from '../state/cleanup';
import { writeJsonAtomic, type Snapshot } from '../state/journal';
import { listAll, ListingError } from '../state/listing';
import { describeRestoration } from '../state/zone-guard';
import { ApiClient, errorCodes } from '../transport/client';
import { inParallel } from '../transport/concurrency';
import { Transport, TransportError } from '../transport/http';
import { restoredText } from './next-steps';
import { refuse, unreachable, zonesOf, type RegionsAtPreflight, type RunSettings } from './run-context';
import type { Target } from './target';

/** Free room the limit scenario needs: addresses of its own to fill, replace, delete and re-add. */
const LIMIT_SCENARIO_ROOM = 3;

/**
 * Mappings of others the zone guard re-lists after each probe that could lose them (10 pages of 100):
 * above this the probes would cost more than the budget profile's whole run, so they are skipped.
 */
const GUARD_MAX = 1000;

/** A killed earlier run against this target left its journal: finish its cleanup first, so its
 * leftovers are not mistaken for other people's data by this run's snapshot. */
export async function finishKilledRuns(cfg: Config): Promise<void> {
  if (cfg.embedded || cfg.dryRun) return;
  const probe = new Transport({ baseUrl: cfg.baseUrl!, token: cfg.token! });
  try {
    for (const { dir, info } of pendingRuns(cfg.stateDir)) {
      if (info.embedded || info.baseUrl !== cfg.baseUrl) continue;
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

export interface Preflight {
  snapshot: Snapshot;
  /** Why mappings the suite did not write could not be restored if a probe lost them. */
  restoreImpossible?: string;
  regions: RegionsAtPreflight;
}

/** Snapshot of the zones (written to <runDir>/snapshot.json), the limit scenario's room, supported regions. */
export async function preflight(
  cfg: Config,
  run: RunSettings,
  target: Target,
  client: ApiClient,
): Promise<Preflight> {
  const { zoneId, zoneIdB, baseUrl, dryRunOf } = target;
  // What the zones hold now is what the run must leave behind (and the zone guard puts back:
  // suite/state/zone-guard.ts). Without it the suite could not tell other people's mappings from
  // free addresses, so it writes nothing.
  const snapshot: Snapshot = {};
  // The zones are listed together (against a far target, one walk's round trips, not two); they are
  // judged in the configuration's order.
  const zones = zonesOf(target);
  const listed = await inParallel(zones, zones.length, (z) =>
    listAll(z === zoneId ? client : client.inZone(z)).then(
      (mappings) => ({ mappings, error: undefined }),
      (error: unknown) => ({ mappings: undefined, error }),
    ),
  );
  for (const [i, z] of zones.entries()) {
    const { mappings, error: e } = listed[i]!;
    if (mappings) {
      snapshot[z] = mappings;
      continue;
    }
    if (e instanceof ListingError)
      refuse(cfg.reportsDir, `zone ${z}: ${e.message}. The suite writes only in a zone it can snapshot and restore`);
    if (e instanceof TransportError) unreachable(cfg.reportsDir, cfg.baseUrl ?? baseUrl, e);
    throw e;
  }
  writeJsonAtomic(path.join(run.runDir, 'snapshot.json'), snapshot);
  const foreign = Object.values(snapshot).reduce((a, m) => a + m.length, 0);
  const restoreImpossible =
    foreign > GUARD_MAX
      ? `the zones hold ${foreign} mappings the suite did not write; comparing them with the snapshot after each such probe would cost ${Math.ceil(foreign / 100)} requests (the guard covers up to ${GUARD_MAX})`
      : undefined;
  const size = snapshot[zoneId]!.length;
  const shown = cfg.embedded ? `embedded reference server (${baseUrl})` : dryRunOf ? `DRY RUN of ${dryRunOf}: an embedded twin of its zone, no request that changes anything is sent to it` : baseUrl;
  console.log(
    `Conformance run ${run.runId}\n  target: ${shown}\n  seed: ${run.seed}  profile: ${cfg.profile}\n  zone ${zoneId}: ${size} mapping(s) before the run${zoneIdB ? `; zone B: ${snapshot[zoneIdB]!.length}` : ''}`,
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
  return { snapshot, ...(restoreImpossible ? { restoreImpossible } : {}), regions };
}
