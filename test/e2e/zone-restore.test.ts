// The preflight snapshot is a promise (suite/state/zone-guard.ts). A target that empties the zone on a
// DELETE of the collection, and on a batch DELETE without a body, is run against a zone that already
// holds mappings in and out of the documentation ranges: the run fails the rules those requests
// break, says loudly what it put back, and the zone holds every earlier mapping with its vendor and
// region after the run and after conformance:cleanup. conformance:cleanup of a killed run restores
// from the run's persisted snapshot too, and says what it restored.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { conformance, report, row, runEnv, tempDirs, tool, transcript, ZONE } from './helpers/cli';
import { call, reference, zoneMappings, zoneWiper, type ReferenceServer } from './helpers/targets';

const TOKEN = 'e2e-zone-restore-token';

const INITIAL = [
  { origin_ip: '192.0.2.1', vendor: 'aws', region: 'us-east-1', modified_on: '2026-01-02T03:04:05Z' },
  { origin_ip: '198.51.100.7', vendor: 'gcp', region: 'us-central1', modified_on: '2025-12-31T23:59:59Z' },
  { origin_ip: '2001:db8::1', vendor: 'azure', region: 'eastus', modified_on: '2026-04-05T06:07:08Z' },
  { origin_ip: '10.0.0.1', vendor: 'aws', region: 'us-west-2', modified_on: '2024-01-01T00:00:00Z' },
  { origin_ip: '2606:4700::1', vendor: 'gcp', region: 'europe-west1', modified_on: '2024-01-01T00:00:00Z' },
];
const shape = (ms: Array<{ origin_ip: string; vendor: string; region: string }>) =>
  ms.map(({ origin_ip, vendor, region }) => `${origin_ip} ${vendor} ${region}`).sort();

async function zone(server: ReferenceServer): Promise<string[]> {
  return shape(await zoneMappings(server.url, TOKEN, ZONE));
}

test('a target that empties the zone on a collection DELETE or a batch DELETE without body: every earlier mapping is back after the run and after cleanup, and the run says so', async () => {
  test.setTimeout(120_000);
  const server = await reference({ token: TOKEN, initialZones: { [ZONE]: INITIAL }, hooks: zoneWiper() });
  try {
    const dirs = tempDirs('zone-restore');
    const env = runEnv(dirs, { url: server.url, token: TOKEN });
    const r = await conformance(['specs/robustness.spec.ts', 'specs/batch-delete.spec.ts', '--grep', 'unexpected methods|missing, empty or non-array'], env);
    expect(r.code, transcript(r)).toBe(1);
    expect(await zone(server), 'every earlier mapping, vendor and region, after the run').toEqual(shape(INITIAL));
    const rep = report(dirs);
    for (const id of ['ROBUST-METHOD', 'BATCH-DELETE-NO-BODY']) {
      const q = row(rep, id);
      expect(q.status, id).toBe('failed');
      expect(q.failures?.join('\n'), id).toMatch(/never wrote.*put back from the preflight snapshot: 192\.0\.2\.1 gone/);
      expect(q.evidence?.length, `${id}: evidence of the request`).toBeGreaterThan(0);
    }
    const restored = (rep as unknown as { restoredFromSnapshot: Array<{ origin_ip: string; restored: boolean; requirement?: string }> }).restoredFromSnapshot;
    expect(new Set(restored.map((x) => x.origin_ip)), 'the report lists what was put back').toEqual(new Set(INITIAL.map((m) => m.origin_ip)));
    expect(restored.every((x) => x.restored)).toBe(true);
    expect(new Set(restored.map((x) => x.requirement))).toEqual(new Set(['ROBUST-METHOD', 'BATCH-DELETE-NO-BODY']));
    expect(r.stdout + r.stderr).toContain('ZONE RESTORED');
    expect(fs.readFileSync(path.join(dirs.reports, 'conformance.md'), 'utf8')).toContain('Zone restored from the preflight snapshot');

    const cleanup = await tool('cleanup', [], env).done;
    expect(cleanup.code, transcript(cleanup)).toBe(0);
    expect(await zone(server), 'and after conformance:cleanup').toEqual(shape(INITIAL));
  } finally {
    await server.close();
  }
});

test('conformance:cleanup of a killed run puts back, from the run\'s persisted snapshot, mappings it never wrote that are gone or changed, and names them', async () => {
  const server = await reference({ token: TOKEN, initialZones: { [ZONE]: INITIAL } });
  try {
    const dirs = tempDirs('snapshot-cleanup');
    // What a run killed after a wipe leaves: its run.json (not completed) and its snapshot, no journal line.
    const runDir = path.join(dirs.state, 'killed-run');
    fs.mkdirSync(runDir, { recursive: true });
    fs.writeFileSync(path.join(runDir, 'run.json'), JSON.stringify({ runId: 'killed-run', baseUrl: server.url, embedded: false, zones: [ZONE], startedAt: new Date().toISOString() }));
    fs.writeFileSync(path.join(runDir, 'snapshot.json'), JSON.stringify({ [ZONE]: INITIAL }));
    const coll = `/zones/${ZONE}/origin/cloud_regions`;
    await call(server.url, TOKEN, 'DELETE', `${coll}/batch`, ['192.0.2.1', '10.0.0.1']);
    await call(server.url, TOKEN, 'PUT', `${coll}/2001:db8::1`, { origin_ip: '2001:db8::1', vendor: 'aws', region: 'us-east-1' });
    expect(await zone(server)).not.toEqual(shape(INITIAL));

    const env = runEnv(dirs, { url: server.url, token: TOKEN });
    const cleanup = await tool('cleanup', [], env).done;
    expect(cleanup.code, transcript(cleanup)).toBe(0);
    expect(cleanup.stdout).toContain('restored from the preflight snapshot 3');
    for (const ip of ['192.0.2.1', '10.0.0.1', '2001:db8::1']) expect(cleanup.stdout).toContain(`restored from the snapshot: ${ip} `);
    expect(cleanup.stdout).toContain('2001:db8::1 in zone');
    expect(await zone(server)).toEqual(shape(INITIAL));
    const again = await tool('cleanup', [], env).done;
    expect(again.stdout).toContain('Nothing to clean up');
  } finally {
    await server.close();
  }
});
