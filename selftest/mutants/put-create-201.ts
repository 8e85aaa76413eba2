import { defineMutant } from '../types';

export default defineMutant({
  id: 'put-create-201',
  description: 'PUT of a new address answers 201 (the spec: create and replace both answer 200)',
  expected: ['PUT-CREATE'],
  hooks: {
    operations: {
      put: (ctx, next) => {
        const ip = ctx.canonicalize(ctx.originIp!);
        const isNew = ip !== null && !ctx.store.get(ip);
        const reply = next(ctx);
        if (isNew && reply.status === 200) reply.status = 201;
        return reply;
      },
    },
  },
});
