import type { BatchItemResult } from '../../contract';
import { isSuccess } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'canonical-batch-delete-succeeded-as-given',
  description: 'A batch DELETE lists each deleted address in succeeded as it was sent, not in canonical text',
  expected: ['IP-CANONICAL-IPV6'],
  hooks: {
    operations: {
      'batch-delete': (ctx, next) => {
        const reply = next(ctx);
        if (!isSuccess(reply) || !Array.isArray(ctx.body)) return reply;
        const sent = ctx.body.filter((x): x is string => typeof x === 'string');
        const succeeded = (reply.body.result.succeeded as BatchItemResult[]).map((s) => ({ ...s, origin_ip: sent.find((t) => ctx.canonicalize(t) === s.origin_ip) ?? s.origin_ip }));
        return { ...reply, body: { ...reply.body, result: { ...reply.body.result, succeeded } } };
      },
    },
  },
});
