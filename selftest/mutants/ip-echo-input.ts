import { bodyIp, isSuccess } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'ip-echo-input',
  description: 'PUT stores the canonical address but answers with origin_ip exactly as the client spelled it',
  expected: ['IP-CANONICAL-IPV6'],
  hooks: {
    operations: {
      put: (ctx, next) => {
        const reply = next(ctx);
        const given = bodyIp(ctx);
        if (isSuccess(reply) && given !== undefined) reply.body.result = { ...reply.body.result, origin_ip: given };
        return reply;
      },
    },
  },
});
