// The requirement catalogue is the spine of the reports: every MUST must be covered by a test, every
// cited ID must exist (covers() throws at load time otherwise), and every operation of
// openapi.json must be named by at least one requirement.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REQUIREMENTS } from '../../suite/judging/requirements';
import { OPERATIONS } from '../../contract';

const ROOT = path.resolve(__dirname, '../..');

interface ListedSuite {
  specs?: Array<{ tests: Array<{ annotations: Array<{ type: string; description?: string }> }> }>;
  suites?: ListedSuite[];
}

function citedIds(): Set<string> {
  const r = spawnSync(process.execPath, [require.resolve('@playwright/test/cli'), 'test', '--list', '--reporter=json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.status, `listing the conformance specs failed:\n${r.stderr}`).toBe(0);
  const report = JSON.parse(r.stdout) as { suites: ListedSuite[]; errors?: unknown[] };
  expect(report.errors ?? [], 'the specs load without errors').toEqual([]);
  const ids = new Set<string>();
  const walk = (s: ListedSuite) => {
    for (const spec of s.specs ?? [])
      for (const t of spec.tests) for (const a of t.annotations) if (a.type === 'requirement' && a.description) ids.add(a.description);
    for (const c of s.suites ?? []) walk(c);
  };
  report.suites.forEach(walk);
  return ids;
}

test('every requirement has a level, an operation, a title and a source sentence', () => {
  for (const r of REQUIREMENTS.values()) {
    expect(['MUST', 'SHOULD', 'INFO'], r.id).toContain(r.level);
    expect(r.title.length, `${r.id} title`).toBeGreaterThan(10);
    expect(r.source.length, `${r.id} source`).toBeGreaterThan(10);
    expect(r.id, 'IDs are upper-case words joined by hyphens').toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)+$/);
  }
});

test('every MUST requirement is cited by at least one conformance test', () => {
  const cited = citedIds();
  const uncovered = [...REQUIREMENTS.values()]
    .filter((r) => r.level === 'MUST' && !r.everyResponse && !cited.has(r.id))
    .map((r) => r.id);
  expect(uncovered, 'MUST requirements no test cites').toEqual([]);
  const unknown = [...cited].filter((id) => !REQUIREMENTS.has(id));
  expect(unknown, 'cited IDs missing from the catalogue').toEqual([]);
});

test('the operation table of contract/ is the one of openapi.json, and every operation is named by a requirement', () => {
  const spec = path.resolve(ROOT, 'spec/openapi.json');
  expect(fs.existsSync(spec), `${spec} (the contract) must be present`).toBe(true);
  const openapi = JSON.parse(fs.readFileSync(spec, 'utf8')) as { paths: Record<string, Record<string, { operationId: string }>> };
  const ops = Object.entries(openapi.paths).flatMap(([p, methods]) =>
    Object.entries(methods).map(([method, o]) => ({ method: method.toUpperCase(), path: p, operationId: o.operationId })),
  );
  expect(ops.length, 'operations in openapi.json').toBe(7);
  expect(OPERATIONS.map(({ method, path: p, operationId }) => ({ method, path: p, operationId })).sort((a, b) => a.operationId.localeCompare(b.operationId))).toEqual(
    ops.sort((a, b) => a.operationId.localeCompare(b.operationId)),
  );
  for (const op of OPERATIONS)
    expect([...REQUIREMENTS.values()].some((r) => r.operation === op.name), `a requirement for ${op.operationId}`).toBe(true);
});
