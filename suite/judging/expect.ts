// Playwright's `expect`, without a report step for assertions that pass.
//
// Every call of Playwright's expect inside a test records a step: it captures and source-maps a
// stack, walks every earlier step of the test to find a parent (so a test with n assertions spends
// O(n^2)), and sends two messages to the runner. A property run makes thousands of assertions: that
// was a third of a worker's CPU time (BENCHMARKS.md). Here a matcher whose outcome is certain from
// plain values (a pass decided by the same rule Playwright's matcher applies: Object.is for toBe,
// indexOf for toContain, ...) returns at once; every other call, and every call that would not
// pass, goes to Playwright's own matcher, which judges it and builds the failure message (and
// its step). A fast path only ever says "passes" where Playwright's matcher passes too: no check
// is weakened, only the bookkeeping of passing assertions is skipped.
import { expect as playwrightExpect } from '@playwright/test';

type Matcher = (actual: unknown, args: unknown[]) => boolean;

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * True only when `a` and `b` are equal plain JSON-like values: the same primitives (Object.is),
 * arrays of the same length without holes, and objects with Object.prototype, the same keys and no
 * symbols, equal all the way down. Such values are equal for toEqual (and toMatchObject); anything
 * else (asymmetric matchers, dates, maps, class instances, undefined properties, cycles) is left to
 * Playwright's matcher.
 */
export function plainEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 64) return false;
  const pa = Object.getPrototypeOf(a);
  const pb = Object.getPrototypeOf(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || pa !== Array.prototype || pb !== Array.prototype) return false;
    if (a.length !== b.length || Object.keys(a).length !== a.length || Object.keys(b).length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!plainEqual(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (pa !== Object.prototype || pb !== Object.prototype) return false;
  if (Object.getOwnPropertySymbols(a).length || Object.getOwnPropertySymbols(b).length) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const va = (a as Record<string, unknown>)[k];
    if (va === undefined || !hasOwn(b, k)) return false;
    if (!plainEqual(va, (b as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}

const isNumber = (x: unknown): x is number => typeof x === 'number';

/** Matchers whose pass can be decided here; each returns true only when Playwright's passes. */
export const FAST: Record<string, Matcher> = {
  toBe: (a, [e]) => Object.is(a, e),
  toEqual: (a, [e]) => plainEqual(a, e),
  toMatchObject: (a, [e]) => {
    if (typeof a !== 'object' || a === null || Object.getPrototypeOf(a) !== Object.prototype) return false;
    if (typeof e !== 'object' || e === null || Object.getPrototypeOf(e) !== Object.prototype) return false;
    if (Object.getOwnPropertySymbols(e).length) return false;
    for (const [k, v] of Object.entries(e)) {
      if (v === undefined || !hasOwn(a, k) || !plainEqual((a as Record<string, unknown>)[k], v)) return false;
    }
    return true;
  },
  toContain: (a, [e]) =>
    (typeof a === 'string' && typeof e === 'string' && a.includes(e)) ||
    (Array.isArray(a) && Object.keys(a).length === a.length && a.indexOf(e) !== -1),
  toBeGreaterThan: (a, [e]) => isNumber(a) && isNumber(e) && a > e,
  toBeGreaterThanOrEqual: (a, [e]) => isNumber(a) && isNumber(e) && a >= e,
  toBeLessThan: (a, [e]) => isNumber(a) && isNumber(e) && a < e,
  toBeLessThanOrEqual: (a, [e]) => isNumber(a) && isNumber(e) && a <= e,
  // Playwright refuses an argument to these (a matcher error): that call is left to it.
  toBeDefined: (a, args) => args.length === 0 && a !== undefined,
  toBeUndefined: (a, args) => args.length === 0 && a === undefined,
  toBeNull: (a, args) => args.length === 0 && a === null,
  toHaveLength: (a, [e]) =>
    (typeof a === 'string' || Array.isArray(a)) && isNumber(e) && Number.isInteger(e) && e >= 0 && a.length === e,
};

type MessageOrOptions = Parameters<typeof playwrightExpect>[1];

function matchers(actual: unknown, messageOrOptions: MessageOrOptions): object {
  let real: Record<string | symbol, unknown> | undefined;
  const playwright = () => (real ??= playwrightExpect(actual, messageOrOptions) as unknown as Record<string | symbol, unknown>);
  return new Proxy(
    {},
    {
      get(_target, name) {
        const fast = typeof name === 'string' ? FAST[name] : undefined;
        if (!fast) return playwright()[name];
        return (...args: unknown[]) => {
          if (fast(actual, args)) return undefined;
          return (playwright()[name] as (...a: unknown[]) => unknown)(...args);
        };
      },
    },
  );
}

/** Playwright's expect: the same matchers, messages and static helpers (expect.arrayContaining, ...). */
export const expect: typeof playwrightExpect = new Proxy(playwrightExpect, {
  apply(_target, _this, args: [unknown, MessageOrOptions?]) {
    return matchers(args[0], args[1]);
  },
});
