import { isDecorated } from '../helpers';
import { defineMutant } from '../types';

// Decorated text in the PUT path (a zone index, a CIDR suffix, brackets, whitespace: decision 6's
// list) is refused with 422 instead of 400. Still a 4xx failure envelope (the MUST holds); only the
// SHOULD of decision 6, 400, fails. Non-canonical IPv4 (decision 4) keeps its 400.
export default defineMutant({
  id: 'invalid-put-path-422',
  description: 'PUT with text that is not a plain address in the path (zone index, CIDR, brackets, whitespace) answers 422 instead of 400',
  expected: ['IP-INVALID-400'],
  // A SHOULD: the run is strict, where its failure fails the verdict.
  strict: true,
  hooks: {
    operations: {
      put: (ctx, next) => {
        const reply = next(ctx);
        return reply.status === 400 && isDecorated(ctx, ctx.originIp) ? { ...reply, status: 422 } : reply;
      },
    },
  },
});
