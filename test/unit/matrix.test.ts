// The rule x operation matrix (suite/judging/requirements.ts, `matrix`): every cell is exercised by a test
// unless the catalogue says why it cannot be, the way catalogue.test.ts refuses an uncovered MUST;
// and the reports judge and show each cell.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REQUIREMENTS } from '../../suite/judging/requirements';
import { judgeCells, type TestOutcome } from '../../suite/report/matrix';
import { renderMarkdown } from '../../suite/report/markdown';
import type { ConformanceReport } from '../../suite/report/types';
import { MATRIX_CELL } from '../../suite/judging/annotations';

const ROOT = path.resolve(__dirname, '../..');

interface ListedSuite {
  specs?: Array<{ title: string; file: string; tests: Array<{ annotations: Array<{ type: string; description?: string }> }> }>;
  suites?: ListedSuite[];
}

/** "<ID> <cell>" -> the tests declaring it, from `playwright test --list` (no global setup runs). */
function declaredCells(): Map<string, string[]> {
  const r = spawnSync(process.execPath, [require.resolve('@playwright/test/cli'), 'test', '--list', '--reporter=json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.status, `listing the conformance specs failed:\n${r.stderr}`).toBe(0);
  const cells = new Map<string, string[]>();
  const walk = (s: ListedSuite) => {
    for (const spec of s.specs ?? [])
      for (const t of spec.tests)
        for (const a of t.annotations)
          if (a.type === MATRIX_CELL && a.description) cells.set(a.description, [...(cells.get(a.description) ?? []), `${spec.file}: ${spec.title}`]);
    for (const c of s.suites ?? []) walk(c);
  };
  (JSON.parse(r.stdout) as { suites: ListedSuite[] }).suites.forEach(walk);
  return cells;
}

const rows = [...REQUIREMENTS.values()].filter((r) => r.matrix);

test('matrix cells are well formed: unique ids without spaces, an operation and a position each', () => {
  expect(rows.length, 'requirements with a matrix row').toBeGreaterThan(0);
  for (const r of rows) {
    const ids = r.matrix!.map((c) => c.id);
    expect(new Set(ids).size, `${r.id}: cell ids are unique`).toBe(ids.length);
    for (const c of r.matrix!) {
      expect(c.id, `${r.id}: cell ids are words joined by : / - (no spaces)`).toMatch(/^[A-Za-z0-9{}_.\/:-]+$/);
      expect(c.operation.length && c.position.length, `${r.id} ${c.id}: operation and position`).toBeTruthy();
      if (c.reason !== undefined) expect(c.reason.length, `${r.id} ${c.id}: a reason is a sentence`).toBeGreaterThan(20);
    }
  }
});

test('every matrix cell is exercised by a test, or says why it cannot be; no test declares a cell the catalogue lacks', () => {
  const declared = declaredCells();
  const empty: string[] = [];
  const excusedButDeclared: string[] = [];
  for (const r of rows)
    for (const c of r.matrix!) {
      const key = `${r.id} ${c.id}`;
      if (c.reason === undefined && !declared.has(key)) empty.push(key);
      if (c.reason !== undefined && declared.has(key)) excusedButDeclared.push(`${key} (declared by ${declared.get(key)!.join(', ')})`);
    }
  expect(empty, 'cells no test declares and with no written reason').toEqual([]);
  expect(excusedButDeclared, 'cells with a reason not to be exercised, that a test exercises: drop the reason').toEqual([]);
  const known = new Set(rows.flatMap((r) => r.matrix!.map((c) => `${r.id} ${c.id}`)));
  expect([...declared.keys()].filter((k) => !known.has(k)), 'declared cells missing from the catalogue').toEqual([]);
});

function outcome(o: Partial<TestOutcome>): TestOutcome {
  return { title: 't', file: 'specs/x.spec.ts', line: 1, status: 'passed', cited: [], violations: [], observations: [], evidence: [], ...o };
}

test('a cell fails when a check recorded it failed, passes when one passed, and is skipped with the reason otherwise', () => {
  const matrix = [
    { id: 'get:a', operation: 'get', position: 'headers', input: 'a' },
    { id: 'list:a', operation: 'list', position: 'headers', input: 'a' },
    { id: 'put:a', operation: 'put', position: 'headers', input: 'a' },
    { id: 'delete:a', operation: 'delete', position: 'headers', input: 'a' },
    { id: 'supported-regions:a', operation: 'supported-regions', position: 'headers', reason: 'nothing to see there' },
    { id: 'batch-put:a', operation: 'batch-put', position: 'headers' },
  ];
  const declared = ['X get:a', 'X list:a', 'X delete:a'];
  const cells = judgeCells('X', matrix, [
    outcome({ status: 'failed', cells: declared, cellResults: ['X get:a passed', 'X list:a passed', 'X list:a failed'] }),
    outcome({ status: 'passed', cells: ['X put:a'], cellResults: ['X put:a skipped needs a second zone'] }),
  ]);
  const by = (id: string) => cells.find((c) => c.id === id)!;
  expect(by('get:a').status).toBe('passed');
  expect(by('list:a').status, 'one failure outweighs a pass').toBe('failed');
  expect(by('put:a')).toMatchObject({ status: 'skipped', reason: 'needs a second zone' });
  expect(by('delete:a')).toMatchObject({ status: 'skipped', reason: 'the test stopped before this cell: another check failed first' });
  expect(by('supported-regions:a')).toMatchObject({ status: 'skipped', reason: 'nothing to see there' });
  expect(by('batch-put:a')).toMatchObject({ status: 'skipped', reason: 'no test ran it' });
  expect(judgeCells('X', matrix, [outcome({ cells: declared, cellResults: ['X get:a failed'] })], 'known bug')[0]).toMatchObject({
    status: 'expected-failure',
    reason: 'known bug',
  });
});

test('conformance.md shows each matrix row as a grid of operations, with why a cell did not pass', () => {
  const report = {
    verdict: 'fail',
    target: null,
    suiteVersion: '0',
    seed: 1,
    profile: 'budget',
    strict: false,
    startedAt: null,
    finishedAt: 'now',
    requests: 0,
    requestsByKind: {},
    rateLimit: { responses429: 0, waitedMs: 0 },
    transportRetries: 0,
    summary: {},
    requirements: [
      {
        id: 'X',
        level: 'MUST',
        operation: 'all',
        status: 'failed',
        title: 'x',
        source: 's',
        tests: [],
        cells: [
          { id: 'get:a', operation: 'get', position: 'headers', input: 'a', status: 'passed', tests: [] },
          { id: 'list:a', operation: 'list', position: 'headers', input: 'a', status: 'failed', tests: [] },
          { id: 'get:b', operation: 'get', position: 'headers', input: 'b|c', status: 'skipped', reason: 'needs a second zone', tests: [] },
        ],
      },
    ],
    staleExpectations: [],
    unattributedFailures: [],
    errors: [],
  } as unknown as ConformanceReport;
  const md = renderMarkdown(report);
  expect(md).toContain('## Rule × operation matrix');
  expect(md).toContain('3 cells: 1 passed, 1 failed, 0 expected-failure, 1 skipped.');
  expect(md).toContain('| input / position | get | list |');
  expect(md).toContain('| a | pass | FAIL |');
  expect(md).toContain('| b\\|c | skip |  |');
  expect(md).toContain('- get:b (skip): needs a second zone');
});
