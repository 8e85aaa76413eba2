import type { Middleware } from '../../server';
import { defineMutant } from '../types';

// As concurrent-limit-race, on the batch endpoint only: a batch PUT counts the zone, waits on a round
// trip, then writes whatever the count said. Batches of new addresses sent together into a zone one
// short of the limit all pass the check, and the zone ends past 3,500. The single PUT keeps the
// reference behaviour.
// Long enough that batches sent together still overlap on a loaded machine.
const ROUND_TRIP_MS = 300;

const checkThenWrite: Middleware = async (ctx, next) => {
  const items = Array.isArray(ctx.body) ? ctx.body : [];
  const fresh = new Set<string>();
  for (const item of items) {
    const text = (item as { origin_ip?: unknown } | null)?.origin_ip;
    const ip = typeof text === 'string' ? ctx.canonicalize(text) : null;
    if (ip !== null && ctx.store.get(ip) === undefined) fresh.add(ip);
  }
  const crosses = ctx.store.size() + fresh.size > ctx.limit;
  await new Promise((resolve) => setTimeout(resolve, ROUND_TRIP_MS));
  return next(crosses ? ctx : { ...ctx, limit: Number.MAX_SAFE_INTEGER });
};

export default defineMutant({
  id: 'concurrent-batch-limit-race',
  description: 'batch PUT checks the limit, waits on a round trip, then writes: concurrent batches of new addresses one short of the limit take the zone past 3,500',
  expected: ['CONCURRENCY-LIMIT'],
  hooks: { operations: { 'batch-put': checkThenWrite } },
});
