import { ok } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'put-replace-ignored',
  description: 'PUT of an existing address answers 200 with the new values but keeps the old mapping',
  expected: ['PUT-REPLACE', 'PUT-READBACK'],
  hooks: {
    operations: {
      put: (ctx, next) => {
        const ip = ctx.canonicalize(ctx.originIp!);
        const existing = ip === null ? undefined : ctx.store.get(ip);
        const reply = next(ctx);
        if (existing && reply.status === 200) {
          ctx.store.set(existing);
          return ok({ ...reply.body.result, modified_on: existing.modified_on });
        }
        return reply;
      },
    },
  },
});
