import { Code, fail } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'put-repeat-409',
  description: 'Repeating a PUT with the stored vendor and region answers 409 "already exists"',
  expected: ['PUT-IDEMPOTENT'],
  hooks: {
    operations: {
      put: (ctx, next) => {
        const ip = ctx.canonicalize(ctx.originIp!);
        const existing = ip === null ? undefined : ctx.store.get(ip);
        const body = ctx.body as { vendor?: unknown; region?: unknown } | undefined;
        if (existing && body && existing.vendor === body.vendor && existing.region === body.region)
          return fail(409, Code.invalidBody, 'mapping already exists');
        return next(ctx);
      },
    },
  },
});
