// `run --spawn` in the ways a run can end early (the package test covers pass, fail and a target
// that never answers): the started command exits before its URL answers, and the run is told to
// stop (SIGTERM to the runner alone) while the suite runs. Either way the started process group is
// gone afterwards and its output is in reports/spawned.log.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { runEnv, start, tempDirs, transcript, ZONE } from './helpers/cli';
import { freePort, groupAlive } from './helpers/processes';
import { NODE_TS } from '../../suite/run/launch';

const TOKEN = 'e2e-spawn-token-4c8e21';

const main = (args: string[]) => [...NODE_TS, 'suite/cli/main.ts', 'run', ...args];

test('a command that exits before its URL answers: exit 2 naming the URL and the exit, its output shown', async () => {
  const dirs = tempDirs('spawn-exit');
  const url = `http://127.0.0.1:${await freePort()}/client/v4`;
  // The token written into the command itself (as a vendor might) is redacted where the command is shown.
  const r = await start(process.execPath, main(['--url', url, '--zone', ZONE, '--spawn', `API_TOKEN=${TOKEN}; echo cannot bind; exit 3`]), runEnv(dirs, undefined, { CONFORMANCE_API_TOKEN: TOKEN })).done;
  expect(r.code, transcript(r)).toBe(2);
  expect(r.stdout + r.stderr).not.toContain(TOKEN);
  expect(r.stdout).toContain('API_TOKEN=[REDACTED]');
  expect(r.stderr).toContain(`the command exited (3) before ${url} answered`);
  expect(r.stderr).toContain('cannot bind');
  expect(fs.readFileSync(path.join(dirs.reports, 'spawned.log'), 'utf8')).toBe('cannot bind\n');
});

test('SIGTERM to the runner while the suite runs: the suite stops, then the started server, exit 143', async () => {
  const dirs = tempDirs('spawn-term');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/client/v4`;
  const env = runEnv(dirs, undefined, { CONFORMANCE_API_TOKEN: TOKEN, REFERENCE_API_TOKEN: TOKEN, CONFORMANCE_PROFILE: 'budget' });
  const serve = `PORT=${port} "${process.execPath}" ${NODE_TS.map((a) => `"${a}"`).join(' ')} server/cli.ts`;
  const run = start(process.execPath, main(['--url', url, '--zone', ZONE, '--spawn', serve, 'specs/put/create-replace.spec.ts', 'specs/list.spec.ts']), env, 120_000);
  let out = '';
  run.child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  // Global setup's last line: the tests are starting.
  await expect.poll(() => out, { timeout: 90_000 }).toMatch(/mapping\(s\) before the run/);
  const pgid = Number(/process group (\d+)/.exec(out)![1]);
  expect(groupAlive(pgid)).toBe(true);
  process.kill(run.child.pid!, 'SIGTERM');
  const r = await run.done;
  expect(r.code, transcript(r)).toBe(143);
  expect(r.stdout).toContain('Stopped the implementation under test');
  expect(groupAlive(pgid), 'the started process group is gone').toBe(false);
  await expect(fetch(url)).rejects.toThrow();
  expect(fs.readFileSync(path.join(dirs.reports, 'spawned.log'), 'utf8')).toContain(`listening on ${url}`);
});

test('a URL that already answers before the command starts: exit 2 naming it, and the command is never started', async () => {
  const dirs = tempDirs('spawn-taken');
  const other = http.createServer((_req, res) => res.end('{}'));
  const port = await freePort();
  await new Promise<void>((r) => other.listen(port, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${port}/client/v4`;
    const marker = path.join(dirs.root, 'started');
    const r = await start(process.execPath, main(['--url', url, '--zone', ZONE, '--spawn', `touch ${marker}; sleep 30`]), runEnv(dirs, undefined, { CONFORMANCE_API_TOKEN: TOKEN })).done;
    expect(r.code, transcript(r)).toBe(2);
    expect(r.stderr).toContain(`something already answers at ${url} before the --spawn command starts`);
    expect(fs.existsSync(marker), 'the command was not started').toBe(false);
  } finally {
    await new Promise((r) => other.close(r));
  }
});
