// What the console says at the end of an interrupted run, as a newcomer reads it: Ctrl-C in the
// middle of the zone fill says what the cleanup restored; a killed Playwright runner says how the
// zone gets restored, and the next run says what it restored. (A failed run's next steps, the report
// page and the first failure's replay command: failing-target.test.ts.)
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { conformance, runEnv, tempDirs, tool, transcript, ZONE, type Dirs, type Running } from './helpers/cli';
import { reference, zoneMappings, type ReferenceServer } from './helpers/targets';
import { groupAlive } from './helpers/processes';

const TOKEN = 'e2e-next-steps-token';

// ---- interrupted runs: the limit scenario fills a pre-populated zone ----------------------------------

const INITIAL = [
  { origin_ip: '192.0.2.1', vendor: 'aws', region: 'us-east-1', modified_on: '2026-01-02T03:04:05Z' },
  { origin_ip: '2001:db8::1', vendor: 'gcp', region: 'us-central1', modified_on: '2026-04-05T06:07:08Z' },
  { origin_ip: '10.0.0.1', vendor: 'aws', region: 'us-east-1', modified_on: '2024-01-01T00:00:00Z' },
];

const zone = (server: ReferenceServer) => zoneMappings(server.url, TOKEN, ZONE);

/** Starts the limit scenario and waits until the zone holds at least `n` mappings. */
async function fillTo(server: ReferenceServer, dirs: Dirs, n: number): Promise<Running> {
  const run = tool('run', ['specs/limit.spec.ts'], runEnv(dirs, { url: server.url, token: TOKEN }, { CONFORMANCE_ALLOW_DESTRUCTIVE: '1' }), 120_000);
  let exited = false;
  void run.done.then(() => (exited = true));
  await expect
    .poll(async () => (exited ? Infinity : (await zone(server)).length), { timeout: 90_000, intervals: [20] })
    .toBeGreaterThanOrEqual(n);
  expect(exited, 'the run was still filling the zone').toBe(false);
  return run;
}

let server: ReferenceServer;
let before: unknown[];
test.beforeEach(async () => {
  server = await reference({ token: TOKEN, initialZones: { [ZONE]: INITIAL } });
  before = await zone(server);
});
test.afterEach(async () => {
  await server?.close();
});

test('Ctrl-C during the zone fill: the run restores the zone and says what it deleted and restored', async () => {
  test.setTimeout(180_000);
  const dirs = tempDirs('next-sigint');
  const run = await fillTo(server, dirs, INITIAL.length + 500);
  // What a terminal does on Ctrl-C: SIGINT to the whole foreground process group.
  process.kill(-run.child.pid!, 'SIGINT');
  const r = await run.done;
  // (The limit test's own teardown may already have deleted most of the fill: the final cleanup deletes the rest.)
  const m = /The run was interrupted\. The zone is restored to the (\d+) mappings it held before the run: the final cleanup deleted ([\d,]+) mappings? the run created, restored (\d+) mappings? it had changed\./.exec(r.stdout);
  expect(m, transcript(r)).not.toBeNull();
  expect(Number(m![1])).toBe(INITIAL.length);
  expect(await zone(server), 'the zone as before the run').toEqual(before);
  // The run proves nothing: exit 2 from the CLI, or 130 (128 + SIGINT) where tsx passes on the signal.
  expect([2, 130], transcript(r)).toContain(r.code);
});

test('a killed Playwright runner: the run says how the zone gets restored, and the next run says what it restored', async () => {
  test.setTimeout(180_000);
  const dirs = tempDirs('next-kill');
  const run = await fillTo(server, dirs, INITIAL.length + 300);
  // The Playwright runner of this process group (not the CLI around it): kill -9.
  const ps = execFileSync('ps', ['-e', '-o', 'pid=,pgid=,args='], { encoding: 'utf8' });
  const runner = ps
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find(([, pgid, ...args]) => pgid === String(run.child.pid) && /@playwright\/test\/cli\.js$/.test(args[1] ?? '') && args[2] === 'test');
  expect(runner, ps).toBeDefined();
  process.kill(Number(runner![0]), 'SIGKILL');
  const r = await run.done;
  expect(r.code, transcript(r)).toBe(2);
  expect(r.stderr).toContain('It stopped before restoring the zone: npm run conformance:cleanup (same configuration) restores the zone now; the next npm run conformance does it first.');
  // Its workers may still be finishing a request: let the group die out before the next run lists the zone.
  await expect.poll(() => groupAlive(run.child.pid!), { timeout: 10_000 }).toBe(false);
  const left = (await zone(server)).length - INITIAL.length;
  expect(left).toBeGreaterThanOrEqual(300);

  const next = await conformance(['specs/get.spec.ts'], runEnv(dirs, { url: server.url, token: TOKEN }));
  expect(next.code, transcript(next)).toBe(0);
  expect(next.stdout).toContain('Finishing the cleanup of an earlier run that did not complete');
  expect(next.stdout).toMatch(new RegExp(`  deleted ${left.toLocaleString('en-US')} mappings the run created, restored \\d+ mappings? it had changed`));
  expect(await zone(server)).toEqual(before);
});

