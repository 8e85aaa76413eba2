import type { Middleware } from '../../server';
import { defineMutant } from '../types';

// The limit check and the write are apart: PUT counts the zone, waits on a round trip, then writes
// whatever the count said. Sequentially it is the reference; new addresses written together into a
// zone one short of the limit all pass the check, and the zone ends past 3,500.
// Long enough that requests sent together still overlap on a loaded machine.
const ROUND_TRIP_MS = 300;

const checkThenWrite: Middleware = async (ctx, next) => {
  const ip = ctx.originIp === undefined ? null : ctx.canonicalize(ctx.originIp);
  const full = ip !== null && ctx.store.get(ip) === undefined && ctx.store.size() >= ctx.limit;
  await new Promise((resolve) => setTimeout(resolve, ROUND_TRIP_MS));
  return next(full ? ctx : { ...ctx, limit: Number.MAX_SAFE_INTEGER });
};

export default defineMutant({
  id: 'concurrent-limit-race',
  description: 'PUT checks the limit, waits on a round trip, then writes: concurrent new addresses one short of the limit take the zone past 3,500',
  expected: ['CONCURRENCY-LIMIT'],
  hooks: { operations: { put: checkThenWrite } },
});
