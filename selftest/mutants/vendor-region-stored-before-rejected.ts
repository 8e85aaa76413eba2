import { Code } from '../../server';
import { errorCode, store } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'vendor-region-stored-before-rejected',
  description: 'An unsupported vendor/region is written to the store, then rejected with 400/1157',
  expected: ['PUT-VENDOR-REGION-INVALID'],
  hooks: {
    operations: {
      put: (ctx, next) => {
        const reply = next(ctx);
        const { vendor, region } = (ctx.body ?? {}) as { vendor?: unknown; region?: unknown };
        const ip = ctx.canonicalize(ctx.originIp!);
        if (errorCode(reply) === Code.unsupportedRegion && ip && typeof vendor === 'string' && typeof region === 'string')
          store(ctx, ip, vendor, region);
        return reply;
      },
    },
  },
});
