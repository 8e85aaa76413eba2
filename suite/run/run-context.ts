// The run's own files, and the one module that writes and reads them:
//   <runDir>/context.json   what global setup resolved (target, zones, seed, profile, settings) and the
//                           supported regions it fetched once for the whole run; never the token
//   <reportsDir>/run-file.txt       the path of the current run's context.json
//   <reportsDir>/config-error.json   the error that ended the run before any test (exit 2)
// Workers and the reporter find the run file from the reports directory, which they derive from the
// configuration they load anyway (reportsDirFor: CONFORMANCE_REPORTS_DIR, .env, dry run), as the
// launcher finds config-error.json. Only the token travels in the environment workers inherit (it never
// goes to a file). Two runs at once need two reports directories, as their reports already do.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MAPPING_LIMIT, type SupportedRegions } from '../../contract';
import { ConfigError, loadEnv, reportsDirFor, type AddressKind, type Config, type Profile } from '../config/config';
import { knobs } from '../config/profile';
import { pruneStateDir } from '../state/cleanup';
import { readJson, writeJsonAtomic, type RunInfo } from '../state/journal';
import type { Violation } from '../judging/validate';
import type { TransportError } from '../transport/http';
import { bindStats } from '../transport/stats';
import type { Target } from './target';

/** The zones a run writes in: zone A, and zone B when there is one. */
export const zonesOf = (t: { zoneId: string; zoneIdB?: string }): string[] => [t.zoneId, ...(t.zoneIdB ? [t.zoneIdB] : [])];

/** The settings of the run, known as soon as the configuration is read (the reporter needs them even
 * when the preflight fails). */
export interface RunSettings {
  runId: string;
  runDir: string;
  seed: number;
  profile: Profile;
  strict: boolean;
  /** CONFORMANCE_REQUIRE_ALL: a skipped MUST fails the run. */
  requireAll: boolean;
  reportsDir: string;
  expectationsFile: string;
}

export interface RunContext extends RunSettings {
  baseUrl: string;
  token: string;
  zoneId: string;
  zoneIdB?: string;
  embedded: boolean;
  dryRun: boolean;
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
  /** CONFORMANCE_FC_PATH: the fast-check counterexample path a property replays. */
  fcPath?: string;
  /** CONFORMANCE_FC_REPLAY_PATH: the model-based test's command sequence to replay, with fcPath. */
  fcReplayPath?: string;
}

/** GET supported_regions at preflight: the list when the answer was usable, else why not. */
export interface RegionsAtPreflight {
  regions?: SupportedRegions;
  status: number;
  problems: Violation[];
}

interface RunFile {
  settings: RunSettings;
  context?: Omit<RunContext, 'token'>;
  regions?: RegionsAtPreflight;
}

/** The run file this process wrote (global setup) or was pointed to (selectRun). */
let selected: string | undefined;
/** This process's read of its run file (one run per process, or per worker). */
let cached: RunFile | undefined;
const TOKEN_KEY = 'CONFORMANCE_RUN_TOKEN';

function settingsOf(s: RunSettings): RunSettings {
  const { runId, runDir, seed, profile, strict, requireAll, reportsDir, expectationsFile } = s;
  return { runId, runDir, seed, profile, strict, requireAll, reportsDir, expectationsFile };
}

function runSettings(cfg: Config, run: { runId: string; runDir: string; seed: number }): RunSettings {
  return settingsOf({ ...cfg, ...run });
}

/** Global setup, as soon as the configuration is read: the run's id and directory, and its run file
 * with the settings, so the reporter finds the run (its figures, its settings) even when the preflight
 * fails: an error run counts the requests it did send. */
/** Where a run's reports directory names its run file. */
export const runFilePointer = (reportsDir: string) => path.join(reportsDir, 'run-file.txt');

/** Global setup, first: whatever happens next, no reader takes an earlier run's file for this run's. */
export function forgetRun(reportsDir: string): void {
  fs.rmSync(runFilePointer(reportsDir), { force: true });
  selected = undefined;
  cached = undefined;
}

export function startRun(cfg: Config): RunSettings {
  const seed = cfg.seed ?? crypto.randomInt(1, 2 ** 31 - 1);
  const runId = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const runDir = path.join(cfg.stateDir, runId);
  fs.mkdirSync(runDir, { recursive: true });
  fs.mkdirSync(cfg.reportsDir, { recursive: true });
  clearRunError(cfg.reportsDir);
  bindStats(runDir);
  const settings = runSettings(cfg, { runId, runDir, seed });
  writeRunFile({ settings });
  pruneStateDir(cfg.stateDir, runDir);
  return settings;
}

/** <runDir>/run.json: what the cleanup of this run (or of a later run, if this one is killed) needs. */
export function recordRunInfo(cfg: Config, run: RunSettings, target: Target): RunInfo {
  const info: RunInfo = {
    runId: run.runId,
    baseUrl: target.baseUrl,
    embedded: cfg.embedded || cfg.dryRun,
    zones: zonesOf(target),
    startedAt: new Date().toISOString(),
    ...(target.dryRunOf ? { dryRunOf: target.dryRunOf } : {}),
  };
  writeJsonAtomic(path.join(run.runDir, 'run.json'), info);
  return info;
}

/** Global setup, at the end of the preflight: the whole context and the supported regions. */
export function publishRunContext(
  cfg: Config,
  run: RunSettings,
  target: Target,
  gateUrl: string,
  preflight: { restoreImpossible?: string; regions: RegionsAtPreflight },
): RunContext {
  const ctx: RunContext = {
    ...run,
    baseUrl: target.baseUrl,
    token: target.token,
    zoneId: target.zoneId,
    zoneIdB: target.zoneIdB,
    embedded: cfg.embedded || cfg.dryRun,
    dryRun: cfg.dryRun,
    allowDestructive: cfg.allowDestructive,
    gateUrl,
    numRuns: cfg.numRuns ?? knobs(cfg.profile).propertyRuns,
    limit: MAPPING_LIMIT,
    ...(preflight.restoreImpossible ? { restoreImpossible: preflight.restoreImpossible } : {}),
    concurrency: cfg.concurrency,
    addressBias: cfg.addressBias,
    fcPath: cfg.fcPath,
    fcReplayPath: cfg.fcReplayPath,
  };
  const { token, ...context } = ctx;
  writeRunFile({ settings: settingsOf(ctx), context, regions: preflight.regions });
  process.env[TOKEN_KEY] = token;
  return ctx;
}

function writeRunFile(content: RunFile): void {
  const file = path.join(content.settings.runDir, 'context.json');
  writeJsonAtomic(file, content);
  fs.writeFileSync(runFilePointer(content.settings.reportsDir), `${file}\n`);
  selected = file;
  cached = undefined;
}

function pointedTo(reportsDir: string): string | undefined {
  const pointer = runFilePointer(reportsDir);
  return fs.existsSync(pointer) ? fs.readFileSync(pointer, 'utf8').trim() : undefined;
}

function runFile(): RunFile | undefined {
  if (cached?.context) return cached;
  const file = selected ?? pointedTo(reportsDirFor(loadEnv()));
  if (!file || !fs.existsSync(file)) return undefined;
  cached = readJson<RunFile>(file);
  return cached;
}

/** What the run began with; undefined when the run ended before it had a directory (a configuration error).
 * `file`: another run's file (one Playwright invocation judging several runs: the self-test). */
export function publishedSettings(file?: string): RunSettings | undefined {
  if (file) return fs.existsSync(file) ? readJson<RunFile>(file).settings : undefined;
  return runFile()?.settings;
}

/** A worker of one run among several in one invocation (the self-test's cases, a test file each):
 * its run file, and the variable that holds its token in the inherited environment. Set before the
 * run's first read, and again when the worker goes on to another case (fixtures/index.ts). */
export function selectRun(file: string, tokenVariable: string): void {
  selected = file;
  const token = process.env[tokenVariable];
  if (token) process.env[TOKEN_KEY] = token;
  cached = undefined;
}

/** The run file global setup last wrote (several runs in one invocation: each run's, in turn). */
export function currentRunFile(): string | undefined {
  return selected;
}

export function runContext(): RunContext {
  const context = runFile()?.context;
  const token = process.env[TOKEN_KEY];
  if (!context || !token)
    throw new Error(
      'No run context: the conformance specs run through playwright.config.ts (npm run conformance), whose global setup resolves the target',
    );
  return { ...context, token };
}

/** Supported regions as fetched once per run by global setup (undefined: the target's answer was unusable). */
export function supportedRegions(): SupportedRegions | undefined {
  return runFile()?.regions?.regions;
}

// ---- the error that ends a run before any test ------------------------------------------------------

const runErrorFile = (reportsDir: string) => path.join(reportsDir, 'config-error.json');

/** Ends the run as an error of the run (exit 2): the launcher prints it (readRunError). */
export function recordRunError(reportsDir: string, message: string, label = 'Configuration error'): void {
  fs.mkdirSync(reportsDir, { recursive: true });
  fs.writeFileSync(runErrorFile(reportsDir), JSON.stringify({ error: message, label }));
}

/** Ends the run as an error of the run (exit 2): the launcher prints the recorded message. */
export function refuse(reportsDir: string, message: string, label?: string): never {
  recordRunError(reportsDir, message, label);
  throw new ConfigError(message);
}

/** The target did not answer at all: one line naming it (exit 2), never a stack trace. */
export function unreachable(reportsDir: string, url: string, e: TransportError): never {
  refuse(reportsDir, `the target ${url} could not be reached (${e.code ?? e.message}): check CONFORMANCE_BASE_URL, the network and the DNS name`, 'Run error');
}

export function clearRunError(reportsDir: string): void {
  fs.rmSync(runErrorFile(reportsDir), { force: true });
}

/** The error a run ended with before any test, as "Label: message"; undefined when there was none. */
export function readRunError(reportsDir: string): string | undefined {
  const file = runErrorFile(reportsDir);
  if (!fs.existsSync(file)) return undefined;
  const { error, label } = readJson<{ error: string; label?: string }>(file);
  return `${label ?? 'Configuration error'}: ${error}`;
}
