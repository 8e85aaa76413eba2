// The known-deviations file (CONFORMANCE_EXPECTATIONS; format in docs/ci.md and
// conformance.expectations.example.json), through real runs against a target that breaks one MUST
// (PUT answers 201): a listed failure is expected and the run passes; a listed requirement that
// passes is flagged stale; an expired entry excuses nothing.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { loadExpectations } from '../../suite/report/expectations';
import { conformance, report, ROOT, row, runEnv, tempDirs, transcript } from './helpers/cli';
import { put201, reference, type ReferenceServer } from './helpers/targets';

const TOKEN = 'e2e-expectations-token';
const ARGS = ['specs/put/create-replace.spec.ts', 'specs/put/mismatch.spec.ts', '--grep', '@PUT-CREATE|@PUT-MISMATCH-CODE'];

let server: ReferenceServer;
test.beforeAll(async () => {
  server = await reference({ token: TOKEN, hooks: put201 });
});
test.afterAll(async () => {
  await server?.close();
});

function withExpectations(name: string, expectations: unknown[]) {
  const dirs = tempDirs(name);
  fs.mkdirSync(dirs.root, { recursive: true });
  fs.writeFileSync(path.join(dirs.root, 'conformance.expectations.json'), JSON.stringify({ expectations }, null, 2));
  return dirs;
}

test('a listed MUST failure is an expected-failure (exit 0); a listed requirement that passes is flagged stale', async () => {
  const dirs = withExpectations('exp', [
    { id: 'PUT-CREATE', reason: 'answers 201 on create, fixed in 2.1', expires: '2999-01-01' },
    { id: 'PUT-MISMATCH-REJECTED', reason: 'was broken in 1.9' },
  ]);
  const r = await conformance(ARGS, runEnv(dirs, { url: server.url, token: TOKEN }));
  expect(r.code, transcript(r)).toBe(0);
  const rep = report(dirs);
  expect(rep.verdict).toBe('pass');
  expect(row(rep, 'PUT-CREATE')).toMatchObject({ status: 'expected-failure', reason: 'answers 201 on create, fixed in 2.1' });
  expect(row(rep, 'PUT-CREATE').evidence?.length, 'the evidence is kept for an expected failure').toBeGreaterThan(0);
  expect(row(rep, 'PUT-MISMATCH-REJECTED')).toMatchObject({ status: 'passed', stale: true });
  expect(rep.staleExpectations).toEqual(['PUT-MISMATCH-REJECTED']);
  expect(r.stdout).toContain('stale expectations (now passing): PUT-MISMATCH-REJECTED');
  const html = fs.readFileSync(path.join(dirs.reports, 'conformance.html'), 'utf8');
  expect(html).toContain('stale expectation: passes now');
  expect(html).toContain('data-requirement="PUT-CREATE" data-status="expected-failure"');
  // JUnit: the expected failure is a skipped case with the reason, not a failure.
  const junit = fs.readFileSync(path.join(dirs.reports, 'junit.xml'), 'utf8');
  expect(junit).toContain('<skipped message="expected failure (expectations file): PUT-CREATE: answers 201 on create, fixed in 2.1"/>');
  expect(junit).not.toMatch(/<failure\b/);
  expect(junit).toMatch(/<testsuites\b[^>]*\bfailures="0"/);
});

test('an expired entry excuses nothing: the failure counts and the run exits 1', async () => {
  const dirs = withExpectations('exp-expired', [{ id: 'PUT-CREATE', reason: 'answers 201 on create', expires: '2020-01-01' }]);
  const r = await conformance(ARGS, runEnv(dirs, { url: server.url, token: TOKEN }));
  expect(r.code, transcript(r)).toBe(1);
  expect(row(report(dirs), 'PUT-CREATE')).toMatchObject({ status: 'failed', expired: true });
  expect(r.stdout).toContain('expired expectation: PUT-CREATE is past its "expires" date and excuses nothing (it failed, so the run fails)');
});

test('a typo in the expectations file ("expire") is a configuration error (exit 2) naming the key and the file', async () => {
  const dirs = withExpectations('exp-typo', [{ id: 'PUT-CREATE', reason: 'answers 201 on create', expire: '2020-01-01' }]);
  const r = await conformance(ARGS, runEnv(dirs, { url: server.url, token: TOKEN }));
  expect(r.code, transcript(r)).toBe(2);
  expect(r.stderr).toContain(`Configuration error: ${path.join(dirs.root, 'conformance.expectations.json')} does not match schemas/config/expectations.schema.json: expectations[0] has an unknown key "expire"`);
});

test('a malformed expectations file is a configuration error (exit 2) naming the problem', async () => {
  const dirs = withExpectations('exp-bad', [{ id: 'NO-SUCH-REQUIREMENT', reason: 'typo' }]);
  const r = await conformance(ARGS, runEnv(dirs, { url: server.url, token: TOKEN }));
  expect(r.code, transcript(r)).toBe(2);
  expect(r.stderr).toContain('unknown requirement id "NO-SUCH-REQUIREMENT"');
});

test('the example file in the repository is valid', () => {
  expect(loadExpectations(path.join(ROOT, 'conformance.expectations.example.json')).length).toBeGreaterThan(0);
});
