// The harness survives a broken target and blames the rule it breaks, never the configuration: a
// target that refuses per_page=100 (the harness's own page size) fails LIST-PAGINATION-VALID, exit 1,
// while the snapshot and the cleanup fall back to smaller pages; a target that omits the optional
// modified_on gets "not applicable", not "no test ran it"; a run that cannot even list the zone is an
// error of the run (exit 2) that still counts the requests it sent.
import { expect, test } from '@playwright/test';
import type { Hooks } from '../../server';
import perPage100Rejected from '../../selftest/mutants/list-per-page-100-rejected';
import { conformance, report, row, runEnv, tempDirs, transcript, ZONE } from './helpers/cli';
import { reference, zoneMappings } from './helpers/targets';

const TOKEN = 'e2e-broken-target-token';

// 130 mappings of other people (more than two pages of 50), a few in the documentation ranges.
const INITIAL = [
  ...Array.from({ length: 127 }, (_, i) => ({ origin_ip: `10.3.${i >> 8}.${i & 255}`, vendor: 'aws', region: 'us-east-1' })),
  { origin_ip: '192.0.2.1', vendor: 'gcp', region: 'us-central1' },
  { origin_ip: '2001:db8::1', vendor: 'aws', region: 'us-west-2' },
  { origin_ip: '203.0.113.9', vendor: 'azure', region: 'eastus' },
];

async function listed(url: string): Promise<string[]> {
  // 50 a page: this target refuses per_page=100.
  return (await zoneMappings(url, TOKEN, ZONE, 50)).map((m) => `${m.origin_ip} ${m.vendor} ${m.region}`).sort();
}

test('a target refusing per_page=100 fails LIST-PAGINATION-VALID (exit 1), not the configuration; the zone is left as it was', async () => {
  test.setTimeout(180_000);
  const server = await reference({ token: TOKEN, initialZones: { [ZONE]: INITIAL }, hooks: perPage100Rejected.hooks });
  try {
    const before = await listed(server.url);
    const dirs = tempDirs('per-page-100');
    const r = await conformance(['specs/list.spec.ts', 'specs/put/create-replace.spec.ts', '--grep', '@LIST-PAGINATION-VALID|@PUT-CREATE'], runEnv(dirs, { url: server.url, token: TOKEN }));
    expect(r.code, transcript(r)).toBe(1);
    const rep = report(dirs);
    expect(rep.errors, 'no error of the run').toEqual([]);
    expect(row(rep, 'LIST-PAGINATION-VALID').status).toBe('failed');
    expect(row(rep, 'PUT-CREATE').status, 'the rest of the run went on').toBe('passed');
    expect(r.stdout).toContain(`zone ${ZONE}: ${INITIAL.length} mapping(s) before the run`);
    expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/^\s+at /m);
    expect(await listed(server.url), 'the zone as before').toEqual(before);
  } finally {
    await server.close();
  }
});

/** Leaves modified_on out of every mapping the target returns (it is optional). */
const withoutModifiedOn: Hooks = {
  reply: (reply) => {
    const strip = (x: unknown): unknown =>
      Array.isArray(x) ? x.map(strip) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'modified_on').map(([k, v]) => [k, strip(v)])) : x;
    return { ...reply, body: strip(reply.body) as typeof reply.body };
  },
};

test('a requirement whose field the target omits says "not applicable: the target omits modified_on"', async () => {
  test.setTimeout(120_000);
  const server = await reference({ token: TOKEN, hooks: withoutModifiedOn });
  try {
    const dirs = tempDirs('no-modified-on');
    const r = await conformance(['specs/put/create-replace.spec.ts'], runEnv(dirs, { url: server.url, token: TOKEN }, { CONFORMANCE_REQUIRE_ALL: '0' }));
    expect(r.code, transcript(r)).toBe(0);
    const rep = report(dirs);
    for (const id of ['ENV-MODIFIED-ON', 'PUT-MODIFIED-ON-MONOTONIC'])
      expect(row(rep, id), id).toMatchObject({ status: 'skipped', reason: 'not applicable: the target omits modified_on' });
    expect(r.stdout).toMatch(/ENV-MODIFIED-ON, PUT-MODIFIED-ON-MONOTONIC: not applicable: the target omits modified_on/);
  } finally {
    await server.close();
  }
});

test('a target whose list answers 500 at every page size: an error of the run (exit 2) in one line, and the requests it sent are counted', async () => {
  test.setTimeout(120_000);
  const server = await reference({ token: TOKEN, hooks: { reply: (reply, request) => (request.operation === 'list' ? { ...reply, status: 500, body: { success: false, errors: [{ code: 1000, message: 'down' }], messages: [], result: null } } : reply) } });
  try {
    const dirs = tempDirs('list-500');
    const r = await conformance(['specs/put/create-replace.spec.ts'], runEnv(dirs, { url: server.url, token: TOKEN }));
    expect(r.code, transcript(r)).toBe(2);
    expect(r.stderr).toContain('listing the zone failed at every page size');
    expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/^\s+at /m);
    const rep = report(dirs);
    expect(rep.verdict).toBe('error');
    expect(rep.requests, 'the requests the preflight sent').toBeGreaterThan(0);
  } finally {
    await server.close();
  }
});
