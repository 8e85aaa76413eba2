import { bodyIp, isDecorated } from '../helpers';
import { defineMutant } from '../types';

// Decorated text as the body's origin_ip (a zone index, a CIDR suffix, brackets, whitespace:
// decision 6's list), with a valid address in the path, is refused with 422 instead of 400. Still a
// 4xx failure envelope (the MUST holds); only the SHOULD of decision 6, 400, fails.
export default defineMutant({
  id: 'invalid-put-body-422',
  description: 'PUT with text that is not a plain address as the body origin_ip (zone index, CIDR, brackets, whitespace) answers 422 instead of 400',
  expected: ['IP-INVALID-400'],
  // A SHOULD: the run is strict, where its failure fails the verdict.
  strict: true,
  hooks: {
    operations: {
      put: (ctx, next) => {
        const reply = next(ctx);
        const pathValid = ctx.originIp !== undefined && ctx.canonicalize(ctx.originIp) !== null;
        return reply.status === 400 && pathValid && isDecorated(ctx, bodyIp(ctx)) ? { ...reply, status: 422 } : reply;
      },
    },
  },
});
