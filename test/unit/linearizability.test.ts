// The register linearizability checker (suite/judging/linearizability.ts) on histories whose answer is known:
// linearizable ones (it must find an order) and non-linearizable ones (it must not).
import { test, expect } from '@playwright/test';
import { checkLinearizable, describeHistory, type HistoryEntry, type RegisterOp } from '../../suite/judging/linearizability';

const A = { vendor: 'aws', region: 'us-east-1' };
const B = { vendor: 'gcp', region: 'us-central1' };
const h = (op: RegisterOp, invokedAt: number, returnedAt: number): HistoryEntry => ({ op, invokedAt, returnedAt, label: JSON.stringify(op) });
const put = (v: typeof A) => ({ kind: 'put', value: v }) as const;
const get = (v: typeof A | null) => ({ kind: 'get', result: v }) as const;
const del = (deleted: boolean) => ({ kind: 'delete', deleted }) as const;

const linearizable: Array<[string, HistoryEntry[]]> = [
  ['sequential PUT, GET, DELETE, GET', [h(put(A), 0, 1), h(get(A), 2, 3), h(del(true), 4, 5), h(get(null), 6, 7)]],
  ['a GET overlapping a PUT may see the old value', [h(put(A), 0, 10), h(get(null), 1, 2)]],
  ['a GET overlapping a PUT may see the new value', [h(put(A), 0, 10), h(get(A), 1, 2)]],
  ['two overlapping PUTs: later reads agree on one winner', [h(put(A), 0, 10), h(put(B), 0, 10), h(get(B), 11, 12), h(get(B), 13, 14)]],
  ['overlapping DELETEs: one deletes, the other finds nothing', [h(put(A), 0, 1), h(del(true), 2, 10), h(del(false), 2, 10)]],
  ['an unanswered PUT may have taken effect', [h(put(A), 0, Infinity), h(get(A), 5, 6)]],
  ['an unanswered PUT may not have taken effect', [h(put(A), 0, Infinity), h(get(null), 5, 6)]],
  ['a GET invoked before a PUT answered, answered after, sees either', [h(get(A), 0, 20), h(put(A), 5, 10), h(get(A), 21, 22)]],
];

const notLinearizable: Array<[string, HistoryEntry[]]> = [
  ['a stale read after a completed PUT', [h(put(A), 0, 10), h(get(null), 20, 30)]],
  ['reads during a PUT see new then old', [h(put(A), 0, 100), h(get(A), 10, 20), h(get(null), 30, 40)]],
  ['two overlapping DELETEs both delete one mapping', [h(put(A), 0, 1), h(del(true), 2, 10), h(del(true), 2, 10)]],
  ['after two PUTs completed, reads flip between their values', [h(put(A), 0, 50), h(put(B), 0, 50), h(get(A), 60, 70), h(get(B), 80, 90)]],
  ['a GET returns a value nobody wrote', [h(put(A), 0, 10), h(get(B), 5, 15)]],
  ['a mapping survives its completed DELETE', [h(put(A), 0, 1), h(del(true), 2, 3), h(get(A), 4, 5)]],
];

for (const [name, history] of linearizable)
  test(`linearizable: ${name}`, () => {
    const r = checkLinearizable(history);
    expect(r.ok, describeHistory(history)).toBe(true);
    // The order it found respects real time and is legal.
    for (let i = 0; i < r.order!.length; i++)
      for (let j = i + 1; j < r.order!.length; j++) expect(history[r.order![j]!]!.returnedAt).toBeGreaterThanOrEqual(history[r.order![i]!]!.invokedAt);
  });

for (const [name, history] of notLinearizable)
  test(`not linearizable: ${name}`, () => {
    const r = checkLinearizable(history);
    expect(r.ok, describeHistory(history)).toBe(false);
    expect(r.longestPrefix!.length).toBeLessThan(history.length);
  });

test('an initial mapping is part of the model', () => {
  expect(checkLinearizable([h(get(A), 0, 1)], A).ok).toBe(true);
  expect(checkLinearizable([h(get(A), 0, 1)]).ok).toBe(false);
});

test('rounds of 8 overlapping operations (as the suite sends them) are decided quickly; a search too large gives up instead of guessing', () => {
  const ops = (r: number) => Array.from({ length: 8 }, (_, i) => h(i % 3 === 0 ? put(i % 2 ? A : B) : i % 3 === 1 ? get(i % 2 ? A : B) : del(false), r * 100, r * 100 + 50));
  const history = [0, 1, 2].flatMap(ops);
  const t0 = Date.now();
  expect(checkLinearizable(history).ok).not.toBeUndefined();
  expect(Date.now() - t0).toBeLessThan(2000);
  const overlapping = Array.from({ length: 24 }, (_, i) => h(i % 2 ? get(A) : get(null), 0, 1000));
  expect(checkLinearizable(overlapping, null, 10).ok).toBeUndefined();
  expect(() => checkLinearizable(Array.from({ length: 31 }, () => h(get(null), 0, 1)))).toThrow(/more than this checker/);
  expect(describeHistory(history.slice(0, 2))).toContain('#1 [0.0 ms .. 50.0 ms]');
});
