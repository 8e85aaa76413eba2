import type { Mapping } from '../../server';
import { isSuccess, perZone } from '../helpers';
import { defineMutant } from '../types';

// A list cache keyed by address, filled on first listing and never invalidated by a replace.
const cache = perZone(() => new Map<string, Mapping>());

export default defineMutant({
  id: 'list-stale-cache',
  description: 'The list serves each mapping as it was when first listed: replaced vendor/region never show',
  expected: ['LIST-REFLECTS-WRITES', 'MODEL-CONSISTENT'],
  hooks: {
    operations: {
      list: (ctx, next) => {
        const reply = next(ctx);
        if (!isSuccess(reply)) return reply;
        const seen = cache(ctx.zoneId);
        reply.body.result = reply.body.result.map((m: Mapping) => {
          if (!seen.has(m.origin_ip)) seen.set(m.origin_ip, m);
          return seen.get(m.origin_ip);
        });
        return reply;
      },
    },
  },
});
