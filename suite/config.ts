// The one module that reads the environment (after .env via dotenv). Every variable is listed in
// .env.example and the README's configuration table. A bad value is a ConfigError: an error of the
// run (exit code 2), never a failure of the target.
import { config as loadDotenv } from 'dotenv';
import path from 'node:path';
import { ConfigError, parseRateLimit, type RateLimit } from '../contract';
import { DEFAULT_CONCURRENCY } from './concurrency';

export { ConfigError } from '../contract';

export type Profile = 'full' | 'budget';

export interface Config {
  /** Base URL including the base path, without a trailing slash. Undefined: the embedded server. */
  baseUrl?: string;
  embedded: boolean;
  token?: string;
  zoneId?: string;
  zoneIdB?: string;
  allowDestructive: boolean;
  dryRun: boolean;
  seed?: number;
  profile: Profile;
  strict: boolean;
  /** A MUST that no test showed (skipped) fails the run. */
  requireAll: boolean;
  rateLimit?: RateLimit;
  /** Known deviations file (see suite/expectations.ts). */
  expectationsFile: string;
  /** Where run-scoped state (journal, stats) lives; survives a killed run for conformance:cleanup. */
  stateDir: string;
  reportsDir: string;
  /** Property-run depth override (numRuns per property). */
  numRuns?: number;
  /** Independent requests a test (or the cleanup) may have in flight at once (suite/concurrency.ts). */
  concurrency: number;
}

/** The suite's own files (specs, schemas, config), wherever it is installed. */
export const ROOT = path.resolve(__dirname, '..');

const ZONE_ID = /^[0-9a-f]{32}$/i;

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const v = env[name];
  if (v === undefined || v === '') return false;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new ConfigError(`${name} must be 1/true/yes/on or 0/false/no/off, got "${v}"`);
}

function positiveInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1 || !Number.isSafeInteger(Number(v)))
    throw new ConfigError(`${name} must be a positive whole number, got "${v}"`);
  return Number(v);
}

/** The most a test may have in flight: more would only queue on the transport's 16 sockets. */
export const MAX_CONCURRENCY = 16;

function concurrency(env: NodeJS.ProcessEnv): number {
  const n = positiveInt(env, 'CONFORMANCE_CONCURRENCY') ?? DEFAULT_CONCURRENCY;
  if (n > MAX_CONCURRENCY) throw new ConfigError(`CONFORMANCE_CONCURRENCY must be at most ${MAX_CONCURRENCY}, got "${n}"`);
  return n;
}

/** Reads and checks the configuration. `env` defaults to process.env after loading .env. */
export function loadConfig(env: NodeJS.ProcessEnv = loadEnv()): Config {
  const rawBase = env.CONFORMANCE_BASE_URL?.trim();
  let baseUrl: string | undefined;
  if (rawBase) {
    let u: URL;
    try {
      u = new URL(rawBase);
    } catch {
      throw new ConfigError(`CONFORMANCE_BASE_URL is not a URL: "${rawBase}"`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      throw new ConfigError(`CONFORMANCE_BASE_URL must be http or https, got "${u.protocol}"`);
    if (u.search || u.hash) throw new ConfigError('CONFORMANCE_BASE_URL must not carry a query or fragment');
    if (u.username || u.password) throw new ConfigError('CONFORMANCE_BASE_URL must not carry credentials');
    baseUrl = u.toString().replace(/\/+$/, '');
  }
  const embedded = !baseUrl;
  const token = env.CONFORMANCE_API_TOKEN || undefined;
  const zoneId = env.CONFORMANCE_ZONE_ID || undefined;
  const zoneIdB = env.CONFORMANCE_ZONE_ID_B || undefined;
  if (!embedded) {
    const missing = [
      !token && 'CONFORMANCE_API_TOKEN',
      !zoneId && 'CONFORMANCE_ZONE_ID',
    ].filter(Boolean);
    if (missing.length)
      throw new ConfigError(`CONFORMANCE_BASE_URL is set, so ${missing.join(' and ')} must be set too`);
  }
  for (const [name, v] of [
    ['CONFORMANCE_ZONE_ID', zoneId],
    ['CONFORMANCE_ZONE_ID_B', zoneIdB],
  ] as const) {
    if (v !== undefined && !ZONE_ID.test(v)) throw new ConfigError(`${name} must be a 32-hex-digit zone id, got "${v}"`);
  }
  if (zoneId && zoneIdB && zoneId.toLowerCase() === zoneIdB.toLowerCase())
    throw new ConfigError('CONFORMANCE_ZONE_ID_B must name another zone than CONFORMANCE_ZONE_ID');

  const seedText = env.CONFORMANCE_SEED;
  let seed: number | undefined;
  if (seedText !== undefined && seedText !== '') {
    if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText)) || Math.abs(Number(seedText)) > 2 ** 31 - 1)
      throw new ConfigError(`CONFORMANCE_SEED must be a whole number between -2147483647 and 2147483647, got "${seedText}"`);
    seed = Number(seedText);
  }

  const profileText = env.CONFORMANCE_PROFILE || (embedded ? 'full' : 'budget');
  if (profileText !== 'full' && profileText !== 'budget')
    throw new ConfigError(`CONFORMANCE_PROFILE must be "full" or "budget", got "${profileText}"`);

  // Checked here (a bad value is exit 2); read where addresses are drawn (addressBiasFromEnv).
  parseAddressBias(env.CONFORMANCE_ADDRESS_BIAS);

  const rateText = env.CONFORMANCE_RATE_LIMIT;
  const rateLimit = rateText ? parseRateLimit(rateText, 'CONFORMANCE_RATE_LIMIT') : undefined;

  return {
    baseUrl,
    embedded,
    token,
    zoneId,
    zoneIdB,
    // The embedded server's zones are the run's own: filling them harms nobody.
    allowDestructive: flag(env, 'CONFORMANCE_ALLOW_DESTRUCTIVE') || embedded,
    dryRun: flag(env, 'CONFORMANCE_DRY_RUN'),
    seed,
    profile: profileText,
    strict: flag(env, 'CONFORMANCE_STRICT'),
    requireAll: flag(env, 'CONFORMANCE_REQUIRE_ALL'),
    rateLimit,
    // The caller's files, relative to the working directory (the repo root under npm scripts; the
    // vendor's project when run from the installed package).
    expectationsFile: path.resolve(env.CONFORMANCE_EXPECTATIONS || 'conformance.expectations.json'),
    stateDir: path.resolve(env.CONFORMANCE_STATE_DIR || '.conformance'),
    reportsDir: path.resolve(env.CONFORMANCE_REPORTS_DIR || 'reports'),
    numRuns: positiveInt(env, 'CONFORMANCE_NUM_RUNS'),
    concurrency: concurrency(env),
  };
}

export const ADDRESS_KINDS = ['ipv6', 'ipv4', 'mapped', 'compatible'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

/**
 * CONFORMANCE_ADDRESS_BIAS: draw the test addresses mostly from one kind (its weight in the mix
 * times 100). A tuning knob: the self-test's mapped-hex variant runs with "mapped", so that every check
 * that compares addresses meets the hex form of a mapped address (a SHOULD failure only).
 */
export function parseAddressBias(text: string | undefined): AddressKind | undefined {
  if (text === undefined || text === '') return undefined;
  if (!(ADDRESS_KINDS as readonly string[]).includes(text))
    throw new ConfigError(`CONFORMANCE_ADDRESS_BIAS must be one of ${ADDRESS_KINDS.join(', ')}, got "${text}"`);
  return text as AddressKind;
}

/** The bias for the address arbitraries (suite/ip/arbitraries.ts); a bad value is loadConfig's error to report. */
export function addressBiasFromEnv(): AddressKind | undefined {
  try {
    return parseAddressBias(loadEnv().CONFORMANCE_ADDRESS_BIAS);
  } catch {
    return undefined;
  }
}

let dotenvLoaded = false;
export function loadEnv(): NodeJS.ProcessEnv {
  if (!dotenvLoaded) {
    // quiet: dotenv must not print; it never overrides variables already set.
    // The caller's .env (the working directory's), like the reports.
    loadDotenv({ path: path.resolve('.env'), quiet: true });
    dotenvLoaded = true;
  }
  return process.env;
}
