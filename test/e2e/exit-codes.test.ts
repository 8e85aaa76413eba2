// The documented exit codes of `npm run conformance` (suite/cli/run.ts), each from a real run:
// 0 no MUST failed; 1 a MUST failed (or a SHOULD, in strict mode); 2 the run proves nothing about the
// target: a configuration error, an unreachable target, a zone that cannot hold the destructive scenario.
import { expect, test } from '@playwright/test';
import net from 'node:net';
import { conformance, report, row, runEnv, tempDirs, transcript, ZONE } from './helpers/cli';
import { mismatchWithoutCode, reference } from './helpers/targets';

const TOKEN = 'e2e-exit-codes-token';

test('0 against the reference server', async () => {
  const server = await reference({ token: TOKEN });
  try {
    const dirs = tempDirs('exit0');
    const r = await conformance(['specs/put/create-replace.spec.ts'], runEnv(dirs, { url: server.url, token: TOKEN }));
    expect(r.code, transcript(r)).toBe(0);
    expect(report(dirs).verdict).toBe('pass');
    expect(row(report(dirs), 'PUT-CREATE').status).toBe('passed');
  } finally {
    await server.close();
  }
});

test('2 for a configuration error, naming the variable: CONFORMANCE_BASE_URL without a token', async () => {
  const dirs = tempDirs('exit2-config');
  const r = await conformance([], runEnv(dirs, undefined, { CONFORMANCE_BASE_URL: 'http://127.0.0.1:9/client/v4', CONFORMANCE_ZONE_ID: ZONE }));
  expect(r.code, transcript(r)).toBe(2);
  expect(r.stderr).toContain('Configuration error');
  expect(r.stderr).toContain('CONFORMANCE_API_TOKEN');
});

test('2 for an unreachable target: a harness error, not a failure of the target', async () => {
  // A port that was free a moment ago: nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const dirs = tempDirs('exit2-unreachable');
  const r = await conformance(['specs/put/create-replace.spec.ts'], runEnv(dirs, { url: `http://127.0.0.1:${port}/client/v4`, token: TOKEN }));
  expect(r.code, transcript(r)).toBe(2);
  const rep = report(dirs);
  expect(rep.verdict).toBe('error');
  expect(rep.errors.join('\n')).toContain('ECONNREFUSED');
  // One line naming the URL, no stack trace.
  expect(r.stderr).toContain(`Run error: the target http://127.0.0.1:${port}/client/v4 could not be reached (ECONNREFUSED)`);
  expect(`${r.stdout}\n${r.stderr}`, 'no stack trace').not.toMatch(/^\s+at /m);
  expect(rep.requirements.filter((q) => q.status === 'failed'), 'nothing is blamed on the target').toEqual([]);
});

test('2 when the zone cannot hold the destructive scenario: preflight refuses it before any write', async () => {
  // 3,498 mappings: the limit scenario needs 3 free of the 3,500.
  const mappings = Array.from({ length: 3498 }, (_, i) => ({ origin_ip: `10.1.${i >> 8}.${i & 255}`, vendor: 'aws', region: 'us-east-1' }));
  const writes: string[] = [];
  const server = await reference({
    token: TOKEN,
    initialZones: { [ZONE]: mappings },
    hooks: { reply: (reply, req) => (req.method !== 'GET' && writes.push(`${req.method} ${req.path}`), reply) },
  });
  try {
    const dirs = tempDirs('exit2-full');
    const r = await conformance(['specs/limit.spec.ts'], runEnv(dirs, { url: server.url, token: TOKEN }, { CONFORMANCE_ALLOW_DESTRUCTIVE: '1' }));
    expect(r.code, transcript(r)).toBe(2);
    expect(r.stderr).toContain('Configuration error');
    expect(r.stderr).toContain('3498');
    expect(r.stderr).toContain('CONFORMANCE_ALLOW_DESTRUCTIVE');
    expect(writes).toEqual([]);
  } finally {
    await server.close();
  }
});

test('a SHOULD-only failure exits 0, and 1 with CONFORMANCE_STRICT=1', async () => {
  const server = await reference({ token: TOKEN, hooks: mismatchWithoutCode });
  try {
    const args = ['specs/put/mismatch.spec.ts', '--grep', '@PUT-MISMATCH-CODE'];
    const lax = tempDirs('should');
    const r = await conformance(args, runEnv(lax, { url: server.url, token: TOKEN }));
    expect(r.code, transcript(r)).toBe(0);
    expect(row(report(lax), 'PUT-MISMATCH-CODE')).toMatchObject({ level: 'SHOULD', status: 'failed' });
    expect(row(report(lax), 'PUT-MISMATCH-REJECTED').status).toBe('passed');

    const strict = tempDirs('should-strict');
    const s = await conformance(args, runEnv(strict, { url: server.url, token: TOKEN }, { CONFORMANCE_STRICT: '1' }));
    expect(s.code, transcript(s)).toBe(1);
    expect(report(strict).verdict).toBe('fail');
  } finally {
    await server.close();
  }
});

test('2 when supported_regions answers 4xx (the zone has no Tiered Cache): named, before any write', async () => {
  const writes: string[] = [];
  const server = await reference({
    token: TOKEN,
    hooks: {
      reply: (reply, req) => {
        if (req.method !== 'GET') writes.push(`${req.method} ${req.path}`);
        if (req.operation !== 'supported-regions') return reply;
        return { status: 403, headers: reply.headers, body: { success: false, errors: [{ code: 1170, message: 'Tiered Cache is not enabled' }], messages: [], result: null } };
      },
    },
  });
  try {
    const dirs = tempDirs('exit2-regions');
    const r = await conformance(['specs/put/create-replace.spec.ts'], runEnv(dirs, { url: server.url, token: TOKEN }));
    expect(r.code, transcript(r)).toBe(2);
    expect(r.stderr).toContain('Configuration error');
    expect(r.stderr).toContain('supported_regions');
    expect(r.stderr).toContain('Tiered Cache');
    expect(writes).toEqual([]);
  } finally {
    await server.close();
  }
});

test('1 when supported_regions answers 200 with nothing usable: REGIONS-* fail, the tests that need a region are skipped with the reason', async () => {
  const server = await reference({
    token: TOKEN,
    hooks: {
      reply: (reply, req) =>
        req.operation === 'supported-regions' ? { ...reply, body: { ...reply.body, result: { obtained_codes: true, vendors: {} } } } : reply,
    },
  });
  try {
    const dirs = tempDirs('exit1-regions');
    const r = await conformance(['specs/supported-regions.spec.ts', 'specs/put/create-replace.spec.ts'], runEnv(dirs, { url: server.url, token: TOKEN }));
    expect(r.code, transcript(r)).toBe(1);
    const rep = report(dirs);
    expect(rep.verdict).toBe('fail');
    expect(rep.requirements.filter((q) => q.status === 'failed').map((q) => q.id).filter((id) => !id.startsWith('REGIONS-')), 'only the regions are blamed').toEqual([]);
    expect(rep.unattributedFailures).toEqual([]);
    expect(row(rep, 'PUT-CREATE').status).toBe('skipped');
    expect(row(rep, 'PUT-CREATE').reason).toContain('supported_regions');
  } finally {
    await server.close();
  }
});
