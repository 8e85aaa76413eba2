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
  // The model-based test blames a stale read on the batch write before it, or on GET itself when
  // the batch write was the cleanup between two of its runs.
  expected: ['MODEL-CONSISTENT', 'BATCH-PUT-APPLIES', 'BATCH-DELETE-APPLIES', 'GET-FOUND', 'GET-NOT-FOUND'],
  // A stale read needs GET, then a batch write, then GET of one address: the batch DELETE test does
  // exactly that in every profile; the model-based test finds it at depth.
  hooks: {
    operations: {
      put: invalidate,
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
