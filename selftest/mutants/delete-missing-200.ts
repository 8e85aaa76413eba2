import { ok } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'delete-missing-200',
  description: 'DELETE of an address with no mapping answers 200 (decision 8: 404)',
  expected: ['DELETE-NOT-FOUND'],
  hooks: {
    operations: {
      delete: (ctx, next) => {
        const reply = next(ctx);
        return reply.status === 404 ? ok({ origin_ip: ctx.canonicalize(ctx.originIp!) }) : reply;
      },
    },
  },
});
