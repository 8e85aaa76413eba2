import type { BatchItemResult } from '../../contract';
import { isSuccess } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'canonical-batch-failed-uppercase',
  description: 'A failed batch PUT item names its address in upper-case hex: neither the text sent nor its canonical text',
  expected: ['IP-CANONICAL-IPV6'],
  hooks: {
    operations: {
      'batch-put': (ctx, next) => {
        const reply = next(ctx);
        if (!isSuccess(reply)) return reply;
        const failed = (reply.body.result.failed as BatchItemResult[]).map((f) => ({ ...f, origin_ip: (ctx.canonicalize(f.origin_ip) ?? f.origin_ip).toUpperCase() }));
        return { ...reply, body: { ...reply.body, result: { ...reply.body.result, failed } } };
      },
    },
  },
});
