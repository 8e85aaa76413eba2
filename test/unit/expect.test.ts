// suite/judging/expect.ts: a fast path may only say "passes" where Playwright's own matcher passes, and every
// assertion that does not pass fails with Playwright's own message.
import { expect as playwrightExpect, test } from '@playwright/test';
import fc from 'fast-check';
import { expect, FAST, plainEqual } from '../../suite/judging/expect';

const json = fc.jsonValue({ maxDepth: 3 });
/** JSON values, values JSON has not (undefined, -0, NaN, dates, sets, sparse arrays) and asymmetric matchers. */
const value = fc.oneof(
  json,
  fc.anything({ maxDepth: 2, withDate: true, withMap: true, withSet: true, withSparseArray: true, withNullPrototype: true }),
  fc.constantFrom(undefined, -0, 0, NaN, [undefined], { a: undefined }, playwrightExpect.anything(), playwrightExpect.any(Number)),
);

function playwrightPasses(name: string, actual: unknown, args: unknown[]): boolean {
  try {
    (playwrightExpect(actual) as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args);
    return true;
  } catch {
    return false;
  }
}

test('every fast path passes only where Playwright passes', () => {
  for (const [name, fast] of Object.entries(FAST)) {
    fc.assert(
      fc.property(value, (actual) => {
        if (fast(actual, [])) playwrightExpect(playwrightPasses(name, actual, []), `${name}(${fc.stringify(actual)})`).toBe(true);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(value, value, (actual, expected) => {
        if (fast(actual, [expected])) playwrightExpect(playwrightPasses(name, actual, [expected]), `${name}(${fc.stringify(actual)}, ${fc.stringify(expected)})`).toBe(true);
      }),
      { numRuns: 400 },
    );
    // Values that are equal: the fast path must still be sound on them.
    fc.assert(
      fc.property(json, (v) => {
        const copy = JSON.parse(JSON.stringify(v)) as unknown;
        if (fast(v, [copy])) playwrightExpect(playwrightPasses(name, v, [copy]), `${name} on equal values`).toBe(true);
      }),
      { numRuns: 200 },
    );
  }
});

test('plain equal JSON values take the fast path', () => {
  fc.assert(fc.property(json, (v) => plainEqual(v, structuredClone(v))));
  playwrightExpect(FAST.toMatchObject!({ a: 1, b: [1, { c: 'x' }], d: 2 }, [{ a: 1, b: [1, { c: 'x' }] }])).toBe(true);
  playwrightExpect(FAST.toContain!([1164, 1000], [1164])).toBe(true);
});

test('a failing assertion fails with the message Playwright gives', () => {
  const cases: Array<[unknown, string, unknown]> = [
    [404, 'toBe', 200],
    [{ a: 1 }, 'toEqual', { a: 2 }],
    [{ a: 1 }, 'toMatchObject', { a: 1, b: 2 }],
    [[1], 'toContain', 2],
    [3, 'toBeLessThan', 2],
    [{ a: undefined }, 'toEqual', {}], // not taken by the fast path, passes in Playwright
  ];
  for (const [actual, name, arg] of cases) {
    const run = (e: typeof expect) => {
      try {
        (e(actual, 'what') as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(arg);
        return 'passed';
      } catch (err) {
        return (err as Error).message;
      }
    };
    playwrightExpect(run(expect), `${name}`).toBe(run(playwrightExpect));
  }
  playwrightExpect(() => expect([{ a: 1, b: 2 }]).toEqual(expect.arrayContaining([expect.objectContaining({ a: 1 })]))).not.toThrow();
});
