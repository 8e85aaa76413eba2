// Crash-safe cleanup (suite/state/journal.ts, suite/state/cleanup.ts) with a real kill -9: a run against a
// pre-populated zone (documentation-range mappings included, 192.0.2.1 among them, and one address
// inside the limit scenario's own range) is killed, process group and all, while the limit scenario
// has the zone half filled. `npm run conformance:cleanup` must then leave the zone exactly as it was:
// the same addresses, vendors and regions, and untouched mappings with their modified_on unchanged.
// And a new run finishes a killed run's cleanup by itself before it starts.
import { expect, test } from '@playwright/test';
import { runEnv, start, tempDirs, transcript, ZONE, type Dirs } from './helpers/cli';
import type { Mapping } from '../../contract';
import { call, reference, zoneMappings, type ReferenceServer } from './helpers/targets';
import { groupAlive } from './helpers/processes';
import { NODE_TS } from '../../suite/run/launch';

const TOKEN = 'e2e-kill-cleanup-token';
const SEED = 20261128; // runEnv's seed: the limit scenario's addresses are 2001:db8:fff0:<seed % 0xfff0>::<i>
const LIMIT_TAG = ((SEED >>> 0) % 0xfff0).toString(16);

const INITIAL = [
  { origin_ip: '192.0.2.1', vendor: 'aws', region: 'us-east-1', modified_on: '2026-01-02T03:04:05Z' },
  { origin_ip: '192.0.2.77', vendor: 'gcp', region: 'us-central1', modified_on: '2026-02-03T04:05:06.123Z' },
  { origin_ip: '198.51.100.7', vendor: 'aws', region: 'us-west-2', modified_on: '2025-12-31T23:59:59Z' },
  { origin_ip: '203.0.113.200', vendor: 'azure', region: 'eastus', modified_on: '2026-03-04T05:06:07Z' },
  { origin_ip: '2001:db8::1', vendor: 'aws', region: 'us-east-1', modified_on: '2026-04-05T06:07:08Z' },
  { origin_ip: `2001:db8:fff0:${LIMIT_TAG}::1`, vendor: 'gcp', region: 'us-central1', modified_on: '2026-05-06T07:08:09Z' },
  { origin_ip: '::ffff:192.0.2.1', vendor: 'aws', region: 'us-west-2', modified_on: '2026-06-07T08:09:10Z' },
  { origin_ip: '10.0.0.1', vendor: 'aws', region: 'us-east-1', modified_on: '2024-01-01T00:00:00Z' },
  { origin_ip: '8.0.0.1', vendor: 'aws', region: 'eu-west-1', modified_on: '2024-01-01T00:00:00Z' },
];

type Listed = Mapping;

async function zone(server: ReferenceServer): Promise<Listed[]> {
  const all = await zoneMappings(server.url, TOKEN, ZONE);
  return all.map(({ origin_ip, vendor, region, modified_on }) => ({ origin_ip, vendor, region, modified_on })).sort((a, b) => a.origin_ip.localeCompare(b.origin_ip));
}

const total = async (server: ReferenceServer): Promise<number> =>
  (await call(server.url, TOKEN, 'GET', `/zones/${ZONE}/origin/cloud_regions?per_page=1`)).json.result_info.total_count;

/** Starts `npm run conformance` with the limit scenario and SIGKILLs its process group once the zone holds `killAt` or more mappings. */
async function runAndKill(server: ReferenceServer, dirs: Dirs, killAt: number): Promise<number> {
  const env = runEnv(dirs, { url: server.url, token: TOKEN }, { CONFORMANCE_ALLOW_DESTRUCTIVE: '1', CONFORMANCE_WORKERS: '2' });
  // The limit scenario, and the invalid-address cases whose lax readings are 192.0.2.1 (a pre-existing
  // mapping the run must journal with its previous value and never lose).
  const args = ['specs/limit.spec.ts', 'specs/put/invalid-addresses.spec.ts', '--grep', '"192\\.0\\.2\\.0*1(/32|%eth0)?"|@LIMIT-3500-ACCEPTED'];
  const run = start('npm', ['run', '--silent', 'conformance', '--', ...args], env);
  let seen = 0;
  let exited = false;
  void run.done.then(() => (exited = true));
  const deadline = Date.now() + 90_000;
  while (!exited && Date.now() < deadline) {
    seen = await total(server);
    if (seen >= killAt) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  run.killGroup();
  const r = await run.done;
  expect(r.signal ?? r.code, `the run was killed mid-way (zone at ${seen}), not finished\n${transcript(r)}`).toBe('SIGKILL');
  // Every process of the group is gone: nothing can still write after the cleanup.
  // (SIGKILL is delivered at once, but the dying processes are reaped a moment later.)
  await expect.poll(() => groupAlive(run.child.pid!), { timeout: 10_000 }).toBe(false);
  return seen;
}

let server: ReferenceServer;
let before: Listed[];
test.beforeEach(async () => {
  server = await reference({ token: TOKEN, initialZones: { [ZONE]: INITIAL } });
  before = await zone(server);
  expect(before).toHaveLength(INITIAL.length);
});
test.afterEach(async () => {
  await server?.close();
});

test('kill -9 while the limit scenario fills the zone, then npm run conformance:cleanup: the zone is exactly as before', async () => {
  test.setTimeout(180_000);
  const dirs = tempDirs('kill');
  const seen = await runAndKill(server, dirs, INITIAL.length + 1000);
  expect(await total(server), 'the killed run left its mappings behind').toBeGreaterThan(INITIAL.length + 900);
  expect(seen).toBeLessThan(3500);

  const env = runEnv(dirs, { url: server.url, token: TOKEN });
  const cleanup = await start('npm', ['run', '--silent', 'conformance:cleanup'], env).done;
  expect(cleanup.code, transcript(cleanup)).toBe(0);
  expect(cleanup.stdout).toMatch(/deleted \d+, restored \d+/);
  expect(await zone(server), 'addresses, vendors, regions and modified_on as before the run').toEqual(before);

  const again = await start('npm', ['run', '--silent', 'conformance:cleanup'], env).done;
  expect(again.code, transcript(again)).toBe(0);
  expect(again.stdout).toContain('Nothing to clean up');
});

test('a new run finishes the cleanup of a killed run before it starts, and leaves the zone as it was', async () => {
  test.setTimeout(180_000);
  const dirs = tempDirs('kill-autofinish');
  await runAndKill(server, dirs, INITIAL.length + 300);
  const r = await start(process.execPath, [...NODE_TS, 'suite/cli/run.ts', 'specs/put/create-replace.spec.ts'], runEnv(dirs, { url: server.url, token: TOKEN })).done;
  expect(r.code, transcript(r)).toBe(0);
  expect(r.stdout).toContain('Finishing the cleanup of an earlier run that did not complete');
  expect(r.stdout).toContain(`zone ${ZONE}: ${INITIAL.length} mapping(s) before the run`);
  expect(await zone(server)).toEqual(before);
});
