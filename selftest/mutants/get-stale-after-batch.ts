import type { Middleware, Reply } from '../../server';
import { isSuccess, perZone } from '../helpers';
import { defineMutant } from '../types';

// A read cache in front of GET, invalidated by the single PUT and DELETE only: batch writes leave
// stale entries behind.
const cache = perZone(() => new Map<string, Reply>());
const invalidate: Middleware = (ctx, next) => {
  const ip = ctx.canonicalize(ctx.originIp!);
  if (ip !== null) cache(ctx.zoneId).delete(ip);
  return next(ctx);
};

export default defineMutant({
  id: 'get-stale-after-batch',
  description: 'GET serves a cache that batch PUT and batch DELETE never invalidate',
  expected: ['MODEL-CONSISTENT', 'BATCH-PUT-APPLIES', 'BATCH-DELETE-APPLIES'],
  hooks: {
    operations: {
      update: invalidate,
      delete: invalidate,
      get: (ctx, next) => {
        const ip = ctx.canonicalize(ctx.originIp!);
        const hit = ip === null ? undefined : cache(ctx.zoneId).get(ip);
        if (hit) return structuredClone(hit);
        const reply = next(ctx);
        if (ip !== null && isSuccess(reply)) cache(ctx.zoneId).set(ip, structuredClone(reply));
        return reply;
      },
    },
  },
});
