// The packaged command line: `origin-cloud-regions-conformance <command> [options]` (bin/ starts it
// through tsx; `npm run conformance` is `run`). Every flag of `run` mirrors a CONFORMANCE_* variable
// (the flag wins over the environment and .env); unknown flags or commands are configuration errors
// (exit 2), like a bad variable.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, loadEnv, ROOT, VARIABLES } from '../config/config';
import { redact, registerSecret } from '../transport/redact';
import { REQUIREMENTS } from '../judging/requirements';
import { isInstalled } from './package-root';
import { EXIT, runSuite } from './run';
import { interruptPlaywright } from './interrupt';
import { answersNow, startTarget, waitForUrl, type Spawned } from './spawn';

export const BIN = 'origin-cloud-regions-conformance';

class UsageError extends Error {}

interface Option {
  flag: string;
  /** The variable it sets (run, cleanup, serve); none: handled by the command itself. */
  env?: string;
  /** Placeholder of its value; none: a switch (sets the variable to 1). */
  value?: string;
  help: string;
}

/** The flags that mirror a variable come from the one list of variables (suite/config/config.ts). */
const mirrored = (keep: (name: string) => boolean): Option[] =>
  VARIABLES.filter((v) => v.flag && keep(v.name)).map((v) => ({ flag: v.flag!, env: v.name, value: v.value, help: v.help }));
const TARGET_VARIABLES = new Set(['CONFORMANCE_BASE_URL', 'CONFORMANCE_ZONE_ID', 'CONFORMANCE_ZONE_ID_B']);

const TARGET: Option[] = [
  ...mirrored((name) => TARGET_VARIABLES.has(name)),
  { flag: '--token-env', value: 'NAME', help: 'read the API token from variable NAME (default: CONFORMANCE_API_TOKEN)' },
  {
    flag: '--token',
    value: 'TOKEN',
    help: 'the API token itself: visible to other users in the process list and kept in shell history; prefer CONFORMANCE_API_TOKEN or --token-env',
  },
];

const RUN: Option[] = [
  ...TARGET,
  { flag: '--spawn', value: 'COMMAND', help: 'start the implementation under test (a shell command), wait until --url answers, stop it at the end' },
  { flag: '--spawn-timeout', value: 'SECONDS', help: 'how long to wait for --url to answer after --spawn (default 30)' },
  ...mirrored((name) => !TARGET_VARIABLES.has(name)),
];

/** Playwright options `run` passes on as they are (anything after `--` passes too). */
const PLAYWRIGHT: Option[] = [
  { flag: '--grep', value: 'REGEXP', help: 'only tests whose title matches, e.g. @PUT-CREATE (also -g)' },
  { flag: '--grep-invert', value: 'REGEXP', help: 'skip tests whose title matches' },
  { flag: '--shard', value: 'I/N', help: 'run shard I of N (join the reports with `merge`)' },
  { flag: '--max-failures', value: 'N', help: 'stop after N failed tests (-x: after the first)' },
  { flag: '--list', help: 'list the tests, run none' },
];
const PLAYWRIGHT_ALIASES: Record<string, string> = { '-g': '--grep', '-x': '--max-failures=1' };

const CLEANUP: Option[] = [...TARGET, RUN.find((o) => o.flag === '--state-dir')!];

const SERVE: Option[] = [
  { flag: '--port', env: 'PORT', value: 'N', help: 'port (default 8787; 0 picks a free one)' },
  { flag: '--host', env: 'HOST', value: 'HOST', help: 'interface (default 127.0.0.1)' },
  { flag: '--rate-limit', env: 'REFERENCE_RATE_LIMIT', value: 'REQUESTS/SECONDS', help: 'answer 429 above this rate' },
  { flag: '--limit', env: 'REFERENCE_LIMIT', value: 'N', help: 'mappings per zone (default 3500)' },
  { flag: '--state-file', env: 'REFERENCE_STATE_FILE', value: 'FILE', help: 'zones to load at start, JSON { "<zoneId>": [mappings] }' },
];

const MERGE: Option[] = [{ flag: '--out', value: 'DIR', help: 'where the merged reports go (default ./reports)' }];

interface Parsed {
  /** Option flag -> value ('1' for a switch). */
  options: Map<string, string>;
  /** Positional arguments and passed-on Playwright options, in order. */
  rest: string[];
  help: boolean;
}

function parse(command: string, args: string[], options: Option[], passPlaywright = false): Parsed {
  const known = new Map(options.map((o) => [o.flag, o]));
  const pw = new Map(PLAYWRIGHT.map((o) => [o.flag, o]));
  const parsed: Parsed = { options: new Map(), rest: [], help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      if (!passPlaywright) throw new UsageError(`${command} takes no arguments after --`);
      parsed.rest.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') {
      parsed.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.rest.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const alias = passPlaywright ? PLAYWRIGHT_ALIASES[flag] : undefined;
    const option = known.get(flag) ?? (passPlaywright ? pw.get(alias?.split('=')[0] ?? flag) : undefined);
    if (!option) throw new UsageError(`unknown option ${flag} for ${command} (see ${BIN} ${command} --help)`);
    let value: string;
    if (alias?.includes('=')) value = alias.split('=')[1]!;
    else if (!option.value) {
      if (eq > 0) throw new UsageError(`${flag} takes no value`);
      value = '1';
    } else if (eq > 0) value = arg.slice(eq + 1);
    else {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2))
        throw new UsageError(`${flag} needs a value (${option.value})`);
      value = next;
      i++;
    }
    if (pw.get(option.flag) === option && !known.has(option.flag)) {
      parsed.rest.push(option.value ? `${option.flag}=${value}` : option.flag);
      continue;
    }
    if (parsed.options.has(option.flag)) throw new UsageError(`${option.flag} given twice`);
    parsed.options.set(option.flag, value);
  }
  return parsed;
}

function usage(command: string, summary: string, options: Option[], extra = ''): string {
  const rows = options.map((o) => [`${o.flag}${o.value ? ` ${o.value}` : ''}`, `${o.help}${o.env ? ` [${o.env}]` : ''}`]);
  const width = Math.max(...rows.map(([a]) => a!.length));
  return [
    `Usage: ${BIN} ${command}`,
    '',
    summary,
    '',
    'Options (a flag overrides its [variable], which may also come from ./.env):',
    ...rows.map(([a, b]) => `  ${a!.padEnd(width)}  ${b}`),
    '  -h, --help',
    extra,
  ].join('\n');
}

const HELP: Record<string, string> = {
  run: usage(
    'run [options] [spec files or file:line...] [-- playwright options]',
    'Runs the conformance suite. Exit 0: no MUST failed; 1: a MUST failed (or a SHOULD, with --strict); 2: configuration or harness error.\nReports go to ./reports (conformance.json, .md, .html, junit.xml).',
    [...RUN, ...PLAYWRIGHT],
    `\nThe token comes from CONFORMANCE_API_TOKEN (or --token-env NAME). Example:\n  CONFORMANCE_API_TOKEN=... ${BIN} run --url http://127.0.0.1:8787/client/v4 --zone 023e105f4ecef8ad9ca31a8372d0c353 --spawn "./my-server --port 8787"\n`,
  ),
  serve: usage('serve [options]', 'Starts the reference server (token: REFERENCE_API_TOKEN, default "reference-token"). SIGINT/SIGTERM stop it.', SERVE),
  cleanup: usage(
    'cleanup [options]',
    "Finishes the cleanup of every run that did not complete (killed runs): deletes what they created, restores what they changed, from the journals in the state dir. Same configuration as the run.",
    CLEANUP,
  ),
  merge: usage(
    'merge <conformance.json or reports dir>... [--out DIR]',
    'Merges the reports of sharded runs (run --shard I/N) into one conformance.json, .md and .html; exits like a run.',
    MERGE,
  ),
  requirements: usage('requirements [--json]', 'Prints the requirement catalogue: ID, level, operation, title.', [
    { flag: '--json', help: 'the whole catalogue as JSON, sources included' },
  ]),
};

const COMMANDS: Record<string, string> = {
  run: 'run the conformance suite against --url (or the embedded reference server)',
  serve: 'start the reference server',
  cleanup: 'finish the cleanup of killed runs',
  merge: 'merge the reports of sharded runs',
  requirements: 'print the requirement catalogue',
};

function mainHelp(): string {
  return [
    `Usage: ${BIN} <command> [options]`,
    '',
    'Conformance suite for the Origin Cloud Regions API.',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([c, h]) => `  ${c.padEnd(13)} ${h}`),
    '',
    `${BIN} <command> --help for its options; ${BIN} --version.`,
  ].join('\n');
}

/** Sets the variables of the given options; returns which flag set which variable. */
function applyEnv(options: Option[], parsed: Parsed): Map<string, string> {
  const setBy = new Map<string, string>();
  for (const o of options) {
    const v = parsed.options.get(o.flag);
    if (o.env && v !== undefined) {
      process.env[o.env] = v;
      setBy.set(o.env, o.flag);
    }
  }
  return setBy;
}

/** --token-env NAME or --token VALUE -> CONFORMANCE_API_TOKEN (never echoed). */
function applyToken(parsed: Parsed): void {
  const fromEnv = parsed.options.get('--token-env');
  const direct = parsed.options.get('--token');
  if (fromEnv !== undefined && direct !== undefined) throw new UsageError('give --token-env or --token, not both');
  if (fromEnv !== undefined) {
    const v = process.env[fromEnv];
    if (!v) throw new UsageError(`--token-env ${fromEnv}: the variable ${fromEnv} is not set or empty`);
    process.env.CONFORMANCE_API_TOKEN = v;
  }
  if (direct !== undefined) {
    console.error('Warning: --token puts the token in the process list and your shell history; prefer CONFORMANCE_API_TOKEN or --token-env NAME.');
    process.env.CONFORMANCE_API_TOKEN = direct;
  }
  registerSecret(process.env.CONFORMANCE_API_TOKEN);
}

/** A configuration error, naming the flag that set the variable it names. */
function configError(e: ConfigError, setBy: Map<string, string>): number {
  const flags = [...setBy].filter(([name]) => new RegExp(`\\b${name}\\b`).test(e.message)).map(([name, flag]) => `${flag} sets ${name}`);
  console.error(`Configuration error: ${e.message}${flags.length ? ` (${flags.join('; ')})` : ''}`);
  return EXIT.error;
}

function positiveSeconds(text: string, flag: string): number {
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) <= 0) throw new UsageError(`${flag} must be a positive number of seconds, got "${text}"`);
  return Number(text) * 1000;
}

async function run(args: string[]): Promise<number> {
  const parsed = parse('run', args, RUN, true);
  if (parsed.help) return printHelp('run');
  loadEnv();
  const setBy = applyEnv(RUN, parsed);
  applyToken(parsed);
  // The replay commands printed in the reports use the command a vendor has.
  if (isInstalled()) process.env.ORIGIN_CONFORMANCE_COMMAND = `npx ${BIN} run --`;
  let cfg;
  try {
    cfg = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) return configError(e, setBy);
    throw e;
  }
  const spawnCommand = parsed.options.get('--spawn');
  const timeoutText = parsed.options.get('--spawn-timeout');
  if (timeoutText !== undefined && spawnCommand === undefined) throw new UsageError('--spawn-timeout needs --spawn');
  if (spawnCommand === undefined) return runSuite(parsed.rest);
  if (!cfg.baseUrl) throw new UsageError('--spawn needs --url (or CONFORMANCE_BASE_URL): the URL the started implementation answers on');
  if (!spawnCommand.trim()) throw new UsageError('--spawn needs a command');
  const timeoutMs = timeoutText === undefined ? 30_000 : positiveSeconds(timeoutText, '--spawn-timeout');
  return runSpawned(spawnCommand, cfg.baseUrl, cfg.reportsDir, timeoutMs, parsed.rest);
}

async function runSpawned(command: string, url: string, reportsDir: string, timeoutMs: number, rest: string[]): Promise<number> {
  // An answer before the command starts comes from another process, which the run would then test.
  if (await answersNow(url)) {
    console.error(`Configuration error: something already answers at ${url} before the --spawn command starts: stop it, or give the command and --url another port`);
    return EXIT.error;
  }
  fs.mkdirSync(reportsDir, { recursive: true });
  const logFile = path.join(reportsDir, 'spawned.log');
  const target: Spawned = startTarget(command, logFile);
  const rel = path.relative(process.cwd(), logFile);
  const relLog = rel && !rel.startsWith('..') ? rel : logFile;
  process.on('exit', target.killNow);
  let interrupted: NodeJS.Signals | undefined;
  let playwright: import('node:child_process').ChildProcess | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted ??= signal;
    // SIGINT either way: Playwright then runs its teardown (the zone's cleanup, which needs the target
    // alive) and ignores the copy a terminal's Ctrl-C also delivered to it; SIGTERM would kill it outright.
    if (playwright && playwright.exitCode === null) interruptPlaywright(playwright);
    else void target.stop().then(() => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  console.log(`Started the implementation under test (process group ${target.child.pid}): ${redact(command)}\nIts output: ${relLog}. Waiting for ${url} ...`);
  try {
    try {
      await waitForUrl(url, timeoutMs, target);
    } catch (e) {
      if (interrupted) return 128 + (interrupted === 'SIGINT' ? 2 : 15);
      const tail = target.tail();
      console.error(`Configuration error: ${(e as Error).message}\nThe last lines of ${relLog}:\n${tail || '(no output)'}`);
      return EXIT.error;
    }
    console.log(`${url} answers: running the suite.`);
    const code = await runSuite(rest, { onStart: (c) => (playwright = c) });
    if (interrupted) return 128 + (interrupted === 'SIGINT' ? 2 : 15);
    return code;
  } finally {
    await target.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    console.log(`Stopped the implementation under test; its output is in ${relLog}.`);
  }
}

function cleanup(args: string[]): number | undefined {
  const parsed = parse('cleanup', args, CLEANUP);
  if (parsed.help) return printHelp('cleanup');
  if (parsed.rest.length) throw new UsageError(`cleanup takes no arguments, got "${parsed.rest[0]}"`);
  loadEnv();
  applyEnv(CLEANUP, parsed);
  applyToken(parsed);
  require('./cleanup');
  return undefined;
}

function serve(args: string[]): number | undefined {
  const parsed = parse('serve', args, SERVE);
  if (parsed.help) return printHelp('serve');
  if (parsed.rest.length) throw new UsageError(`serve takes no arguments, got "${parsed.rest[0]}"`);
  applyEnv(SERVE, parsed);
  require('../../server/cli');
  return undefined;
}

function merge(args: string[]): number | undefined {
  const parsed = parse('merge', args, MERGE);
  if (parsed.help) return printHelp('merge');
  const out = parsed.options.get('--out');
  // suite/cli/merge.ts reads its own arguments.
  process.argv = [process.argv[0]!, 'merge', ...parsed.rest, ...(out === undefined ? [] : ['--out', out])];
  require('./merge');
  return undefined;
}

function requirements(args: string[]): number {
  const parsed = parse('requirements', args, [{ flag: '--json', help: '' }]);
  if (parsed.help) return printHelp('requirements');
  if (parsed.rest.length) throw new UsageError(`requirements takes no arguments, got "${parsed.rest[0]}"`);
  const all = [...REQUIREMENTS.values()];
  if (parsed.options.has('--json')) {
    console.log(JSON.stringify(all, null, 2));
    return 0;
  }
  const idWidth = Math.max(...all.map((r) => r.id.length));
  const opWidth = Math.max(...all.map((r) => r.operation.length));
  for (const r of all) console.log(`${r.id.padEnd(idWidth)}  ${r.level.padEnd(6)}  ${r.operation.padEnd(opWidth)}  ${r.title}`);
  const count = (l: string) => all.filter((r) => r.level === l).length;
  console.log(`\n${all.length} requirements: ${count('MUST')} MUST, ${count('SHOULD')} SHOULD, ${count('INFO')} INFO`);
  return 0;
}

function printHelp(command?: string): number {
  console.log(command ? HELP[command] : mainHelp());
  return 0;
}

async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...args] = argv;
  if (command === undefined) {
    console.error(mainHelp());
    return EXIT.error;
  }
  if (command === '--help' || command === '-h' || command === 'help') return printHelp(args[0] && HELP[args[0]] ? args[0] : undefined);
  if (command === '--version' || command === '-v') {
    console.log((JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    return 0;
  }
  switch (command) {
    case 'run':
      return run(args);
    case 'serve':
      return serve(args);
    case 'cleanup':
      return cleanup(args);
    case 'merge':
      return merge(args);
    case 'requirements':
      return requirements(args);
    default:
      throw new UsageError(`unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
  }
}

main(process.argv.slice(2)).then(
  // undefined: the command runs on by itself (serve, cleanup, merge set their own exit code).
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (e: Error) => {
    if (e instanceof UsageError) {
      console.error(`Configuration error: ${e.message}`);
      process.exitCode = EXIT.error;
      return;
    }
    console.error(`Harness error: ${redact(e.message)}`);
    process.exitCode = EXIT.error;
  },
);
