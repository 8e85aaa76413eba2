// Independent requests in flight together, bounded by CONFORMANCE_CONCURRENCY: against a far target
// (50 to 200 ms away) a run that sends one request at a time spends nearly all its time waiting.
// Only requests whose set is fixed before any is sent go through here (the limit fill, cleanup,
// reads of a fixed list of pages): the same requests go out at any concurrency, and the results come
// back in input order, so a check over them is judged the same way at 1 and at 16.

/** The default of CONFORMANCE_CONCURRENCY: a test's matrix of refused or bad requests, a property's
 * runs, the near misses go out in a few round trips at 50 to 200 ms. Against a remote target the gate
 * still holds the run under 150 requests in any second (Cloudflare allows a client IP 200), whatever
 * the workers and this (suite/transport/throttle.ts). */
export const DEFAULT_CONCURRENCY = 8;

/** The most requests one test can have in flight: the transport's sockets (suite/transport/http.ts). */
export const MAX_IN_FLIGHT = 16;

/**
 * The lanes of a test: CONFORMANCE_CONCURRENCY, or, for a test that holds the zone alone (zone-wide:
 * every other worker waits meanwhile), the run's whole allowance, CONFORMANCE_CONCURRENCY per worker,
 * up to MAX_IN_FLIGHT. The same requests go out at any lane count, judged in input order; the gate's
 * pacing holds whatever the count.
 */
export function lanesFor(concurrency: number, opts: { alone: boolean; workers: number }): number {
  return opts.alone ? Math.max(concurrency, Math.min(MAX_IN_FLIGHT, concurrency * Math.max(1, opts.workers))) : concurrency;
}

/**
 * `fn` over every item, at most `limit` at a time; the results in input order. When one call throws,
 * no further call starts, the calls in flight are awaited, and the error of the earliest item that
 * failed is thrown (the same one at any limit, when the calls are deterministic).
 */
export async function inParallel<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const errors = new Map<number, unknown>();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && errors.size === 0) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (e) {
        errors.set(i, e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (errors.size) throw errors.get(Math.min(...errors.keys()));
  return results;
}

/** `items` cut into consecutive chunks of `size` (batch endpoints take at most 100 items). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
