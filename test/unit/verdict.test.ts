// The one verdict rule (suite/report/verdict.ts), the shard-set check of the merge, and which requests
// the zone guard treats as able to lose mappings they do not name (suite/transport/client.ts riskOf).
import { expect, test } from '@playwright/test';
import { riskOf } from '../../suite/transport/client';
import { shardSetProblem } from '../../suite/report/merge';
import { decide, skippedMusts, verdictLine } from '../../suite/report/verdict';

const rows = [
  { id: 'A', level: 'MUST' as const, status: 'passed' },
  { id: 'B', level: 'MUST' as const, status: 'skipped', reason: 'needs a second zone: set CONFORMANCE_ZONE_ID_B' },
  { id: 'C', level: 'MUST' as const, status: 'skipped', reason: 'needs a second zone: set CONFORMANCE_ZONE_ID_B' },
  { id: 'D', level: 'MUST' as const, status: 'skipped', reason: 'not applicable: the target omits modified_on', notApplicable: true },
  { id: 'E', level: 'SHOULD' as const, status: 'failed' },
];

test('decide: a failed MUST fails, a SHOULD only in strict mode, a skipped MUST only with requireAll (not when not applicable)', () => {
  expect(decide(rows)).toBe('pass');
  expect(decide(rows, { strict: true })).toBe('fail');
  expect(decide(rows, { requireAll: true })).toBe('fail');
  expect(decide([rows[0]!, rows[3]!], { requireAll: true })).toBe('pass');
  expect(decide([{ id: 'A', level: 'MUST', status: 'failed' }])).toBe('fail');
});

test('the verdict line names every skipped MUST with its reason, grouped by reason', () => {
  expect(skippedMusts(rows).map((s) => s.id)).toEqual(['B', 'C', 'D']);
  expect(verdictLine('pass', skippedMusts(rows))).toBe(
    'PASS (3 MUST skipped: B, C: needs a second zone: set CONFORMANCE_ZONE_ID_B; D: not applicable: the target omits modified_on)',
  );
  expect(verdictLine('fail', [], { requireAll: true })).toBe('FAIL');
});

test('a shard set must hold every shard of one split once', () => {
  const r = (shard: string | null) => ({ source: `s${shard}`, report: { shard } });
  expect(shardSetProblem([r('1/2'), r('2/2')])).toBeUndefined();
  expect(shardSetProblem([r('1/2')])).toBe('shard 2/2 is missing');
  expect(shardSetProblem([r('1/2'), r('1/2'), r('2/2')])).toContain('shard 1/2 is given twice');
  expect(shardSetProblem([r('1/2'), r('2/3')])).toContain('splits into 2 and 3 shards');
  expect(shardSetProblem([r(null)])).toContain('records no shard');
});

test('riskOf: collection methods, batch requests without a usable body and paths that may resolve elsewhere; not a plain item or a read', () => {
  const base = '/zones/0123456789abcdef0123456789abcdef/origin/cloud_regions';
  const risk = (method: string, path: string, body?: string, headers: Record<string, string> = {}) => riskOf(method, base + path, body, headers)?.requirement;
  expect(risk('DELETE', '')).toBe('ROBUST-METHOD');
  expect(risk('PUT', '', '[]')).toBe('ROBUST-METHOD');
  expect(risk('POST', '/batch', '[]')).toBe('ROBUST-METHOD');
  expect(risk('DELETE', '/batch')).toBe('BATCH-DELETE-NO-BODY');
  expect(risk('DELETE', '/batch', '{}')).toBe('BATCH-DELETE-NO-BODY');
  expect(risk('PUT', '/batch', '{"items":[]}')).toBe('BATCH-PUT-NOT-ARRAY');
  expect(risk('DELETE', '/batch', '["2001:db8::1"')).toBe('ROBUST-MALFORMED-JSON');
  expect(risk('DELETE', '/batch', '["2001:db8::1"]', { 'content-type': 'text/plain' })).toBe('ROBUST-CONTENT-TYPE');
  expect(risk('DELETE', '/batch', '["2001:db8::1"]')).toBeUndefined();
  expect(risk('DELETE', '/2001:db8::1/..')).toBe('ROBUST-PATH-ENCODING');
  expect(risk('PUT', '/2001:db8::1%2F128', '{}')).toBe('ROBUST-PATH-ENCODING');
  expect(risk('PUT', '/..%2F2001:db8::1', '{}')).toBe('ROBUST-PATH-ENCODING');
  expect(risk('PUT', '/2001:db8::1', '{}')).toBeUndefined();
  expect(risk('DELETE', '/192.0.2.1')).toBeUndefined();
  expect(risk('GET', '')).toBeUndefined();
});
