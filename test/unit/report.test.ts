// The verdict logic (suite/report/matrix.ts) and the known-deviations file.
import { expect, test } from '@playwright/test';
import { finding, findingAnnotation, readAnnotations, VIOLATION } from '../../suite/judging/annotations';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../suite/config/config';
import { loadExpectations } from '../../suite/report/expectations';
import { judge, type TestOutcome } from '../../suite/report/matrix';

function outcome(o: Partial<TestOutcome>): TestOutcome {
  return { title: 't', file: 'specs/x.spec.ts', line: 1, status: 'passed', cited: [], violations: [], observations: [], evidence: [], ...o };
}
const row = (v: ReturnType<typeof judge>, id: string) => v.requirements.find((r) => r.id === id)!;

test('a violation fails its requirement only; a MUST failure fails the verdict', () => {
  const v = judge([outcome({ status: 'failed', cited: ['PUT-CREATE', 'PUT-READBACK'], violations: [finding('PUT-CREATE', 'expected 200')] })], []);
  expect(row(v, 'PUT-CREATE').status).toBe('failed');
  expect(row(v, 'PUT-READBACK').status, 'stopped before its check: not passed').toBe('skipped');
  expect(v.verdict).toBe('fail');
});

test('a SHOULD failure is reported but passes the verdict unless strict', () => {
  const o = [outcome({ cited: ['PUT-MISMATCH-REJECTED', 'PUT-MISMATCH-CODE'], violations: [finding('PUT-MISMATCH-CODE', 'no 1146')] })];
  expect(row(judge(o, []), 'PUT-MISMATCH-CODE').status).toBe('failed');
  expect(row(judge(o, []), 'PUT-MISMATCH-REJECTED').status).toBe('passed');
  expect(judge(o, []).verdict).toBe('pass');
  expect(judge(o, [], { strict: true }).verdict).toBe('fail');
});

test('an error no requirement claimed counts against every requirement the test cites', () => {
  const v = judge([outcome({ status: 'failed', cited: ['GET-FOUND'], error: 'socket hang up' })], []);
  expect(row(v, 'GET-FOUND').status).toBe('failed');
  expect(v.unattributed).toHaveLength(1);
});

test('skipped tests skip their requirements with the reason; uncited ones are skipped too', () => {
  const v = judge([outcome({ status: 'skipped', cited: ['ZONE-ISOLATION'], skipReason: 'needs a second zone' })], []);
  expect(row(v, 'ZONE-ISOLATION')).toMatchObject({ status: 'skipped', reason: 'needs a second zone' });
  expect(row(v, 'LIMIT-3500-ACCEPTED').status).toBe('skipped');
  expect(v.verdict).toBe('pass');
});

test('expectations: a listed failure is expected, a listed pass is stale, an expired entry excuses nothing', () => {
  const o = [
    outcome({ status: 'failed', cited: ['PUT-CREATE'], violations: [finding('PUT-CREATE', '201')] }),
    outcome({ cited: ['GET-FOUND'] }),
    outcome({ status: 'failed', cited: ['DELETE-REMOVES'], violations: [finding('DELETE-REMOVES', 'kept')] }),
  ];
  const v = judge(
    o,
    [
      { id: 'PUT-CREATE', reason: 'answers 201, fix in 2.1' },
      { id: 'GET-FOUND', reason: 'was broken' },
      { id: 'DELETE-REMOVES', reason: 'old', expires: '2020-01-01' },
    ],
    { today: new Date('2026-11-28') },
  );
  expect(row(v, 'PUT-CREATE').status).toBe('expected-failure');
  expect(row(v, 'GET-FOUND')).toMatchObject({ status: 'passed', stale: true });
  expect(v.staleExpectations).toEqual(['GET-FOUND']);
  expect(row(v, 'DELETE-REMOVES')).toMatchObject({ status: 'failed', expired: true });
  expect(v.verdict).toBe('fail');
});

test('the expectations file is checked: unknown IDs, missing reasons and bad dates are configuration errors', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-'));
  const write = (v: unknown) => {
    const f = path.join(dir, `${Math.random()}.json`);
    fs.writeFileSync(f, typeof v === 'string' ? v : JSON.stringify(v));
    return f;
  };
  expect(loadExpectations(path.join(dir, 'absent.json'))).toEqual([]);
  expect(loadExpectations(write({ expectations: [{ id: 'PUT-CREATE', reason: 'r', expires: '2027-01-31' }] }))).toHaveLength(1);
  for (const bad of ['{', { expectations: {} }, { expectations: [{ id: 'NOPE', reason: 'r' }] }, { expectations: [{ id: 'PUT-CREATE' }] }, { expectations: [{ id: 'PUT-CREATE', reason: 'r', expires: '31/01/2027' }] }])
    expect(() => loadExpectations(write(bad)), JSON.stringify(bad)).toThrow(ConfigError);
  // No unknown key (JSON Schema, additionalProperties false): a typo names the key and the file.
  const typo = write({ expectations: [{ id: 'PUT-CREATE', reason: 'r', expire: '2020-01-01' }] });
  expect(() => loadExpectations(typo)).toThrow(`${typo} does not match schemas/config/expectations.schema.json: expectations[0] has an unknown key "expire"`);
  expect(() => loadExpectations(write({ expectation: [] }))).toThrow('has an unknown key "expectation"');
});

test('findings travel as typed JSON: a message that itself reads "ID: text" comes back as written, under its requirement', () => {
  const written = finding('PUT-CREATE', 'PUT-READBACK: looks like another ID\nsecond line', 'evidence-1-PUT-CREATE.json');
  const read = readAnnotations([{ type: 'requirement', description: 'PUT-CREATE' }, findingAnnotation(VIOLATION, written)]);
  expect(read).toEqual({ cited: ['PUT-CREATE'], violations: [written], observations: [], notApplicable: [], cells: [], cellResults: [] });
  expect(written.level).toBe('MUST');
  const v = judge([outcome({ status: 'failed', cited: ['PUT-CREATE', 'PUT-READBACK'], violations: read.violations })], []);
  expect(row(v, 'PUT-READBACK').status, 'not failed by text that merely names it').toBe('skipped');
});
