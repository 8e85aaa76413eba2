import { isSuccess } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'canonical-delete-result-as-given',
  description: 'DELETE finds the mapping through any spelling but names in its result the path text as given, not the canonical address',
  expected: ['IP-CANONICAL-IPV6'],
  hooks: {
    operations: {
      delete: (ctx, next) => {
        const reply = next(ctx);
        return isSuccess(reply) ? { ...reply, body: { ...reply.body, result: { origin_ip: ctx.originIp } } } : reply;
      },
    },
  },
});
