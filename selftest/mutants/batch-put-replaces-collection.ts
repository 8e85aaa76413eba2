import { isSuccess } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'batch-put-replaces-collection',
  description: 'A batch PUT replaces the whole collection: mappings not in the request are deleted',
  expected: ['BATCH-PUT-MERGE'],
  hooks: {
    operations: {
      'batch-put': (ctx, next) => {
        const reply = next(ctx);
        if (!isSuccess(reply)) return reply;
        const kept = new Set(reply.body.result.succeeded.map((s: { origin_ip: string }) => s.origin_ip));
        for (const m of ctx.store.list()) if (!kept.has(m.origin_ip)) ctx.store.delete(m.origin_ip);
        return reply;
      },
    },
  },
});
