// The package as a vendor gets it: `npm pack`, installed into an empty directory, run with npx from
// the caller's own directories. The install is offline: a lockfile pins the package's dependencies
// to the versions of this repository's package-lock.json, so npm takes them from its cache (a
// vendor's npm resolves the same ranges from the registry). The runs start their target with
// --spawn: the packaged reference server (exit 0) and a broken server built on the packaged
// createServer (exit 1); a target that never answers is a configuration error (exit 2).
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, start, tempDirs, transcript, type Result } from './helpers/cli';
import { freePort } from './helpers/processes';

const NAME = 'origin-cloud-regions-conformance';
const TOKEN = 'e2e-package-token-5b1f0c';
const ZONE = '0e2e0000000000000000000000000007';
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let consumer: string;

/** The environment of a vendor's shell: none of this repository's CONFORMANCE_* settings. */
function vendorEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(CONFORMANCE_|PLAYWRIGHT_|PW_|TEST_|FORCE_COLOR|CI$|npm_)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

/** `npx <bin> ...args` in `cwd`. */
function npx(cwd: string, args: string[], env = vendorEnv(), timeoutMs = 150_000): Promise<Result> {
  return start(NPM, ['exec', '--offline', '--no', '--', NAME, ...args], env, timeoutMs, cwd).done;
}

test.beforeAll(async () => {
  const dirs = tempDirs('package');
  const packDir = path.join(dirs.root, 'pack');
  fs.mkdirSync(packDir);
  const out = execFileSync(NPM, ['pack', '--json', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tarball = path.join(packDir, (JSON.parse(out) as Array<{ filename: string }>)[0]!.filename);
  consumer = path.join(dirs.root, 'vendor');
  fs.mkdirSync(consumer);
  // The lockfile: the tarball, and this repository's locked runtime dependencies (dev ones left out).
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const resolved = `file:${path.relative(consumer, tarball)}`;
  const packages: Record<string, unknown> = {
    '': { name: 'vendor', dependencies: { [NAME]: resolved } },
    [`node_modules/${NAME}`]: { version: pkg.version, resolved, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  for (const [key, entry] of Object.entries(lock.packages)) if (key && !entry.dev) packages[key] = entry;
  fs.writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'vendor', private: true, dependencies: { [NAME]: resolved } }));
  fs.writeFileSync(path.join(consumer, 'package-lock.json'), JSON.stringify({ name: 'vendor', lockfileVersion: 3, requires: true, packages }));
  execFileSync(NPM, ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: consumer, env: vendorEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
});

test('the installed package lists its commands and the catalogue; an unknown option is a configuration error', async () => {
  const installed = path.join(consumer, 'node_modules', NAME);
  for (const f of ['bin', 'suite', 'specs', 'fixtures', 'schemas', 'server', 'playwright.config.ts']) expect(fs.existsSync(path.join(installed, f)), f).toBe(true);
  expect(fs.existsSync(path.join(installed, 'selftest')), 'the self-test is not shipped').toBe(false);
  const help = await npx(consumer, ['--help']);
  expect(help.code, transcript(help)).toBe(0);
  for (const c of ['run', 'serve', 'cleanup', 'merge', 'requirements']) expect(help.stdout).toContain(`  ${c} `);
  const reqs = await npx(consumer, ['requirements']);
  expect(reqs.code, transcript(reqs)).toBe(0);
  expect(reqs.stdout).toMatch(/^PUT-CREATE +MUST +put +\S/m);
  const bad = await npx(consumer, ['run', '--url', 'http://127.0.0.1:9/client/v4', '--bogus']);
  expect(bad.code, transcript(bad)).toBe(2);
  expect(bad.stderr).toContain('unknown option --bogus');
});

test('run --spawn: the packaged reference server passes (0), a broken one fails (1); reports in the caller\'s directory, the targets stopped', async () => {
  // A defect on the packaged server through its hooks: a new address answers 201 (PUT-CREATE, MUST).
  // It prints the token, which its log in the reports must not show.
  fs.writeFileSync(
    path.join(consumer, 'broken-server.js'),
    `const { createServer } = require('${NAME}/server');
createServer({
  port: Number(process.argv[2]),
  token: process.env.REFERENCE_API_TOKEN,
  hooks: { operations: { put: (ctx, next) => {
    const ip = ctx.canonicalize(ctx.originIp);
    const isNew = ip !== null && !ctx.store.get(ip);
    const reply = next(ctx);
    if (isNew && reply.status === 200) reply.status = 201;
    return reply;
  } } },
}).then((s) => console.log('broken server on ' + s.url + ' with token ' + process.env.REFERENCE_API_TOKEN));
`,
  );
  const env = vendorEnv({ CONFORMANCE_API_TOKEN: TOKEN, REFERENCE_API_TOKEN: TOKEN });
  const [okPort, brokenPort] = [await freePort(), await freePort()];
  const callers = { ok: path.join(consumer, 'ok'), broken: path.join(consumer, 'broken') };
  for (const dir of Object.values(callers)) fs.mkdirSync(dir);
  const args = (port: number, spawn: string) => [
    'run', '--url', `http://127.0.0.1:${port}/client/v4`, '--zone', ZONE, '--profile', 'budget', '--seed', '20261129', '--workers', '1',
    '--spawn', spawn, 'specs/put/create-replace.spec.ts',
  ];
  const [ok, broken] = await Promise.all([
    npx(callers.ok, args(okPort, `npx --offline --no ${NAME} serve --port ${okPort}`), env),
    npx(callers.broken, args(brokenPort, `node --require tsx/cjs ../broken-server.js ${brokenPort}`), env),
  ]);
  expect(ok.code, transcript(ok)).toBe(0);
  expect(broken.code, transcript(broken)).toBe(1);
  for (const [dir, verdict] of [[callers.ok, 'pass'], [callers.broken, 'fail']] as const) {
    const reports = path.join(dir, 'reports');
    const report = JSON.parse(fs.readFileSync(path.join(reports, 'conformance.json'), 'utf8')) as { verdict: string; requirements: Array<{ id: string; status: string }> };
    expect(report.verdict).toBe(verdict);
    expect(report.requirements.find((q) => q.id === 'PUT-CREATE')?.status).toBe(verdict === 'pass' ? 'passed' : 'failed');
    for (const f of ['conformance.md', 'conformance.html', 'junit.xml', 'spawned.log']) expect(fs.existsSync(path.join(reports, f)), `${dir}: ${f}`).toBe(true);
    expect(fs.existsSync(path.join(dir, '.conformance')), `${dir}: the state dir`).toBe(true);
    const log = fs.readFileSync(path.join(reports, 'spawned.log'), 'utf8');
    expect(log).toMatch(/listening on|server on/);
    expect(log).not.toContain(TOKEN);
  }
  expect(fs.readFileSync(path.join(callers.broken, 'reports', 'spawned.log'), 'utf8')).toContain('with token [REDACTED]');
  // The replay command is the one the vendor has.
  const failed = JSON.parse(fs.readFileSync(path.join(callers.broken, 'reports', 'conformance.json'), 'utf8')) as {
    requirements: Array<{ id: string; evidence?: Array<{ replay: string }> }>;
  };
  expect(failed.requirements.find((q) => q.id === 'PUT-CREATE')?.evidence?.[0]?.replay).toMatch(
    new RegExp(`^CONFORMANCE_SEED=20261129 npx ${NAME} run -- specs/put/create-replace\\.spec\\.ts:\\d+$`),
  );
  // Nothing of the run was left in the package or the caller's parent directory.
  expect(fs.existsSync(path.join(consumer, 'node_modules', NAME, 'reports'))).toBe(false);
  expect(fs.existsSync(path.join(consumer, 'reports'))).toBe(false);
  // The targets were stopped: their ports are free again.
  for (const port of [okPort, brokenPort]) {
    await expect(fetch(`http://127.0.0.1:${port}/client/v4`)).rejects.toThrow();
  }
});

test('run --spawn: a target that never answers is a configuration error naming the URL, and its process group is stopped', async () => {
  const port = await freePort();
  const marker = `${Date.now() % 100000}.5`;
  const caller = path.join(consumer, 'silent');
  fs.mkdirSync(caller);
  // A shell that starts a second process and waits: both are in the target's process group.
  const r = await npx(caller, [
    'run', '--url', `http://127.0.0.1:${port}/client/v4`, '--zone', ZONE, '--spawn', `echo starting up; sleep ${marker} & wait`, '--spawn-timeout', '2',
  ], vendorEnv({ CONFORMANCE_API_TOKEN: TOKEN }));
  expect(r.code, transcript(r)).toBe(2);
  expect(r.stderr).toContain(`http://127.0.0.1:${port}/client/v4 did not answer within 2 s`);
  expect(r.stderr).toContain('ECONNREFUSED');
  expect(r.stderr).toContain('starting up');
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  expect(ps.split('\n').filter((line) => line.includes(`sleep ${marker}`))).toEqual([]);
});
