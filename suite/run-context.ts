// What global setup hands to the workers. Workers are forked after global setup and inherit its
// process.env, so the resolved target travels there (the token too: it never goes to a file).
import path from 'node:path';
import type { SupportedRegions } from '../contract';
import type { AddressKind, Profile } from './config';
import { readJson } from './journal';

export interface RunContext {
  runId: string;
  runDir: string;
  baseUrl: string;
  token: string;
  zoneId: string;
  zoneIdB?: string;
  embedded: boolean;
  dryRun: boolean;
  seed: number;
  profile: Profile;
  strict: boolean;
  allowDestructive: boolean;
  gateUrl: string;
  /** numRuns for property tests, by profile unless overridden. */
  numRuns: number;
  /** The zone's mapping limit that the limit scenario fills to. */
  limit: number;
  /** Why mappings the suite did not write could not be restored if a probe lost them (the probes are then skipped). */
  restoreImpossible?: string;
  /** CONFORMANCE_CONCURRENCY: independent requests a test may have in flight at once. */
  concurrency: number;
  /** CONFORMANCE_ADDRESS_BIAS: the kind test addresses are mostly drawn from (undefined: the mix). */
  addressBias?: AddressKind;
}

const KEY = 'CONFORMANCE_RUN_CONTEXT';
const TOKEN_KEY = 'CONFORMANCE_RUN_TOKEN';

export function publishRunContext(ctx: RunContext): void {
  const { token, ...rest } = ctx;
  process.env[KEY] = JSON.stringify(rest);
  process.env[TOKEN_KEY] = token;
}

let cached: RunContext | undefined;

export function runContext(): RunContext {
  if (cached) return cached;
  const text = process.env[KEY];
  const token = process.env[TOKEN_KEY];
  if (!text || !token)
    throw new Error(
      'No run context: the conformance specs run through playwright.config.ts (npm run conformance), whose global setup resolves the target',
    );
  cached = { ...(JSON.parse(text) as Omit<RunContext, 'token'>), token };
  return cached;
}

/** Supported regions as fetched once per run by global setup (undefined: the target's answer was unusable). */
export function supportedRegions(ctx: RunContext): SupportedRegions | undefined {
  const r = readJson<{ regions?: SupportedRegions }>(path.join(ctx.runDir, 'regions.json'));
  return r.regions;
}
