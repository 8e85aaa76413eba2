// The one module that reads the environment (after .env via dotenv), and the one list of its
// variables (VARIABLES): .env.example and the README's configuration table follow it (a unit test keeps
// them in step), launchers clear it with cleanEnv(), and the CLI mirrors it as flags. A bad value is a
// ConfigError: an error of the run (exit code 2), never a failure of the target.
import { config as loadDotenv } from 'dotenv';
import path from 'node:path';
import { ConfigError, parseRateLimit, type RateLimit } from '../../contract';
import { DEFAULT_CONCURRENCY } from '../transport/concurrency';

export { ConfigError } from '../../contract';

export type Profile = 'full' | 'budget';

export interface Variable {
  /** The environment variable, CONFORMANCE_*. */
  name: string;
  /** The command-line flag that mirrors it (suite/cli/main.ts); none for the token, whose flags are
   * the CLI's own (argv is visible to every user of the machine). */
  flag?: string;
  /** Placeholder of the flag's value; none: a switch (the flag sets the variable to 1). */
  value?: string;
  /** The flag's one-line help. */
  help: string;
  /** What it sets and its default, as the README's configuration table words them. */
  meaning: string;
  default: string;
}

const v = (suffix: string, flag: string | undefined, value: string | undefined, help: string, meaning: string, fallback: string): Variable => ({
  name: `CONFORMANCE_${suffix}`,
  ...(flag ? { flag } : {}),
  ...(value ? { value } : {}),
  help,
  meaning,
  default: fallback,
});

/** Every variable the suite reads, in the order of the README's table. */
export const VARIABLES: readonly Variable[] = [
  v('BASE_URL', '--url', 'URL', 'target base URL with its base path, e.g. http://127.0.0.1:8787/client/v4 (unset: the embedded reference server)',
    'target base URL including the base path, e.g. `https://api.cloudflare.com/client/v4`', 'unset: the embedded reference server on a free port of 127.0.0.1'),
  v('API_TOKEN', undefined, undefined, 'the API token', 'API token (Bearer); never printed or written anywhere', 'required with a base URL'),
  v('ZONE_ID', '--zone', 'ID', 'the zone the suite writes in (32 hex digits)', 'the zone the suite writes in (32 hex digits)', 'required with a base URL'),
  v('ZONE_ID_B', '--zone-b', 'ID', 'a second zone, for the zone-isolation checks',
    'a second zone reachable with the same token, for zone-isolation checks', 'unset: those checks are skipped with a visible reason'),
  v('ALLOW_DESTRUCTIVE', '--allow-destructive', undefined, 'run the zone-filling limit scenario against a non-embedded target',
    '`1` to run the zone-filling limit scenario against a non-embedded target', 'off (always on for the embedded target)'),
  v('SEED', '--seed', 'N', 'fix all generation (every run prints its seed)', 'fixes all generation; every run prints its seed', 'random'),
  v('PROFILE', '--profile', 'full|budget', 'full (deep property runs) or budget (under 1,000 requests); default full embedded, budget otherwise',
    '`full` (deep property runs) or `budget` (the whole run within 1,000 requests)', '`full` embedded, `budget` otherwise'),
  v('RATE_LIMIT', '--rate-limit', 'REQUESTS/SECONDS', 'pace below a known limit (Cloudflare: 1200/300)',
    'pace below a known limit, `REQUESTS/SECONDS` (Cloudflare: `1200/300`)', 'unset: full speed, 429s waited out'),
  v('DRY_RUN', '--dry-run', undefined, 'list the mutating requests the run would send, send none',
    '`1` (or `--dry-run`): list the mutating requests the run would send to the target, without sending any (needs `CONFORMANCE_BASE_URL`)', 'off'),
  v('STRICT', '--strict', undefined, 'SHOULD failures fail the run', '`1`: SHOULD failures fail the run', 'off'),
  v('REQUIRE_ALL', '--require-all', undefined, 'a MUST that no test showed fails the run (release gates)',
    '`1`: a MUST that no test showed (skipped: no second zone, no destructive opt-in, ...) fails the run; for release gates', 'off'),
  v('EXPECTATIONS', '--expectations', 'FILE', 'known-deviations file (default conformance.expectations.json)', 'known-deviations file', '`conformance.expectations.json`'),
  v('NUM_RUNS', '--num-runs', 'N', 'runs per property (overrides the profile)', 'runs per property (overrides the profile: 100 full, 8 budget)', 'by profile'),
  v('WORKERS', '--workers', 'N', 'parallel workers (default 2 embedded, 4 otherwise)', 'parallel workers; results do not depend on it', '2 embedded, 4 otherwise'),
  v('CONCURRENCY', '--concurrency', 'N', 'independent requests a test may have in flight at once, 1 to 16 (default 8)',
    'independent requests a test may have in flight at once (a matrix of refused or bad requests, per-address checks, property runs on disjoint addresses, the limit scenario\'s fill, cleanup), 1 to 16; a zone-wide test, which runs alone, may have that many per worker (at most 16); answers are judged in a fixed order, so results do not depend on it, and a remote (not loopback) target never gets more than 150 requests in any second (Cloudflare allows a client IP 200)', '8'),
  v('FC_PATH', '--fc-path', 'PATH', 'replay one fast-check counterexample', 'replay one fast-check counterexample (printed with a failure)', 'unset'),
  v('FC_REPLAY_PATH', '--fc-replay-path', 'PATH', "with --fc-path, replay the model-based test's shrunk command sequence",
    "with `CONFORMANCE_FC_PATH`, replay the model-based test's shrunk command sequence (printed with its failure)", 'unset'),
  v('ADDRESS_BIAS', '--address-bias', 'KIND', 'draw addresses mostly from ipv6, ipv4, mapped, compatible, translated or nat64',
    'draw test addresses mostly from one kind (its weight times 100): `ipv6`, `ipv4`, `mapped`, `compatible`, `translated` (::ffff:0:a.b.c.d), `nat64` (64:ff9b::a.b.c.d)', 'the mix 5:2:2:1:1:1'),
  v('STATE_DIR', '--state-dir', 'DIR', 'run journals for crash-safe cleanup (default ./.conformance)',
    'run journals and preflight snapshots (crash-safe cleanup); keeps unfinished runs and the 10 newest finished ones, prunes older ones', '`.conformance`'),
  v('REPORTS_DIR', '--reports-dir', 'DIR', 'reports (default ./reports)', 'reports', '`reports`'),
];

/**
 * The environment for a launched suite run: `base` without any CONFORMANCE_* variable, and every
 * variable of VARIABLES set empty, so that the repository's .env cannot fill one in (dotenv never
 * overrides a variable that is set). The launcher then sets what its run needs.
 */
export function cleanEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!k.startsWith('CONFORMANCE_')) env[k] = v;
  for (const v of VARIABLES) env[v.name] = '';
  return env;
}

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
  /** Known deviations file (see suite/report/expectations.ts). */
  expectationsFile: string;
  /** Where run-scoped state (journal, stats) lives; survives a killed run for conformance:cleanup. */
  stateDir: string;
  reportsDir: string;
  /** Property-run depth override (numRuns per property). */
  numRuns?: number;
  /** Independent requests a test (or the cleanup) may have in flight at once (suite/transport/concurrency.ts). */
  concurrency: number;
  /** The kind of address the test addresses are mostly drawn from (undefined: the mix). */
  addressBias?: AddressKind;
  /** A fast-check counterexample path to replay (printed with a property failure). */
  fcPath?: string;
  /** The model-based test's shrunk command sequence to replay, with fcPath. */
  fcReplayPath?: string;
}

/** The suite's own files (specs, schemas, config), wherever it is installed. */
export const ROOT = path.resolve(__dirname, '..', '..');

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

/**
 * Where the reports go. A dry run writes only its own files, in their own folder (dry-run/ inside the
 * reports directory): the reports of the last real run (conformance.json, junit.xml, html/) stay as they
 * were, so a CI that publishes them never publishes the rehearsal. playwright.config.ts uses it too.
 */
export function reportsDirFor(env: NodeJS.ProcessEnv): string {
  const base = path.resolve(env.CONFORMANCE_REPORTS_DIR || 'reports');
  // Idempotent: the runner passes the resolved directory on to Playwright.
  const dry = /^(1|true|yes|on)$/i.test(env.CONFORMANCE_DRY_RUN ?? '') && path.basename(base) !== 'dry-run';
  return dry ? path.join(base, 'dry-run') : base;
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

  const dryRun = flag(env, 'CONFORMANCE_DRY_RUN');
  // A dry run rehearses against an embedded twin of a real target's zones (docs/ci.md, "Dry run"):
  // without a target there is nothing to read, and the embedded run changes nothing outside itself.
  if (dryRun && embedded)
    throw new ConfigError(
      'CONFORMANCE_DRY_RUN (--dry-run) rehearses a run against a target: set CONFORMANCE_BASE_URL (--url). Without one the run goes to the embedded reference server, which changes nothing outside this process: run without --dry-run',
    );

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
    dryRun,
    seed,
    profile: profileText,
    strict: flag(env, 'CONFORMANCE_STRICT'),
    requireAll: flag(env, 'CONFORMANCE_REQUIRE_ALL'),
    rateLimit,
    // The caller's files, relative to the working directory (the repo root under npm scripts; the
    // vendor's project when run from the installed package).
    expectationsFile: path.resolve(env.CONFORMANCE_EXPECTATIONS || 'conformance.expectations.json'),
    stateDir: path.resolve(env.CONFORMANCE_STATE_DIR || '.conformance'),
    reportsDir: reportsDirFor(env),
    numRuns: positiveInt(env, 'CONFORMANCE_NUM_RUNS'),
    concurrency: concurrency(env),
    addressBias: parseAddressBias(env.CONFORMANCE_ADDRESS_BIAS),
    fcPath: env.CONFORMANCE_FC_PATH || undefined,
    fcReplayPath: env.CONFORMANCE_FC_REPLAY_PATH || undefined,
  };
}

export const ADDRESS_KINDS = ['ipv6', 'ipv4', 'mapped', 'compatible', 'translated', 'nat64'] as const;
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

