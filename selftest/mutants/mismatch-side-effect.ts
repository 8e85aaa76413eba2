import { isMismatch, store } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'mismatch-side-effect',
  description: 'A mismatched PUT writes the body\'s vendor and region under the path address, then answers 400',
  expected: ['PUT-MISMATCH-REJECTED'],
  hooks: {
    operations: {
      put: (ctx, next) => {
        if (isMismatch(ctx)) {
          const { vendor, region } = ctx.body as { vendor?: unknown; region?: unknown };
          if (typeof vendor === 'string' && typeof region === 'string' && ctx.isSupported(vendor, region))
            store(ctx, ctx.canonicalize(ctx.originIp!)!, vendor, region);
        }
        return next(ctx);
      },
    },
  },
});
